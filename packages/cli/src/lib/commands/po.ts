import path from 'node:path'
import {
  applyPo,
  confirmedEntry,
  confirmSegments,
  exportPo,
  hashText,
  type PoImport,
  PoError,
  type PoFile,
  readPo,
  segmentId,
  segmentsOf,
  segmentText,
  serializeLock,
  translationFindings
} from '@catalog/i18n'
import {formatSource} from '@catalog/markdown'
import {parseCatalogSource, positionOf} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
import {applyPatch, structuredPatch} from 'diff'
import {
  commonOptions,
  exitCodes,
  type Io,
  lockPathOf,
  parseCommand,
  pathOption,
  printDiagnostics,
  readReporter,
  sourceFiles,
  sourceOption,
  UsageError,
  vocabularyPathOf
} from '../cli-kit.js'
import type {Diagnostic} from '../diagnostics.js'
import {writeFileAtomically} from '../files.js'
import {firstDifference, roundTripProblem} from '../guard.js'
import {readInput} from '../inputs.js'
import {readCatalog, readLockFile} from '../read.js'
import {serializeVocabulary} from '../vocabulary.js'

export const exportHelp = `Usage: catalog i18n export [--lang CODE] [--source FILE] [--out FILE]

Write a gettext PO file of one translated language, for Poedit, Weblate,
Crowdin, Lokalize or any gettext tool: one entry per segment, its msgctxt the
segment's id, msgid the primary text, msgstr the translation (empty where
missing), #: its source lines. A translation that needs a look is fuzzy:
outdated (with the primary text it was confirmed against as #| msgid, as
msgmerge --previous writes it), never confirmed, copied or mismatched.

  --lang CODE      the language (default: the only translated one)
  --source FILE    the catalog source (default: source/datasets.md)
  --out FILE       write the PO file there, atomically (default: stdout)
  --no-cache       parse every section afresh
  -h, --help       show this help
`

export const importHelp = `Usage: catalog i18n import FILE.po [--source FILE] [--reporter NAME] [--strict]

Write the translations of a PO file (its header names the language) into
that language's half of the source, and confirm in translations.lock.json
the entries that are not fuzzy. Only the texts that differ are rewritten,
nothing else of the source changes, and an empty msgstr changes nothing.

Nothing is written when the PO file is not one gettext reads, names a segment
the source does not have (an unknown msgctxt), or holds a translation the
source cannot (a line break in a one-line text, another number of table
cells): each is reported at its line. An entry translated from another
primary text than the source's now is left out with a warning.

  --source FILE    the catalog source (default: source/datasets.md)
  --reporter NAME  text (default, to stderr), json or github (to stdout)
  --strict         warnings fail the command too
  --no-cache       parse every section afresh
  -h, --help       show this help
`

export async function exportCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, {...sourceOption, cache: commonOptions.cache, lang: {type: 'string'}, out: {type: 'string'}}, exportHelp, io)
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  const sourcePath = pathOption(values.source, '--source')
  const outPath = values.out === undefined ? undefined : pathOption(values.out, '--out')
  if (outPath !== undefined) refuseInputPath(outPath, sourcePath, io.cwd)
  const {catalog, file, diagnostics} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  if (!catalog || !file) {
    printDiagnostics(diagnostics, 'text', io)
    return exitCodes.problems
  }
  const translated = catalog.languages.slice(1).map((language) => language.code)
  const language = values.lang ?? (translated.length === 1 ? translated[0] : undefined)
  if (language === undefined || !translated.includes(language)) {
    const known = translated.length > 0 ? `one of ${translated.join(', ')}` : 'none: the catalog has one language'
    throw new UsageError(
      `${values.lang === undefined ? 'name the language with --lang' : `the catalog does not translate into "${language}"`}; its translated languages are ${known}`
    )
  }
  const lockPath = lockPathOf(sourcePath)
  const lockFile = await readLockFile(lockPath, io.cwd)
  if (lockFile.diagnostic) {
    printDiagnostics([lockFile.diagnostic], 'text', io)
    return exitCodes.problems
  }
  const pointers = file.data.pointers ?? new Map()
  const text = exportPo(catalog, {
    language,
    lock: lockFile.lock,
    sourcePath: sourcePath.split(path.sep).join('/'),
    lineOf: (pointer) => positionOf(pointers, pointer)?.start.line
  })
  if (outPath === undefined) {
    io.stdout(text)
    return exitCodes.ok
  }
  await writeFileAtomically(path.resolve(io.cwd, outPath), text)
  io.stderr(`catalog: wrote the ${language} translations to ${outPath}\n`)
  return exitCodes.ok
}

