import {type TranslationLock, translationStatus} from '@catalog/i18n'
import {checkCatalog, defaultLimits} from '@catalog/parser'
import {validateCatalog} from '@catalog/schema'
import {
  commonHelp,
  commonOptions,
  exitCodes,
  forceHelp,
  forceOption,
  type Io,
  outOption,
  pathOption,
  printDiagnostics,
  readReporter,
  sourceFiles,
  sourceOption,
  UsageError,
  parseCommand
} from '../cli-kit.js'
import type {Diagnostic} from '../diagnostics.js'
import {readInput} from '../inputs.js'
import {roundTripProblem} from '../guard.js'
import {readJson} from '../json-input.js'
import {assertReplaceable, resolveOutFolder} from '../out-folder.js'
import {outputChecks, renderOutputs} from '../outputs.js'
import {readLockFile} from '../read.js'
import {writeOutputsAtomically} from '../write.js'

export const help = `Usage: catalog render --data FILE.json [--out DIR] [--lock FILE] [--force] [--reporter NAME]

Validate a catalog JSON against the schema and the catalog's rules, then render
every output from it alone into DIR, atomically, as \`catalog build\` does from
the source. A script can edit the JSON and regenerate everything. DIR is
guarded as by \`catalog build\`.

  --data FILE      the catalog JSON (e.g. dist/datasets.json, edited)
  --out DIR        the output folder (default: dist)
  --lock FILE      a translation lock for dist/i18n-status.json (default: none)
${forceHelp}${commonHelp}`

export async function renderCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, {...commonOptions, ...outOption, ...forceOption, data: {type: 'string'}, lock: {type: 'string'}}, help, io)
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  const reporter = readReporter(values.reporter)
  if (values.data === undefined) throw new UsageError('render needs --data FILE.json')
  const dataPath = pathOption(values.data, '--data')
  const outPath = pathOption(values.out, '--out')
  // The catalog's own source and the files beside it are guarded as `build` guards them, though render reads none of them.
  const protectedPaths = [
    {path: dataPath, what: 'the catalog JSON'},
    ...(values.lock === undefined ? [] : [{path: values.lock, what: 'the translation lock'}]),
    ...sourceFiles(sourceOption.source.default)
  ]
  const folder = await resolveOutFolder(outPath, io.cwd, protectedPaths)
  assertReplaceable(folder, outPath, values.force)
  const fail = (diagnostics: Diagnostic[]): number => {
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const at = (ruleId: string, message: string): Diagnostic => ({file: dataPath, line: 1, column: 1, severity: 'error', ruleId, message})
  // A catalog's JSON is a few times its markdown: the same bound, four times over.
  const read = await readInput(dataPath, io.cwd, 'the catalog JSON', 4 * defaultLimits.maxBytes)
  if ('diagnostic' in read) return fail([read.diagnostic])
  const json = readJson(read.bytes.toString('utf8'))
  if ('error' in json) return fail([{...at('invalid-json', `the catalog JSON: ${json.error.message}`), line: json.error.line, column: json.error.column}])
  const {value, placeOf} = json.document
  /** A problem at a part of the catalog: named at its line, and by its pointer, which is how a program that wrote the JSON finds it. */
  const atPointer = (ruleId: string, pointer: string, message: string): Diagnostic => ({
    ...at(ruleId, message.startsWith(`${pointer || '/'} `) ? message : `${pointer || '/'}: ${message}`),
    ...placeOf(pointer)
  })
  // The schema first: the catalog's own rules assume its shape.
  const validation = validateCatalog(value)
  if (!validation.valid) return fail(validation.violations.map((violation) => atPointer('schema', violation.pointer, violation.message)))
  const catalog = validation.catalog
  const findings = checkCatalog(catalog)
  const diagnostics: Diagnostic[] = findings.map((finding) => ({...atPointer(finding.ruleId, finding.pointer, finding.message), severity: finding.severity}))
  // Then the markdown it regenerates must read back as the same catalog, within the parser's limits, before any
  // renderer reads its texts: what the source could not hold, the JSON may not smuggle into an output.
  if (!diagnostics.some((d) => d.severity === 'error')) {
    const roundTrip = roundTripProblem(catalog)
    if (roundTrip) diagnostics.push(atPointer('render-round-trip', roundTrip.pointer, roundTrip.message))
  }
  if (!diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(
      ...outputChecks
        .flatMap((check) => check(catalog))
        .map((finding) => ({...atPointer(finding.ruleId, finding.pointer, finding.message), severity: finding.severity}))
    )
  }
  if (diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)) return fail(diagnostics)
  let lock: TranslationLock | undefined
  if (values.lock !== undefined) {
    const lockFile = await readLockFile(values.lock, io.cwd)
    if (lockFile.diagnostic) return fail([...diagnostics, lockFile.diagnostic])
    lock = lockFile.lock
  }
  printDiagnostics(diagnostics, reporter, io)
  const outputs = renderOutputs(catalog, {translationStatus: translationStatus(catalog, lock)})
  // Again: the folder may have changed while the catalog was read and rendered.
  assertReplaceable(folder, outPath, values.force)
  await writeOutputsAtomically(folder, outputs, {onWarning: (message) => io.stderr(`catalog: ${message}\n`)})
  if (reporter === 'text') io.stderr(`catalog: rendered ${outputs.size} files to ${outPath} from ${dataPath} (${catalog.datasets.length} datasets)\n`)
  return exitCodes.ok
}
