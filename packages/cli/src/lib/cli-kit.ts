import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {countBySeverity, type Diagnostic, escapeControls, formatDiagnostics, type ReporterName, reporterNames} from './diagnostics.js'
import {describeSystemError, FileTooLargeError} from './files.js'

/** Where the CLI prints; a test passes its own. */
export interface Io {
  stdout: (text: string) => void
  stderr: (text: string) => void
  cwd: string
}

export const exitCodes = {ok: 0, problems: 1, usage: 2, internal: 3} as const

/** A mistake in the command line: exit 2 with the usage hint. */
export class UsageError extends Error {}

/** A problem the run met outside the input's text (a held lock, a folder it may not replace): exit 1 with its message. */
export class RunError extends Error {}

/**
 * Say what went wrong and give the exit code: a usage error 2, a problem of
 * the run or a failed system call (a read-only folder, a full disk) 1, with
 * the path and the system's words; anything else is a bug of this tool, 3,
 * in one line and never with a stack.
 */
export function reportFailure(error: unknown, io: Pick<Io, 'stderr'>): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.stderr(`catalog: ${escapeControls((error as Error).message)}\nRun \`catalog --help\` for usage.\n`)
    return exitCodes.usage
  }
  const system = describeSystemError(error)
  if (error instanceof RunError || error instanceof FileTooLargeError || system !== undefined) {
    io.stderr(`catalog: ${escapeControls(system ?? (error as Error).message)}\n`)
    return exitCodes.problems
  }
  const message = error instanceof Error ? error.message : String(error)
  io.stderr(`catalog: internal error: ${escapeControls(message.split('\n')[0] ?? '')} (please report this bug)\n`)
  return exitCodes.internal
}

/** A path option given as an empty string names no file. */
export function pathOption(value: string, option: string): string {
  if (value === '') throw new UsageError(`${option} is empty; name a file or folder`)
  return value
}

export const commonOptions = {
  reporter: {type: 'string', default: 'text'},
  strict: {type: 'boolean', default: false},
  cache: {type: 'boolean', default: true}
} as const satisfies ParseArgsConfig['options']

type Options = NonNullable<ParseArgsConfig['options']>

/**
 * A command's arguments, parsed as every command parses them: unknown
 * options refused, `--no-<option>` accepted, and `-h`/`--help` printing the
 * command's help. Undefined when help was printed: the command has nothing
 * more to do.
 */
export function parseCommand<const O extends Options, const P extends boolean = false>(
  args: readonly string[],
  options: O,
  help: string,
  io: Pick<Io, 'stdout'>,
  allowPositionals?: P
): ParsedCommand<O, P> | undefined {
  const parsed = parseArgs({
    args: [...args],
    options: {...options, ...helpOption},
    allowPositionals: allowPositionals ?? false,
    allowNegative: true,
    strict: true
  })
  if ((parsed.values as {help?: boolean}).help) {
    io.stdout(help)
    return undefined
  }
  return parsed as unknown as ParsedCommand<O, P>
}

type ParsedCommand<O extends Options, P extends boolean> = ReturnType<
  typeof parseArgs<{args: string[]; options: O & typeof helpOption; allowPositionals: P; allowNegative: true; strict: true}>
>

const helpOption = {help: {type: 'boolean', short: 'h'}} as const satisfies Options

export const sourceOption = {source: {type: 'string', default: 'source/datasets.md'}} as const satisfies ParseArgsConfig['options']
export const outOption = {out: {type: 'string', default: 'dist'}} as const satisfies ParseArgsConfig['options']
export const forceOption = {force: {type: 'boolean', default: false}} as const satisfies ParseArgsConfig['options']

export const forceHelp = `  --force          replace DIR even when it holds files catalog did not write
`

export const commonHelp = `  --reporter NAME  text (default, to stderr), json or github (to stdout)
  --strict         warnings fail the command too
  --no-cache       parse every section afresh (parsed sections are cached in
                   node_modules/.cache/catalog, or $CATALOG_CACHE_DIR)
  -h, --help       show this help
`

export function printDiagnostics(diagnostics: Diagnostic[], reporter: ReporterName, io: Io): void {
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

export function readReporter(value: string): ReporterName {
  if ((reporterNames as readonly string[]).includes(value)) return value as ReporterName
  throw new UsageError(`unknown reporter "${value}"; use ${reporterNames.join(', ')}`)
}

export function isParseArgsError(error: unknown): boolean {
  const code = (error as {code?: unknown} | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_')
}

/** The translation lock lives beside the source. */
export function lockPathOf(sourcePath: string): string {
  return path.join(path.dirname(sourcePath), 'translations.lock.json')
}

/** The vocabulary of labels lives beside the source. */
export function vocabularyPathOf(sourcePath: string): string {
  return path.join(path.dirname(sourcePath), 'vocabulary.json')
}

/** The files a build reads (the source and the files beside it), which no output folder may swallow and `watch` watches. */
export function sourceFiles(sourcePath: string): Array<{path: string; what: string}> {
  return [
    {path: sourcePath, what: 'the source'},
    {path: lockPathOf(sourcePath), what: 'the translation lock'},
    {path: vocabularyPathOf(sourcePath), what: 'the vocabulary'}
  ]
}

/**
 * Where parsed sections and recorded runs are kept: `CATALOG_CACHE_DIR`, else
 * `node_modules/.cache/catalog` in the nearest folder above the source that has
 * a `node_modules` (so that `npm run build`, which runs in a package folder,
 * and `npx catalog check` at the root share it), else the user's cache folder
 * (`$XDG_CACHE_HOME/catalog` or `~/.cache/catalog`): never a new folder in the
 * working directory.
 */
export function cacheFolder(cwd: string, sourcePath: string): string {
  if (process.env['CATALOG_CACHE_DIR']) return path.resolve(cwd, process.env['CATALOG_CACHE_DIR'])
  for (let folder = path.dirname(path.resolve(cwd, sourcePath)); ; folder = path.dirname(folder)) {
    if (existsSync(path.join(folder, 'node_modules'))) return path.join(folder, 'node_modules/.cache/catalog')
    if (path.dirname(folder) === folder) break
  }
  const userCache = process.env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache')
  return path.join(userCache, 'catalog')
}
