import {readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs, type ParseArgsConfig} from 'node:util'
import {hashSource} from '@catalog/feeds'
import {
  acceptTranslations,
  findingRecord,
  formatFindingsTable,
  formatTranslationSummary,
  InvalidLockError,
  readLock,
  serializeLock,
  type TranslationLock,
  translationFindings,
  translationStatus,
  translationVerdict,
  UnknownSelectorError
} from '@catalog/i18n'
import {formatSource} from '@catalog/markdown'
import {checkCatalog, decodeSource, hasErrors, parseCatalog, positionOf, repairMojibake} from '@catalog/parser'
import {type Catalog, validateCatalog} from '@catalog/schema'
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
  format         rewrite the source in its canonical form (--check: only tell)
  render         write every output from a catalog JSON alone
  i18n           report the translation state; \`i18n accept\` confirms translations
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
  format: `Usage: catalog format [--source FILE] [--check] [--reporter NAME] [--strict]

Parse the source and rewrite it in the canonical form (the form \`catalog build\`
regenerates as dist/README.md): same content, house style. Running it twice
changes nothing. A source with errors, or with comments the canonical form
would drop, is left alone.

  --source FILE    the catalog source (default: source/datasets.md)
  --check          write nothing; exit 1 when the source is not canonical
${commonHelp}`,
  render: `Usage: catalog render --data FILE.json [--out DIR] [--lock FILE] [--reporter NAME]

Validate a catalog JSON against the schema and the catalog's rules, then render
every output from it alone into DIR, atomically, as \`catalog build\` does from
the source. A script can edit the JSON and regenerate everything.

  --data FILE      the catalog JSON (e.g. dist/datasets.json, edited)
  --out DIR        the output folder (default: dist)
  --lock FILE      a translation lock for dist/i18n-status.json (default: none)
${commonHelp}`,
  i18n: `Usage: catalog i18n [--source FILE] [--json] [--min-translated N] [--strict]
       catalog i18n accept [ID...] [--source FILE]

Compare every translated half with the primary one: missing, outdated (the
primary text changed since the translation was confirmed), orphan (only in
the translation), untranslated (copied) and mismatched (numbers, years, list
lengths, links, ratings) parts, each at its source line. The confirmations live
in translations.lock.json beside the source.

Exits 1 when anything is outdated or mismatched; missing, orphan and
untranslated parts only warn, unless --strict.

  --source FILE        the catalog source (default: source/datasets.md)
  --json               print {"findings": [...]} with source lines instead of a table
  --min-translated N   also fail when a language has less than N% translated
  --strict             fail on any finding

\`accept\` records the translations as confirmed: of the datasets (or
\`overview\`, \`categories\`, \`comparison\`) named, or of everything.
`,
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
    case 'format':
      return formatCommand(rest, io)
    case 'render':
      return renderCommand(rest, io)
    case 'i18n':
      return rest[0] === 'accept' ? acceptCommand(rest.slice(1), io) : i18nCommand(rest, io)
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

/**
 * Read and parse a source, and run the renderers' own checks; a file that
 * cannot be read is a diagnostic too. Parsed sections come from, and go to,
 * the section cache unless `cache` is false.
 */
export async function readCatalog(
  sourcePath: string,
  cwd: string,
  options: {cache?: boolean} = {}
): Promise<{catalog?: Catalog; file?: VFile; bytes?: Buffer; diagnostics: Diagnostic[]; sourceHash?: string}> {
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
  // `file` keeps `file.data.catalog` and the pointer map even when there are errors: `catalog i18n` reports translation errors as findings.
  return catalog && !hasErrors(file) ? {catalog, file, bytes, diagnostics, sourceHash: hashSource(bytes)} : {file, bytes, diagnostics}
}

// --- format ----------------------------------------------------------------

async function formatCommand(args: readonly string[], io: Io): Promise<number> {
  const {values} = parseArgs({args: [...args], options: {...commonOptions, ...sourceOption, check: {type: 'boolean', default: false}}, allowPositionals: false, allowNegative: true, strict: true})
  if (values.help) {
    io.stdout(help['format'] ?? usage)
    return exitCodes.ok
  }
  const reporter = readReporter(values.reporter)
  const sourcePath = values.source
  const {catalog, bytes, diagnostics} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const failed = diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)
  if (failed || !catalog || !bytes) {
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const current = bytes.toString('utf8')
  const formatted = formatSource(catalog)
  // The catalog keeps no HTML comment (nor its `catalog-disable` directives): formatting would delete them.
  const comments = (text: string): number => text.split('<!--').length - 1
  if (comments(current) > comments(formatted)) {
    const line = current.slice(0, current.indexOf('<!--')).split('\n').length
    diagnostics.push({file: sourcePath, line, column: 1, severity: 'error', ruleId: 'format-drops-comments', message: 'the canonical form keeps no HTML comments; remove them (or the catalog-disable directives) before formatting'})
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  printDiagnostics(diagnostics, reporter, io)
  const canonical = bytes.equals(Buffer.from(formatted, 'utf8'))
  if (values.check) {
    if (canonical) {
      if (reporter === 'text') io.stderr(`catalog: ${sourcePath} is in canonical form\n`)
      return exitCodes.ok
    }
    io.stderr(`${sourcePath}:${firstDifferentLine(current, formatted)}: not in canonical form; run \`catalog format --source ${sourcePath}\`\n`)
    return exitCodes.problems
  }
  if (canonical) {
    if (reporter === 'text') io.stderr(`catalog: ${sourcePath} is already in canonical form\n`)
    return exitCodes.ok
  }
  await writeFileAtomically(path.resolve(io.cwd, sourcePath), formatted)
  if (reporter === 'text') io.stderr(`catalog: formatted ${sourcePath}\n`)
  return exitCodes.ok
}

/** The first line (1-based) where two texts differ, for pointing at a non-canonical spot. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n')
  const right = b.split('\n')
  const index = left.findIndex((line, position) => line !== right[position])
  return (index === -1 ? Math.min(left.length, right.length) : index) + 1
}

/** Write beside the file and rename over it, so that a crash never leaves half a file. */
async function writeFileAtomically(target: string, content: string): Promise<void> {
  const temporary = `${target}.${process.pid}.tmp`
  await writeFile(temporary, content)
  await rename(temporary, target)
}

// --- render ----------------------------------------------------------------

async function renderCommand(args: readonly string[], io: Io): Promise<number> {
  const {values} = parseArgs({
    args: [...args],
    options: {...commonOptions, ...outOption, data: {type: 'string'}, lock: {type: 'string'}},
    allowPositionals: false,
    strict: true
  })
  if (values.help) {
    io.stdout(help['render'] ?? usage)
    return exitCodes.ok
  }
  const reporter = readReporter(values.reporter)
  const dataPath = values.data
  if (dataPath === undefined) throw new UsageError('render needs --data FILE.json')
  const fail = (diagnostics: Diagnostic[]): number => {
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const at = (ruleId: string, message: string): Diagnostic => ({file: dataPath, line: 1, column: 1, severity: 'error', ruleId, message})
  let value: unknown
  try {
    value = JSON.parse(await readFile(path.resolve(io.cwd, dataPath), 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return fail([at(code ? 'unreadable-file' : 'invalid-json', code === 'ENOENT' ? 'cannot read the catalog: no such file' : `cannot read the catalog: ${(error as Error).message}`)])
  }
  // The schema first: the catalog's own rules assume its shape.
  const validation = validateCatalog(value)
  if (!validation.valid) return fail(validation.violations.map((violation) => at('schema', violation.message)))
  const catalog = validation.catalog
  const findings = checkCatalog(catalog)
  const diagnostics = findings.map((finding) => ({...at(finding.ruleId, `${finding.pointer}: ${finding.message}`), severity: finding.severity}))
  if (diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)) return fail(diagnostics)
  printDiagnostics(diagnostics, reporter, io)
  let lock: TranslationLock | undefined
  if (values.lock !== undefined) {
    const lockFile = await readLockFile(values.lock, io.cwd)
    if (lockFile.diagnostic) return fail([lockFile.diagnostic])
    lock = lockFile.lock
  }
  const outputs = renderOutputs(catalog, {translationStatus: translationStatus(catalog, lock)})
  await writeOutputsAtomically(path.resolve(io.cwd, values.out), outputs)
  if (reporter === 'text') io.stderr(`catalog: rendered ${outputs.size} files to ${values.out} from ${dataPath} (${catalog.datasets.length} datasets)\n`)
  return exitCodes.ok
}

// --- i18n ------------------------------------------------------------------

/** The translation lock lives beside the source. */
function lockPathOf(sourcePath: string): string {
  return path.join(path.dirname(sourcePath), 'translations.lock.json')
}

/** Read a lock; none is no error (nothing is outdated then), an unreadable one is. */
async function readLockFile(lockPath: string, cwd: string): Promise<{lock?: TranslationLock; diagnostic?: Diagnostic}> {
  let text: string
  try {
    text = await readFile(path.resolve(cwd, lockPath), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {}
    return {diagnostic: {file: lockPath, line: 1, column: 1, severity: 'error', ruleId: 'unreadable-file', message: `cannot read the translation lock: ${(error as Error).message}`}}
  }
  try {
    return {lock: readLock(text)}
  } catch (error) {
    if (!(error instanceof InvalidLockError)) throw error
    return {diagnostic: {file: lockPath, line: 1, column: 1, severity: 'error', ruleId: 'invalid-lock', message: `${error.message}; run \`catalog i18n accept\` to write it afresh`}}
  }
}

/** Parser errors that are translation mismatches: `catalog i18n` reports them as findings rather than refusing the source. */
const translationErrorRules = new Set(['rating-mismatch', 'heading-mismatch', 'category-mismatch', 'fact-count-mismatch', 'access-count-mismatch'])

async function i18nCommand(args: readonly string[], io: Io): Promise<number> {
  const {values} = parseArgs({
    args: [...args],
    options: {...sourceOption, help: commonOptions.help, cache: commonOptions.cache, json: {type: 'boolean', default: false}, strict: commonOptions.strict, 'min-translated': {type: 'string'}},
    allowPositionals: false,
    allowNegative: true,
    strict: true
  })
  if (values.help) {
    io.stdout(help['i18n'] ?? usage)
    return exitCodes.ok
  }
  const minTranslated = values['min-translated'] === undefined ? 0 : Number(values['min-translated'])
  if (!Number.isFinite(minTranslated) || minTranslated < 0 || minTranslated > 100) throw new UsageError('--min-translated takes a percentage from 0 to 100')
  const sourcePath = values.source
  const {file, diagnostics} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const catalog = file?.data.catalog
  const pointers = file?.data.pointers
  const blocking = diagnostics.filter((d) => d.severity === 'error' && !translationErrorRules.has(d.ruleId))
  if (!file || !catalog || !pointers || blocking.length > 0) {
    printDiagnostics(blocking.length > 0 ? blocking : diagnostics, 'text', io)
    return exitCodes.problems
  }
  const lockPath = lockPathOf(sourcePath)
  const lockFile = await readLockFile(lockPath, io.cwd)
  if (lockFile.diagnostic) {
    printDiagnostics([lockFile.diagnostic], 'text', io)
    return exitCodes.problems
  }
  if (!lockFile.lock) io.stderr(`catalog: no ${lockPath}: nothing can be outdated; run \`catalog i18n accept\` to confirm the current translations\n`)
  const options = {parserMessages: file.messages, pointers}
  const findings = translationFindings(catalog, {...options, lock: lockFile.lock})
  const status = translationStatus(catalog, lockFile.lock, options)
  const lineOf = (finding: (typeof findings)[number]): number | undefined => finding.line ?? positionOf(pointers, finding.pointer)?.start.line
  const primary = catalog.languages[0]?.code ?? ''
  if (values.json) {
    io.stdout(`${JSON.stringify({findings: findings.map((finding) => findingRecord(finding, primary, lineOf(finding) ?? null))}, null, 2)}\n`)
  } else {
    io.stdout(formatFindingsTable(findings, {lineOf}))
  }
  io.stderr(`catalog: ${formatTranslationSummary(status)}`)
  const verdict = translationVerdict(status, {strict: values.strict, minTranslated})
  if (!verdict.failed) return exitCodes.ok
  io.stderr(`catalog: translation check failed: ${verdict.reasons.join(', ')}\n`)
  return exitCodes.problems
}

async function acceptCommand(args: readonly string[], io: Io): Promise<number> {
  const {values, positionals} = parseArgs({
    args: [...args],
    options: {...sourceOption, help: commonOptions.help, cache: commonOptions.cache},
    allowPositionals: true,
    allowNegative: true,
    strict: true
  })
  if (values.help) {
    io.stdout(help['i18n'] ?? usage)
    return exitCodes.ok
  }
  const sourcePath = values.source
  const {catalog, diagnostics} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  if (!catalog) {
    // Confirming a source with errors would confirm a translation the catalog may not even hold.
    printDiagnostics(diagnostics, 'text', io)
    return exitCodes.problems
  }
  const lockPath = lockPathOf(sourcePath)
  const lockFile = await readLockFile(lockPath, io.cwd)
  if (lockFile.diagnostic && positionals.length > 0) {
    printDiagnostics([lockFile.diagnostic], 'text', io)
    return exitCodes.problems
  }
  let lock: TranslationLock
  try {
    lock = acceptTranslations(catalog, lockFile.lock, positionals)
  } catch (error) {
    if (error instanceof UnknownSelectorError) throw new UsageError(`${error.message}; name dataset ids, or overview, categories, comparison`)
    throw error
  }
  await writeFileAtomically(path.resolve(io.cwd, lockPath), serializeLock(lock))
  io.stderr(`catalog: confirmed the translations of ${positionals.length > 0 ? positionals.join(', ') : 'the whole catalog'} in ${lockPath}\n`)
  return exitCodes.ok
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
