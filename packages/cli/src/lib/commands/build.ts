import path from 'node:path'
import {parseArgs} from 'node:util'
import {formatTranslationSummary, translationStatus, translationVerdict} from '@catalog/i18n'
import {commonHelp, commonOptions, exitCodes, type Io, outOption, printDiagnostics, readReporter, sourceOption} from '../cli-kit.js'
import {renderOutputs} from '../outputs.js'
import {lockPathOf, readCatalog, readLockFile} from '../read.js'
import {staleOutputs, writeOutputsAtomically} from '../write.js'

export const help: Record<'build' | 'validate' | 'check', string> = {
  build: `Usage: catalog build [--source FILE] [--out DIR] [--reporter NAME] [--strict]

Parse and validate the source, render every output in memory, write them into
a temporary folder beside DIR and swap it in. A source with errors writes
nothing and leaves DIR as it was.

  --source FILE    the catalog source (default: source/datasets.md)
  --out DIR        the output folder (default: dist)
${commonHelp}`,
  validate: `Usage: catalog validate [--source FILE] [--reporter NAME] [--strict]

Parse and validate the source and print every problem at its line and column.

  --source FILE    the catalog source (default: source/datasets.md)
${commonHelp}`,
  check: `Usage: catalog check [--source FILE] [--out DIR] [--reporter NAME] [--strict]

Exit 1, naming the stale files, when DIR differs from what \`catalog build\`
would write; exit 0 when it is fresh.

  --source FILE    the catalog source (default: source/datasets.md)
  --out DIR        the output folder (default: dist)
${commonHelp}`
}

export async function runCatalogCommand(command: 'build' | 'validate' | 'check', args: readonly string[], io: Io): Promise<number> {
  const options = command === 'validate' ? {...commonOptions, ...sourceOption} : {...commonOptions, ...sourceOption, ...outOption}
  const {values} = parseArgs({args: [...args], options, allowPositionals: false, allowNegative: true, strict: true})
  if (values.help) {
    io.stdout(help[command])
    return exitCodes.ok
  }
  const reporter = readReporter(values.reporter)
  const sourcePath = values.source
  const outPath = 'out' in values && typeof values.out === 'string' ? values.out : 'dist'

  const {catalog, file, diagnostics, sourceHash} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const failed = diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)
  if (command === 'validate' || failed || !catalog || !file) {
    printDiagnostics(diagnostics, reporter, io)
    return failed || !catalog ? exitCodes.problems : exitCodes.ok
  }

  // The translation state only warns: an edit of the primary language never blocks regeneration.
  const lockFile = await readLockFile(lockPathOf(sourcePath), io.cwd)
  if (lockFile.diagnostic) diagnostics.push({...lockFile.diagnostic, severity: 'warning'})
  const status = translationStatus(catalog, lockFile.lock, {parserMessages: file.messages, pointers: file.data.pointers})
  printDiagnostics(diagnostics, reporter, io)
  const verdict = translationVerdict(status, {strict: values.strict})
  if (values.strict && (verdict.failed || lockFile.diagnostic)) {
    io.stderr(`catalog: translation: ${verdict.reasons.join(', ') || 'unreadable lock'} (--strict); run \`catalog i18n\`\n`)
    return exitCodes.problems
  }
  const outputs = renderOutputs(catalog, {...(sourceHash === undefined ? {} : {sourceHash}), translationStatus: status})
  const folder = path.resolve(io.cwd, outPath)
  if (command === 'build') {
    await writeOutputsAtomically(folder, outputs)
    if (reporter === 'text') {
      io.stderr(`catalog: wrote ${outputs.size} files to ${outPath} (${catalog.datasets.length} datasets)\n`)
      io.stderr(`catalog: ${formatTranslationSummary(status)}`)
    }
    return exitCodes.ok
  }
  const stale = await staleOutputs(folder, outputs)
  if (stale.length === 0) {
    if (reporter === 'text') io.stderr(`catalog: ${outPath} is fresh\n`)
    return exitCodes.ok
  }
  const describe = {changed: 'differs from what build writes', missing: 'is missing', extra: 'would be removed by build'}
  for (const file of stale) io.stderr(`${path.join(outPath, file.path)}: ${describe[file.state]}\n`)
  io.stderr(`catalog: ${outPath} is stale; run \`catalog build\` and commit the result\n`)
  return exitCodes.problems
}
