import path from 'node:path'
import {
  acceptTranslations,
  failingStates,
  findingRecord,
  formatFindingsTable,
  formatTranslationSummary,
  selectedBy,
  serializeLock,
  translationFindings,
  type TranslationLock,
  translationStatus,
  translationVerdict,
  UnknownSelectorError,
  wordDiff
} from '@catalog/i18n'
import {positionOf} from '@catalog/parser'
import {commonOptions, exitCodes, lockPathOf, type Io, pathOption, printDiagnostics, readReporter, sourceOption, UsageError, parseCommand} from '../cli-kit.js'
import {writeFileAtomically} from '../files.js'
import {type Diagnostic, formatDiagnostics} from '../diagnostics.js'
import {readCatalog, readLockFile} from '../read.js'

export const help = `Usage: catalog i18n [--source FILE] [--reporter NAME] [--min-translated N] [--strict]
       catalog i18n accept [ID...] [--source FILE] [--force]
       catalog i18n export [--lang CODE] [--source FILE] [--out FILE]
       catalog i18n import FILE.po [--source FILE]

Compare every translated half with the primary one: missing, outdated (the
primary text changed since the translation was confirmed; shown with the
text it was confirmed against, as a word diff), unconfirmed (never
confirmed), orphan (only in the translation), untranslated (copied) and
mismatched (numbers, years, list lengths, links, ratings) parts, each at its
source line. The confirmations, with the primary text each was made from,
live in translations.lock.json beside the source.

Exits 1 when anything is outdated or mismatched; missing, unconfirmed, orphan
and untranslated parts only warn, unless --strict.

  --source FILE        the catalog source (default: source/datasets.md)
  --reporter NAME      text (default: a table), json ({"findings": [...],
                       "diagnostics": [...]}: each finding with its file, line,
                       column, severity and rule, as diagnostics have them;
                       the diagnostics are what stopped the comparison) or
                       github (workflow commands that annotate the source
                       lines: warnings for what fails, notices for the rest);
                       all on stdout
  --json               the same as --reporter json
  --min-translated N   also fail when a language has less than N% translated
  --strict             fail on any finding

\`accept\` records the translations as confirmed: of the datasets (or
\`overview\`, \`categories\`, \`comparison\`) named, or of everything. It
refuses while any of them has a mismatch (numbers, links, years), naming
each, unless --force.

\`export\` and \`import\` hand a language to gettext tools (Poedit, Weblate,
Crowdin, Lokalize) as a PO file and take it back: see their --help.
`

export async function i18nCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    args,
    {
      ...sourceOption,

      cache: commonOptions.cache,
      reporter: {type: 'string', default: 'text'},
      json: {type: 'boolean', default: false},
      strict: commonOptions.strict,
      'min-translated': {type: 'string'}
    },
    help,
    io
  )
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  const reporter = values.json ? 'json' : readReporter(values.reporter)
  const minTranslated = values['min-translated'] === undefined ? 0 : Number(values['min-translated'])
  if (!Number.isFinite(minTranslated) || minTranslated < 0 || minTranslated > 100) throw new UsageError('--min-translated takes a percentage from 0 to 100')
  const sourcePath = pathOption(values.source, '--source')
  const {file, diagnostics} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const catalog = file?.data.catalog
  const pointers = file?.data.pointers
  /** What stops the comparison, in the reporter's form: in JSON, the same object, with no findings. */
  const stop = (problems: Diagnostic[]): number => {
    if (reporter === 'json') io.stdout(`${JSON.stringify({findings: [], diagnostics: problems}, null, 2)}\n`)
    else printDiagnostics(problems, reporter, io)
    return exitCodes.problems
  }
  const blocking = diagnostics.filter((d) => d.severity === 'error')
  if (!file || !catalog || !pointers || blocking.length > 0) return stop(blocking.length > 0 ? blocking : diagnostics)
  const lockPath = lockPathOf(sourcePath)
  const lockFile = await readLockFile(lockPath, io.cwd)
  if (lockFile.diagnostic) return stop([lockFile.diagnostic])
  if (!lockFile.lock) io.stderr(`catalog: no ${lockPath}: every translation is unconfirmed; review them, then run \`catalog i18n accept\`\n`)
  const findings = translationFindings(catalog, {lock: lockFile.lock})
  const status = translationStatus(catalog, lockFile.lock)
  const lineOf = (finding: (typeof findings)[number]): number | undefined => positionOf(pointers, finding.pointer)?.start.line
  const primary = catalog.languages[0]?.code ?? ''
  if (reporter === 'json') {
    const records = findings.map((finding) => {
      const {line, ...record} = findingRecord(finding, primary, lineOf(finding) ?? null)
      return {file: sourcePath, line: line ?? 1, column: 1, severity: 'warning', ...record}
    })
    io.stdout(`${JSON.stringify({findings: records, diagnostics: []}, null, 2)}\n`)
  } else if (reporter === 'github') {
    // A lagging translation is worth seeing on its line, never a reason to block: what fails the command warns, the rest is a notice.
    const annotations: Diagnostic[] = findings.map((finding) => ({
      file: sourcePath,
      line: lineOf(finding) ?? 1,
      column: 1,
      severity: (failingStates as readonly string[]).includes(finding.state) || values.strict ? 'warning' : 'notice',
      ruleId: finding.ruleId,
      message: typeof finding.previous === 'string' ? `${finding.message}: ${wordDiff(finding.previous, finding.primary ?? '', 3)}` : finding.message
    }))
    io.stdout(formatDiagnostics(annotations, 'github'))
  } else {
    io.stdout(formatFindingsTable(findings, {lineOf}))
  }
  io.stderr(`catalog: ${formatTranslationSummary(status, {hint: false})}`)
  const verdict = translationVerdict(status, {strict: values.strict, minTranslated})
  if (!verdict.failed) return exitCodes.ok
  io.stderr(`catalog: translation check failed: ${verdict.reasons.join(', ')}\n`)
  return exitCodes.problems
}

export async function acceptCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, {...sourceOption, cache: commonOptions.cache, force: {type: 'boolean', default: false}}, help, io, true)
  if (!parsed) return exitCodes.ok
  const {values, positionals} = parsed
  const sourcePath = pathOption(values.source, '--source')
  const {catalog, file, diagnostics} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  if (!catalog || !file) {
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
  // A translation whose numbers or links disagree with the primary text is not one to confirm without saying so.
  const mismatches = translationFindings(catalog, {lock: lockFile.lock}).filter((finding) => finding.state === 'mismatch' && selectedBy(positionals, finding))
  if (mismatches.length > 0 && !values.force) {
    const pointers = file.data.pointers ?? new Map()
    printDiagnostics(
      mismatches.map((finding) => {
        const start = positionOf(pointers, finding.pointer)?.start
        return {file: sourcePath, line: start?.line ?? 1, column: start?.column ?? 1, severity: 'warning', ruleId: finding.ruleId, message: finding.message}
      }),
      'text',
      io
    )
    io.stderr(
      `catalog: nothing confirmed: ${mismatches.length} ${mismatches.length === 1 ? 'mismatch' : 'mismatches'} above; correct the translation, or confirm it as it is with --force\n`
    )
    return exitCodes.problems
  }
  await writeFileAtomically(path.resolve(io.cwd, lockPath), serializeLock(lock))
  io.stderr(`catalog: confirmed the translations of ${positionals.length > 0 ? positionals.join(', ') : 'the whole catalog'} in ${lockPath}\n`)
  return exitCodes.ok
}