/** An export written over the source, its lock or its vocabulary would destroy what it was made from. */
function refuseInputPath(outPath: string, sourcePath: string, cwd: string): void {
  const target = path.resolve(cwd, outPath)
  for (const input of sourceFiles(sourcePath)) {
    if (path.resolve(cwd, input.path) === target)
      throw new UsageError(`--out ${outPath} is ${input.what} (${input.path}), an input of the catalog; write the PO file elsewhere`)
  }
}

export async function importCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, {...sourceOption, ...commonOptions}, importHelp, io, true)
  if (!parsed) return exitCodes.ok
  const {values, positionals} = parsed
  const reporter = readReporter(values.reporter)
  if (positionals.length !== 1) throw new UsageError('name one PO file to import')
  const poPath = pathOption(positionals[0] ?? '', 'the PO file')
  const sourcePath = pathOption(values.source, '--source')
  const fail = (diagnostics: Diagnostic[]): number => {
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const read = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const {catalog, bytes, file, vocabulary} = read
  if (!catalog || !bytes || !file) return fail(read.diagnostics.filter((d) => d.severity === 'error'))
  const poRead = await readInput(poPath, io.cwd, 'the PO file')
  if ('diagnostic' in poRead) return fail([poRead.diagnostic])
  const lockPath = lockPathOf(sourcePath)
  const lockFile = await readLockFile(lockPath, io.cwd)
  if (lockFile.diagnostic) return fail([lockFile.diagnostic])
  const atPo = (error: PoError): Diagnostic => ({file: poPath, line: error.line, column: 1, severity: 'error', ruleId: error.ruleId, message: error.message})

  let po: PoFile
  let plan: PoImport
  try {
    po = readPo(poRead.bytes.toString('utf8'))
    plan = applyPo(catalog, po)
  } catch (error) {
    if (error instanceof PoError) return fail([atPo(error)])
    throw error
  }
  const warnings: Diagnostic[] = plan.skipped.map(({entry, message}) => ({
    file: poPath,
    line: entry.line,
    column: 1,
    severity: 'warning',
    ruleId: 'po-stale-entry',
    message
  }))

  const current = bytes.toString('utf8')
  // A label the vocabulary lacked in this language is declared with the translation (see `applyPo`).
  const declared = vocabulary && plan.catalog.vocabulary ? {...vocabulary, labels: plan.catalog.vocabulary} : undefined
  let written = current
  if (plan.changed.length > 0) {
    const result = writeBack(current, catalog, plan, sourcePath)
    if (result instanceof PoError) return fail([atPo(result)])
    written = result
    // Before anything is written: the new source must read back as the catalog with the PO file's translations.
    const readBack = parseCatalogSource(written, sourcePath, declared ? {vocabulary: declared} : {}).catalog
    const difference = readBack ? firstDifference(plan.catalog, readBack) : '/'
    if (difference !== undefined)
      return fail([
        atPo(
          new PoError(
            `the source would not read back as written (at ${difference}), so nothing is written`,
            entryAt(plan, difference)?.line ?? 1,
            'po-unwritable'
          )
        )
      ])
  }

  // Confirm what the translator gave without reservation, unless the source still disagrees with it (numbers, links).
  const mismatched = new Set(
    translationFindings(plan.catalog)
      .filter((item) => item.state === 'mismatch' && item.language === plan.language)
      .map((item) => segmentId(item))
  )
  const held = plan.confirmed.filter((entry) => mismatched.has(entry.id)).length
  const confirm = new Set(plan.confirmed.filter((entry) => !mismatched.has(entry.id)).map((entry) => entry.id))
  const primary = plan.catalog.languages[0]?.code ?? ''
  const newlyConfirmed = segmentsOf(plan.catalog).filter((segment) => {
    if (!confirm.has(segmentId(segment))) return false
    const before = lockFile.lock ? confirmedEntry(lockFile.lock, plan.language, segment) : undefined
    return before?.sha256 !== hashText(segmentText(segment, primary) ?? '')
  }).length
  // A translation changed but marked fuzzy is one to review: it loses its confirmation.
  const review = new Set(plan.changed.filter((entry) => entry.fuzzy).map((entry) => entry.id))
  const lock = confirmSegments(plan.catalog, lockFile.lock, (segment, code) => {
    if (code !== plan.language) return false
    const id = segmentId(segment)
    return review.has(id) ? 'drop' : confirm.has(id)
  })
  // Only a change of what is confirmed rewrites the lock (not the form of a version 1 lock, say).
  const lockChanged =
    serializeLock(lock) !== (lockFile.lock ? serializeLock(lockFile.lock) : serializeLock(confirmSegments(plan.catalog, undefined, () => false)))

  printDiagnostics(warnings, reporter, io)
  if (values.strict && warnings.length > 0) return exitCodes.problems
  // The vocabulary, the source, then the lock: a run killed between two writes leaves a label declared but unused,
  // or translations written but unconfirmed, never a label used undeclared nor a translation confirmed unwritten.
  if (declared && plan.declared.length > 0) await writeFileAtomically(path.resolve(io.cwd, vocabularyPathOf(sourcePath)), serializeVocabulary(declared))
  if (written !== current) await writeFileAtomically(path.resolve(io.cwd, sourcePath), written)
  if (lockChanged) await writeFileAtomically(path.resolve(io.cwd, lockPath), serializeLock(lock))
  if (reporter === 'text') {
    const changed = plan.changed.length
    io.stderr(
      changed === 0 && !lockChanged
        ? `catalog: ${poPath} changes nothing: its translations are those of ${sourcePath}\n`
        : `catalog: imported ${changed} ${changed === 1 ? 'translation' : 'translations'} from ${poPath} into ${sourcePath}; ${newlyConfirmed} newly confirmed in ${lockPath}${
            held > 0 ? `; ${held} not confirmed, as their numbers or links differ from the primary text (see \`catalog i18n\`)` : ''
          }\n`
    )
  }
  return exitCodes.ok
}

/**
 * The source with the imported translations, rewriting only what they
 * change: the difference between the canonical forms of the catalog before
 * and after, applied to the source as a patch. A canonical source (as
 * `catalog format` writes it, and CI keeps it) takes it whole; elsewhere
 * each hunk must find its lines, or nothing is written.
 */
function writeBack(current: string, catalog: Catalog, plan: PoImport, sourcePath: string): string | PoError {
  const problem = roundTripProblem(plan.catalog)
  if (problem) {
    const entry = entryAt(plan, problem.pointer) ?? plan.changed[0]
    // Where the markdown needs another text with this one (a list's items under its label), name that text.
    const owner = segmentsOf(plan.catalog).find((segment) => {
      const own = segment.pointer(plan.language)
      return problem.pointer === own || problem.pointer.startsWith(`${own}/`)
    })
    const needed = owner && segmentId(owner) !== entry?.id && segmentText(owner, plan.language) === undefined ? segmentId(owner) : undefined
    const message = needed
      ? `"${entry?.id}" cannot be written without "${needed}", which the source holds with it; translate that entry too`
      : `the translation of "${entry?.id}" ${problem.message.replace(/^reads back/, 'would read back')}; write it as plain text`
    return new PoError(message, entry?.line ?? 1, 'po-unwritable')
  }
  const before = formatSource(catalog)
  const after = formatSource(plan.catalog)
  if (current === before) return after
  const patched = applyPatch(current, structuredPatch(sourcePath, sourcePath, before, after, '', '', {context: 2}))
  if (patched !== false) return patched
  const entry = plan.changed[0]
  return new PoError(
    `${sourcePath} is not in the form \`catalog format\` writes around the translation of "${entry?.id}", so it cannot be rewritten there alone; run \`catalog format --source ${sourcePath}\` first`,
    entry?.line ?? 1,
    'po-unwritable'
  )
}

/** The changed entry whose translation lies nearest the value at `pointer`: the one sharing the most of its path. */
function entryAt(plan: PoImport, pointer: string): PoImport['changed'][number] | undefined {
  const shared = (own: string): number => {
    const [a, b] = [own.split('/'), pointer.split('/')]
    let count = 0
    while (count < a.length && a[count] === b[count]) count++
    return count
  }
  let best: {entry: PoImport['changed'][number]; score: number} | undefined
  for (const entry of plan.changed) {
    const score = shared(plan.pointers.get(entry.id) ?? '')
    if (!best || score > best.score) best = {entry, score}
  }
  return best?.entry
}
