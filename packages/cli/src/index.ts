export {main, readCatalog, exitCodes, type Io} from './lib/main.js'
export {renderOutputs, outputChecks, type Outputs, type RenderOptions} from './lib/outputs.js'
export {writeOutputsAtomically, staleOutputs, resolveInside} from './lib/write.js'
export {formatDiagnostics, toDiagnostics, type Diagnostic, type ReporterName} from './lib/diagnostics.js'
