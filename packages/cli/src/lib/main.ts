import {readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {hashSource} from '@catalog/feeds'
import {decodeSource, hasErrors, parseCatalog, repairMojibake} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
import {VFile} from 'vfile'
import {countBySeverity, type Diagnostic, formatDiagnostics, type ReporterName, reporterNames, toDiagnostics} from './diagnostics.js'
import {cacheFolder, FileSectionCache} from './cache.js'
import {outputChecks, renderOutputs} from './outputs.js'
import {staleOutputs, writeOutputsAtomically} from './write.js'

/** Where the CLI prints; a test passes its own. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
}

export const exitCodes = {ok: 0, problems: 1, usage: 2, internal: 3} as const

class UsageError extends Error {}

const commonOptions = {
  help: {type: 'boolean', short: 'h'},
  reporter: {type: 'string', default: 'text'},
  strict: {type: 'boolean', default: false},
  cache: {type: 'boolean', default: true}
} as const satisfies ParseArgsConfig['options']

const sourceOption = {source: {type: 'string', default: 'source/datasets.md'}} as const satisfies ParseArgsConfig['options']
const outOption = {out: {type: 'string', default: 'dist'}} as const satisfies ParseArgsConfig['options']

const usage = `Usage: catalog <command> [options]

Turns the bilingual markdown catalog into validated JSON and everything rendered from it.

Commands:
  build          parse, validate and write every output into --out, atomically
  validate       parse and validate; print diagnostics only
  check          exit 1 when --out differs from what build would write
  fix-encoding   repair mojibake (UTF-8 decoded as Mac Roman, Windows-1252 or Latin-1)

Run \`catalog <command> --help\` for a command's options.
Exit codes: 0 ok, 1 problems in the input, 2 usage error, 3 internal error.
`

const commonHelp = `  --reporter NAME  text (default, to stderr), json or github (to stdout)
  --strict         warnings fail the command too
  --no-cache       parse every section afresh (parsed sections are cached in
                   node_modules/.cache/catalog, or \$CATALOG_CACHE_DIR)
  -h, --help       show this help
`

const help: Record<string, string> = {
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
${commonHelp}`,
  'fix-encoding': `Usage: catalog fix-encoding FILE [--write]

Repair text that was saved as UTF-8, decoded as Mac Roman, Windows-1252 or
Latin-1 and saved again ("MÃ©dica" or "M√©dica" for "Médica"). Prints the
repaired text, or with --write replaces FILE. Refuses, with a diagnostic,
when the damage cannot be reversed exactly.

  --write          rewrite FILE in place
  -h, --help       show this help
`
}

/** Run the CLI; returns the exit code. Bad input never throws out of here. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.stderr(`catalog: ${(error as Error).message}\nRun \`catalog --help\` for usage.\n`)
      return exitCodes.usage
    }
    // Anything else is a bug in the catalog tool, never in the input: one line, no stack.
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`catalog: internal error: ${message.split('\n')[0]} (please report this bug)\n`)
    return exitCodes.internal
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout(usage)
    return command === undefined ? exitCodes.usage : exitCodes.ok
  }
  switch (command) {
    case 'build':
    case 'validate':
    case 'check':
      return runCatalogCommand(command, rest, io)
    case 'fix-encoding':
      return fixEncoding(rest, io)
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}

async function runCatalogCommand(command: 'build' | 'validate' | 'check', args: readonly string[], io: Io): Promise<number> {
  const options = command === 'validate' ? {...commonOptions, ...sourceOption} : {...commonOptions, ...sourceOption, ...outOption}
  const {values} = parseArgs({args: [...args], options, allowPositionals: false, allowNegative: true, strict: true})
  if (values.help) {
    io.stdout(help[command] ?? usage)
    return exitCodes.ok
  }
  const reporter = readReporter(values.reporter)
  const sourcePath = values.source
  const outPath = 'out' in values && typeof values.out === 'string' ? values.out : 'dist'

  const {catalog, diagnostics, sourceHash} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const failed = diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)
  printDiagnostics(diagnostics, reporter, io)
  if (failed || !catalog) return exitCodes.problems

  if (command === 'validate') return exitCodes.ok
  const outputs = renderOutputs(catalog, sourceHash === undefined ? {} : {sourceHash})
  const folder = path.resolve(io.cwd, outPath)
  if (command === 'build') {
    await writeOutputsAtomically(folder, outputs)
    if (reporter === 'text') io.stderr(`catalog: wrote ${outputs.size} files to ${outPath} (${catalog.datasets.length} datasets)\n`)
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

/**
 * Read and parse a source, and run the renderers' own checks; a file that
 * cannot be read is a diagnostic too. Parsed sections come from, and go to,
 * the section cache unless `cache` is false.
 */
export async function readCatalog(
  sourcePath: string,
  cwd: string,
  options: {cache?: boolean} = {}
): Promise<{catalog?: Catalog; diagnostics: Diagnostic[]; sourceHash?: string}> {
  const file = new VFile({path: sourcePath, cwd})
  let bytes: Buffer
  try {
    bytes = await readFile(path.resolve(cwd, sourcePath))
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message
    return {diagnostics: [{file: sourcePath, line: 1, column: 1, severity: 'error', ruleId: 'unreadable-file', message: `cannot read the source: ${reason}`}]}
  }
  file.value = bytes
  const cache = options.cache === false ? undefined : await FileSectionCache.open(cacheFolder(cwd))
  const {catalog} = parseCatalog(file, cache ? {cache, checks: outputChecks} : {checks: outputChecks})
  await cache?.save()
  const diagnostics = toDiagnostics(file)
  return catalog && !hasErrors(file) ? {catalog, diagnostics, sourceHash: hashSource(bytes)} : {diagnostics}
}

function printDiagnostics(diagnostics: Diagnostic[], reporter: ReporterName, io: Io): void {
  if (reporter === 'json') {
    io.stdout(formatDiagnostics(diagnostics, 'json'))
    return
  }
  if (diagnostics.length === 0) return
  if (reporter === 'github') {
    io.stdout(formatDiagnostics(diagnostics, 'github'))
    return
  }
  const {errors, warnings} = countBySeverity(diagnostics)
  io.stderr(formatDiagnostics(diagnostics, 'text'))
  io.stderr(`${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

function readReporter(value: string): ReporterName {
  if ((reporterNames as readonly string[]).includes(value)) return value as ReporterName
  throw new UsageError(`unknown reporter "${value}"; use ${reporterNames.join(', ')}`)
}

async function fixEncoding(args: readonly string[], io: Io): Promise<number> {
  const {values, positionals} = parseArgs({
    args: [...args],
    options: {help: {type: 'boolean', short: 'h'}, write: {type: 'boolean', default: false}},
    allowPositionals: true,
    strict: true
  })
  if (values.help) {
    io.stdout(help['fix-encoding'] ?? usage)
    return exitCodes.ok
  }
  const [filePath, ...extra] = positionals
  if (!filePath || extra.length > 0) throw new UsageError('fix-encoding takes exactly one FILE')
  const fail = (line: number, column: number, ruleId: string, message: string): number => {
    printDiagnostics([{file: filePath, line, column, severity: 'error', ruleId, message}], 'text', io)
    return exitCodes.problems
  }
  let bytes: Buffer
  try {
    bytes = await readFile(path.resolve(io.cwd, filePath))
  } catch (error) {
    return fail(1, 1, 'unreadable-file', `cannot read the file: ${(error as Error).message}`)
  }
  const decoded = decodeSource(bytes)
  if (!decoded.ok) return fail(decoded.line, decoded.column, decoded.ruleId, decoded.reason)
  const result = repairMojibake(decoded.text)
  if (!result.ok) {
    return fail(result.point.line, result.point.column, 'encoding', result.reason)
  }
  if (values.write) {
    // Write beside the file and rename over it, so that a crash never leaves half a file.
    const target = path.resolve(io.cwd, filePath)
    const temporary = `${target}.${process.pid}.tmp`
    await writeFile(temporary, result.text)
    await rename(temporary, target)
    io.stderr(`catalog: repaired ${filePath} (it was UTF-8 read as ${result.encodingName})\n`)
  } else {
    io.stdout(result.text)
  }
  return exitCodes.ok
}

function isParseArgsError(error: unknown): boolean {
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}
