import path from 'node:path'
import {parseArgs} from 'node:util'
import {compareHashes, hashFolder, inputKey, readCheckRecord, writeCheckRecord} from '../check-record.js'
import {commonHelp, commonOptions, exitCodes, type Io, lockPathOf, outOption, printDiagnostics, readReporter, sourceOption} from '../cli-kit.js'
import type {Diagnostic, ReporterName} from '../diagnostics.js'

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

  // `check` first asks whether a run with byte-identical inputs was recorded: then hashing dist/ is enough.
  const key = values.cache ? await inputKey(sourcePath, io.cwd) : undefined
  const folder = path.resolve(io.cwd, outPath)
  if (command === 'check' && key) {
    const record = await readCheckRecord(io.cwd, sourcePath, key)
    if (record) {
      const failure = reportRun(record.diagnostics, record.strictFailures, reporter, values.strict, io)
      if (failure !== undefined) return failure
      return reportStale(compareHashes(await hashFolder(folder), record.outputs), outPath, reporter, io)
    }
  }

  // The full run: parsing and rendering load most of the tool, so they are imported only now.
  const [{readCatalog, readLockFile}, {renderOutputs}, {staleOutputs, writeOutputsAtomically}, i18n] = await Promise.all([
    import('../read.js'),
    import('../outputs.js'),
    import('../write.js'),
    import('@catalog/i18n')
  ])
  const {catalog, file, diagnostics, sourceHash} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const failed = diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)
  if (command === 'validate' || failed || !catalog || !file) {
    printDiagnostics(diagnostics, reporter, io)
    return failed || !catalog ? exitCodes.problems : exitCodes.ok
  }

  // The translation state only warns: an edit of the primary language never blocks regeneration.
  const lockFile = await readLockFile(lockPathOf(sourcePath), io.cwd)
  if (lockFile.diagnostic) diagnostics.push({...lockFile.diagnostic, severity: 'warning'})
  const status = i18n.translationStatus(catalog, lockFile.lock, {parserMessages: file.messages, pointers: file.data.pointers})
  const verdict = i18n.translationVerdict(status, {strict: true})
  const strictFailures = verdict.failed || lockFile.diagnostic ? (verdict.reasons.length > 0 ? verdict.reasons : ['unreadable lock']) : []
  const outputs = renderOutputs(catalog, {...(sourceHash === undefined ? {} : {sourceHash}), translationStatus: status})
  if (key) await writeCheckRecord(io.cwd, sourcePath, key, diagnostics, strictFailures, outputs)
  const failure = reportRun(diagnostics, strictFailures, reporter, values.strict, io)
  if (failure !== undefined) return failure
  if (command === 'build') {
    await writeOutputsAtomically(folder, outputs)
    if (reporter === 'text') {
      io.stderr(`catalog: wrote ${outputs.size} files to ${outPath} (${catalog.datasets.length} datasets)\n`)
      io.stderr(`catalog: ${i18n.formatTranslationSummary(status)}`)
    }
    return exitCodes.ok
  }
  return reportStale(await staleOutputs(folder, outputs), outPath, reporter, io)
}

/** Print a run's diagnostics; the exit code when `--strict` makes its warnings or translation state fail it. */
function reportRun(diagnostics: Diagnostic[], strictFailures: string[], reporter: ReporterName, strict: boolean, io: Io): number | undefined {
  printDiagnostics(diagnostics, reporter, io)
  if (!strict) return undefined
  if (diagnostics.length > 0) return exitCodes.problems
  if (strictFailures.length > 0) {
    io.stderr(`catalog: translation: ${strictFailures.join(', ')} (--strict); run \`catalog i18n\`\n`)
    return exitCodes.problems
  }
  return undefined
}

function reportStale(stale: Array<{path: string; state: 'changed' | 'missing' | 'extra'}>, outPath: string, reporter: ReporterName, io: Io): number {
  if (stale.length === 0) {
    if (reporter === 'text') io.stderr(`catalog: ${outPath} is fresh\n`)
    return exitCodes.ok
  }
  const describe = {changed: 'differs from what build writes', missing: 'is missing', extra: 'would be removed by build'}
  for (const file of stale) io.stderr(`${path.join(outPath, file.path)}: ${describe[file.state]}\n`)
  io.stderr(`catalog: ${outPath} is stale; run \`catalog build\` and commit the result\n`)
  return exitCodes.problems
}
