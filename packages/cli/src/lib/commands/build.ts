import path from 'node:path'
import {hashFolder, inputKey, outputsDigest, readCheckRecord, writeCheckRecord} from '../check-record.js'
import {
  commonHelp,
  commonOptions,
  exitCodes,
  forceHelp,
  forceOption,
  type Io,
  lockPathOf,
  outOption,
  pathOption,
  printDiagnostics,
  readReporter,
  sourceFiles,
  sourceOption,
  vocabularyPathOf,
  parseCommand
} from '../cli-kit.js'
import type {Diagnostic, ReporterName} from '../diagnostics.js'
import {assertReplaceable, resolveOutFolder} from '../out-folder.js'
import {readInput} from '../inputs.js'

export const help: Record<'build' | 'validate' | 'check', string> = {
  build: `Usage: catalog build [--source FILE] [--out DIR] [--force] [--reporter NAME] [--strict]

Parse and validate the source, render every output in memory, write them into
a temporary folder beside DIR and swap it in. A source with errors writes
nothing and leaves DIR as it was. DIR is replaced whole, so it may not hold
the working folder or the source, nor be, hold or lie inside a .git; a DIR
that holds files needs --force unless it holds catalog's
.catalog-manifest.json and only the files that manifest lists.

  --source FILE    the catalog source (default: source/datasets.md)
  --out DIR        the output folder (default: dist)
${forceHelp}${commonHelp}`,
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
  const options =
    command === 'validate'
      ? {...commonOptions, ...sourceOption}
      : command === 'build'
        ? {...commonOptions, ...sourceOption, ...outOption, ...forceOption}
        : {...commonOptions, ...sourceOption, ...outOption}
  const parsed = parseCommand(args, options, help[command], io)
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  const reporter = readReporter(values.reporter)
  const sourcePath = pathOption(values.source, '--source')
  const outPath = 'out' in values && typeof values.out === 'string' ? pathOption(values.out, '--out') : 'dist'
  const force = 'force' in values && values.force === true
  // A folder that build must not replace is refused before anything is read.
  const folder = command === 'build' ? await resolveOutFolder(outPath, io.cwd, sourceFiles(sourcePath)) : path.resolve(io.cwd, outPath)
  if (command === 'build') assertReplaceable(folder, outPath, force)

  // Each input is read once: a pipe or a FIFO can only be read once.
  const source = await readInput(sourcePath, io.cwd, 'the source')
  if ('diagnostic' in source) {
    printDiagnostics([source.diagnostic], reporter, io)
    return exitCodes.problems
  }
  const lockPath = lockPathOf(sourcePath)
  const lockRead = await readInput(lockPath, io.cwd, 'the translation lock')
  const vocabularyRead = await readInput(vocabularyPathOf(sourcePath), io.cwd, 'the vocabulary')
  const bytesOf = (read: typeof lockRead): Buffer | undefined => ('bytes' in read ? read.bytes : undefined)
  const key =
    command !== 'validate' && values.cache ? inputKey(path.resolve(io.cwd, sourcePath), [source.bytes, bytesOf(lockRead), bytesOf(vocabularyRead)]) : undefined

  // `check` first asks whether a run with byte-identical inputs wrote exactly this folder: then it is fresh.
  if (command === 'check' && key) {
    const hashes = await hashFolder(folder)
    const record = hashes && (await readCheckRecord(io.cwd, sourcePath, key, outputsDigest(hashes)))
    if (record) {
      const failure = reportRun(record.diagnostics, record.strictFailures, reporter, values.strict, io)
      return failure ?? reportStale([], outPath, reporter, io)
    }
  }

  // The full run: parsing and rendering load most of the tool, so they are imported only now.
  const [{parseSource, parseLockFile, openStore}, {renderOutputs, outputHashes}, {staleOutputs, writeOutputsAtomically}, i18n] = await Promise.all([
    import('../read.js'),
    import('../outputs.js'),
    import('../write.js'),
    import('@catalog/i18n')
  ])
  // One store serves the parse (per section) and the renderers (per dataset); it is saved once the outputs are rendered.
  const store = values.cache ? openStore(io.cwd, sourcePath) : undefined
  const {catalog, diagnostics, sourceHash} = await parseSource(sourcePath, io.cwd, source.bytes, vocabularyRead, store ? {store} : {cache: false})
  const failed = diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)
  if (command === 'validate' || failed || !catalog) {
    await store?.save()
    printDiagnostics(diagnostics, reporter, io)
    return failed || !catalog ? exitCodes.problems : exitCodes.ok
  }

  // A lock that is not one is a bad input like any other: nothing is written, and the message says how to write it afresh.
  const lockFile = parseLockFile(lockPath, lockRead)
  if (lockFile.diagnostic) {
    await store?.save()
    printDiagnostics([...diagnostics, lockFile.diagnostic], reporter, io)
    return exitCodes.problems
  }
  // The translation state only warns: an edit of the primary language never blocks regeneration.
  const status = i18n.translationStatus(catalog, lockFile.lock)
  const verdict = i18n.translationVerdict(status, {strict: true})
  const strictFailures = verdict.failed ? verdict.reasons : []
  const outputs = renderOutputs(catalog, {...(sourceHash === undefined ? {} : {sourceHash}), translationStatus: status, ...(store ? {fragments: store} : {})})
  await store?.save()
  if (key) await writeCheckRecord(io.cwd, sourcePath, key, outputsDigest(outputHashes(outputs)), diagnostics, strictFailures)
  const failure = reportRun(diagnostics, strictFailures, reporter, values.strict, io)
  if (failure !== undefined) return failure
  if (command === 'build') {
    // Again: the folder may have changed while the catalog was read and rendered.
    assertReplaceable(folder, outPath, force)
    await writeOutputsAtomically(folder, outputs, {onWarning: (message) => io.stderr(`catalog: ${message}\n`)})
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
