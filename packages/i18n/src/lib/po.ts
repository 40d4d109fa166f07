import type {Catalog} from '@catalog/schema'
import {po, type PoEntry, type PoTable} from 'gettext-parser'
import type {TranslationFinding, TranslationState} from './finding.js'
import {translationFindings} from './findings.js'
import type {TranslationLock} from './lock.js'
import {type Segment, segmentId, segmentsOf, segmentText} from './segments.js'

/**
 * Translation through gettext PO files, as po4a does it for documents: one
 * entry per translatable segment of the primary language, which Poedit,
 * Weblate, Crowdin, Lokalize and GNU gettext read.
 *
 * - `msgctxt`: the segment's stable id (`chexpert:facts.size`, `overview.text`);
 * - `msgid`: the primary text; `msgstr`: the translation, empty when missing.
 *   Lists and table rows hold one item (cell) per line;
 * - `#:` the source lines of the primary text and of its translation;
 * - `#.` what the segment is, and every finding on it;
 * - `#, fuzzy` for a translation that needs a look: outdated (with the
 *   primary text it was confirmed against as `#| msgid`, as `msgmerge
 *   --previous` writes it), never confirmed, copied, or mismatched.
 */
export interface PoExportOptions {
  /** The translated language to export. */
  language: string
  /** The lock, for outdated and unconfirmed entries. @default none: every translation is unconfirmed */
  lock?: TranslationLock | undefined
  /** The source's path as `#:` references name it. */
  sourcePath: string
  /** The source line of a JSON pointer, for `#:` references. @default none: no references */
  lineOf?: ((pointer: string) => number | undefined) | undefined
  /** The export's `PO-Revision-Date`. @default now */
  date?: Date | undefined
}

/** States whose entry is exported fuzzy: there is a translation, and it needs a translator's look before it is confirmed. */
const fuzzyStates: readonly TranslationState[] = ['outdated', 'unconfirmed', 'untranslated', 'mismatch']

/** The segments a PO file of the catalog holds: those with a primary text. */
function exportedSegments(catalog: Catalog): Segment[] {
  const primary = catalog.languages[0]?.code ?? ''
  return segmentsOf(catalog).filter((segment) => segmentText(segment, primary) !== undefined)
}

/** The catalog's segments in `language` as a PO file (UTF-8 text). */
export function exportPo(catalog: Catalog, options: PoExportOptions): string {
  const primary = catalog.languages[0]?.code ?? ''
  const {language} = options
  const findings = new Map<string, TranslationFinding[]>()
  for (const item of translationFindings(catalog, {lock: options.lock})) {
    if (item.language !== language) continue
    const id = segmentId(item)
    findings.set(id, [...(findings.get(id) ?? []), item])
  }
  const names = new Map(catalog.datasets.map((dataset) => [dataset.id, dataset.name]))
  const entries: Record<string, Record<string, PoEntry>> = {'': {'': {msgid: '', msgstr: [''], comments: {}}}}
  for (const segment of exportedSegments(catalog)) {
    const id = segmentId(segment)
    const msgid = segmentText(segment, primary) ?? ''
    const translation = segmentText(segment, language)
    const own = findings.get(id) ?? []
    const lines = [segment.pointer(primary), ...(translation === undefined ? [] : [segment.pointer(language)])].map((pointer) => options.lineOf?.(pointer))
    const about = `${segment.dataset === null ? 'The document' : (names.get(segment.dataset) ?? segment.dataset)}: ${segment.field}`
    const extracted = [
      segment.kind === 'list' || segment.kind === 'cells' ? `${about} (one ${segment.kind === 'list' ? 'item' : 'cell'} per line)` : about,
      ...own.map((item) => `${item.state}: ${item.message}`)
    ]
    const outdated = own.find((item) => item.state === 'outdated')
    const fuzzy = translation !== undefined && own.some((item) => fuzzyStates.includes(item.state))
    const comments = {
      extracted: extracted.join('\n'),
      ...(lines.some((line) => line !== undefined)
        ? {reference: lines.flatMap((line) => (line === undefined ? [] : [`${options.sourcePath}:${line}`])).join(' ')}
        : {}),
      ...(fuzzy ? {flag: 'fuzzy'} : {}),
      ...(fuzzy && typeof outdated?.previous === 'string' ? {previous: poString('msgid', outdated.previous)} : {})
    }
    entries[id] = {[msgid]: {msgctxt: id, msgid, msgstr: [translation ?? ''], comments}}
  }
  const headers = {
    'Project-Id-Version': options.sourcePath,
    'PO-Revision-Date': poDate(options.date ?? new Date()),
    'Last-Translator': '',
    'Language-Team': languageName(catalog, language),
    Language: language,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=UTF-8',
    'Content-Transfer-Encoding': '8bit',
    'X-Generator': 'catalog i18n export',
    'X-Source-Language': primary
  }
  return `${po.compile({charset: 'utf-8', headers, translations: entries}, {foldLength: 0}).toString('utf8')}\n`
}

function languageName(catalog: Catalog, code: string): string {
  return catalog.languages.find((language) => language.code === code)?.name ?? code
}

/** `2026-12-02 07:57+0000`, the form gettext writes dates in, in UTC. */
function poDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')}+0000`
}

/**
 * A keyword and its string in PO syntax, for a `#|` comment, which
 * gettext-parser takes as ready-written lines (its own string writer is not
 * exported). Escapes as GNU gettext does (backslash, quote, tab, carriage
 * return, line feed) and, like `msgmerge`, starts a text of several lines
 * with `""` and ends each line after its `\n`.
 */
function poString(keyword: string, text: string): string {
  const escapePo = (part: string): string => part.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\t/g, '\\t').replace(/\r/g, '\\r').replace(/\n/g, '\\n')
  const lines = text.split(/(?<=\n)/)
  if (lines.length < 2) return `${keyword} "${escapePo(text)}"`
  return [`${keyword} ""`, ...lines.map((line) => `"${escapePo(line)}"`)].join('\n')
}

/** A PO file that cannot be imported, or an entry of one that cannot; `line` is 1-based in the PO file. */
export class PoError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly ruleId: 'po-syntax' | 'po-unknown-entry' | 'po-unwritable'
  ) {
    super(message)
  }
}

/** One entry of a PO file to import. */
export interface PoImportEntry {
  /** The `msgctxt`: a segment id. */
  id: string
  msgid: string
  msgstr: string
  fuzzy: boolean
  /** The line of the entry's `msgctxt` (of its `msgid` when it has none). */
  line: number
}

export interface PoFile {
  /** The `Language` of the header. */
  language: string
  /** The line of the header entry. */
  headerLine: number
  entries: PoImportEntry[]
}

/**
 * Read a PO file to import: UTF-8, a header naming its `Language`, every
 * entry with a `msgctxt` and no plural forms, no segment twice. Obsolete
 * (`#~`) entries are skipped. Throws `PoError` at the line at fault.
 */
export function readPo(text: string): PoFile {
  let table: PoTable
  try {
    table = po.parse(text, {defaultCharset: 'utf-8'})
  } catch (error) {
    // gettext-parser names the line where it gave up, which may lie after the one at fault (an unclosed string).
    const reported = (error as {lineNumber?: unknown}).lineNumber
    const malformed = firstMalformedLine(text)
    const line = malformed ?? (typeof reported === 'number' ? reported : 1)
    const reason =
      malformed === undefined
        ? (error as Error).message.replace(/^Error parsing PO data: /, '')
        : 'a line that is neither a comment, a keyword with its quoted string, nor a quoted string (an unescaped or missing quote?)'
    throw new PoError(`not a PO file gettext reads: ${reason}`, line, 'po-syntax')
  }
  const language = table.headers['Language']?.trim() ?? ''
  const starts = entryStarts(text)
  const header = starts.find((start) => start.context === undefined && start.msgid === '')
  if (language === '')
    throw new PoError('the header names no `Language`; write the code of the translated language (`"Language: pt\\n"`)', header?.line ?? 1, 'po-syntax')
  const seen = new Map<string, number>()
  const entries: PoImportEntry[] = []
  for (const start of starts) {
    if (start === header) continue
    if (start.plural) throw new PoError('an entry with plural forms (`msgid_plural`); the catalog has none', start.line, 'po-syntax')
    if (start.context === undefined)
      throw new PoError('an entry without `msgctxt`; each entry names its segment there, as `catalog i18n export` writes it', start.line, 'po-syntax')
    const first = seen.get(start.context)
    if (first !== undefined) throw new PoError(`a second entry for "${start.context}" (the first is at line ${first})`, start.line, 'po-syntax')
    seen.set(start.context, start.line)
    const entry = table.translations[start.context]?.[start.msgid]
    if (!entry) throw new PoError(`gettext reads no entry "${start.context}" here`, start.line, 'po-syntax')
    const flags = (entry.comments?.flag ?? '').split(/[\s,]+/)
    entries.push({id: start.context, msgid: entry.msgid, msgstr: entry.msgstr[0] ?? '', fuzzy: flags.includes('fuzzy'), line: start.line})
  }
  return {language, headerLine: header?.line ?? 1, entries}
}

interface EntryStart {
  /** The line of the entry's `msgctxt`, else of its `msgid`. */
  line: number
  context: string | undefined
  msgid: string
  plural: boolean
}

/**
 * Where each entry of a PO file starts, with its context and msgid, which
 * gettext-parser does not tell (it gives entries by context, without lines).
 * Hand-written because it is only this: keyword lines with their
 * continuation strings, everything else (comments, obsolete `#~` entries,
 * blank lines) skipped. gettext-parser has already refused what is not PO.
 */
function entryStarts(text: string): EntryStart[] {
  const fields: Array<{keyword: string; line: number; value: string}> = []
  let open = false
  text.split(/\r?\n/).forEach((line, index) => {
    const keyword = keywordLine.exec(line)
    const continuation = stringLine.exec(line)
    const last = fields.at(-1)
    if (keyword) fields.push({keyword: keyword[1] ?? '', line: index + 1, value: unquote(keyword[2] ?? '""')})
    else if (continuation && open && last) last.value += unquote(continuation[1] ?? '""')
    open = keyword !== null || (open && continuation !== null)
  })
  const starts: EntryStart[] = []
  fields.forEach((field, index) => {
    const before = fields[index - 1]
    const context = before?.keyword === 'msgctxt' ? before : undefined
    if (field.keyword === 'msgid')
      starts.push({line: context?.line ?? field.line, context: context?.value, msgid: field.value, plural: fields[index + 1]?.keyword === 'msgid_plural'})
  })
  return starts
}

const keywordLine = /^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s*("(?:[^"\\]|\\.)*")\s*$/
const stringLine = /^\s*("(?:[^"\\]|\\.)*")\s*$/

/** The first line that is no blank, comment, keyword with its string or continuation string: where a PO file goes wrong. */
function firstMalformedLine(text: string): number | undefined {
  const index = text.split(/\r?\n/).findIndex((line) => !(line.trim() === '' || line.startsWith('#') || keywordLine.test(line) || stringLine.test(line)))
  return index === -1 ? undefined : index + 1
}

/** The text of a quoted PO string: its escapes are C's, as JSON has them (`\\n`, `\\t`, `\\"`, `\\\\`). */
function unquote(quoted: string): string {
  try {
    return JSON.parse(quoted) as string
  } catch {
    // An escape JSON lacks (`\\a`, octal): keep the text between the quotes as written.
    return quoted.slice(1, -1)
  }
}

/** What importing a PO file does to the catalog, before anything is written. */
export interface PoImport {
  /** The catalog's code of the PO file's language. */
  language: string
  /** The catalog with the PO file's translations in it. */
  catalog: Catalog
  /** Entries whose translation differs from the source's. */
  changed: PoImportEntry[]
  /** Entries to confirm in the lock once written: translated, not fuzzy, made from the current primary text. */
  confirmed: PoImportEntry[]
  /** Entries left out, each with why: made from another primary text than the current one. */
  skipped: Array<{entry: PoImportEntry; message: string}>
  /** Entries that translate a label the vocabulary had no word for in this language: `catalog.vocabulary` declares it now. */
  declared: PoImportEntry[]
  /** The JSON pointer of each changed entry's translation, by segment id. */
  pointers: Map<string, string>
}

/**
 * Put a PO file's translations into the catalog (a copy; `catalog` is left
 * as it is). An empty `msgstr` changes nothing: importing never deletes a
 * translation. An entry whose `msgid` is no longer the primary text is left
 * out (the translation was made from other words). Throws `PoError` for a
 * language the catalog does not translate into, an entry that names no
 * segment, and a translation the source cannot hold (a line break in a
 * one-line text, another number of cells in a table row, an empty item).
 */
export function applyPo(catalog: Catalog, file: PoFile): PoImport {
  const primary = catalog.languages[0]?.code ?? ''
  const translated = catalog.languages.slice(1).map((language) => language.code)
  const language = translated.includes(file.language) ? file.language : translated.find((code) => code === file.language.split(/[-_]/)[0])
  if (language === undefined) {
    const known = translated.length > 0 ? `its translated languages are ${translated.join(', ')}` : 'it has no translated language'
    throw new PoError(`the PO file is for "${file.language}", which the catalog does not translate into; ${known}`, file.headerLine, 'po-syntax')
  }
  const segments = new Map(exportedSegments(catalog).map((segment) => [segmentId(segment), segment]))
  const result: PoImport = {language, catalog: structuredClone(catalog), changed: [], confirmed: [], skipped: [], declared: [], pointers: new Map()}
  for (const entry of file.entries) {
    const segment = segments.get(entry.id)
    if (!segment)
      throw new PoError(`no segment of the source is called "${entry.id}"; run \`catalog i18n export\` for the current ones`, entry.line, 'po-unknown-entry')
    const current = segmentText(segment, language)
    if (entry.msgstr === '' || entry.msgstr === current) {
      if (entry.msgstr !== '' && !entry.fuzzy && entry.msgid === segmentText(segment, primary)) result.confirmed.push(entry)
      continue
    }
    if (entry.msgid !== segmentText(segment, primary)) {
      result.skipped.push({
        entry,
        message: `"${entry.id}" was translated from another ${languageName(catalog, primary)} text than the source's now; it is left out: run \`catalog i18n export\` again and translate the new text`
      })
      continue
    }
    setAt(result.catalog, segment.pointer(language), translationValue(segment, entry, segmentText(segment, primary) ?? ''))
    if (segment.kind === 'label') declareLabel(result, segment, entry)
    result.changed.push(entry)
    result.pointers.set(entry.id, segment.pointer(language))
    if (!entry.fuzzy) result.confirmed.push(entry)
  }
  return result
}

/**
 * A label's translation where the catalog was read with a vocabulary: the
 * vocabulary pairs labels by what it declares, so a label it has no word for
 * in this language is declared with the new one (the CLI writes it to
 * vocabulary.json). A declared label is changed there, for every dataset at
 * once, not through one dataset's entry.
 */
function declareLabel(result: PoImport, segment: Segment, entry: PoImportEntry): void {
  const vocabulary = result.catalog.vocabulary
  if (!vocabulary) return
  const parts = segment.field.split('.')
  const [group = '', key] = parts
  const kinds: Readonly<Record<string, 'fact' | 'access' | 'list'>> = {facts: 'fact', access: 'access', lists: 'list'}
  const declared = parts.length === 2 ? {kind: 'section', key: group} : {kind: kinds[group], key}
  const label = vocabulary.find((candidate) => candidate.kind === declared.kind && candidate.key === declared.key)
  if (!label) return
  const current = label.labels[result.language]
  if (current === undefined) {
    label.labels[result.language] = entry.msgstr
    result.declared.push(entry)
  } else if (current !== entry.msgstr) {
    throw new PoError(
      `the vocabulary declares "${current}" as the ${result.language} label of \`${declared.key}\`, for every dataset: change it in vocabulary.json, not here`,
      entry.line,
      'po-unwritable'
    )
  }
}

/** The value a translation takes in the catalog: a string, or the items of a list or table row. */
function translationValue(segment: Segment, entry: PoImportEntry, primaryText: string): string | string[] {
  const many = segment.kind === 'list' || segment.kind === 'cells'
  const items = entry.msgstr.split('\n')
  if (!many && items.length > 1)
    throw new PoError(`"${entry.id}" is one line in the source; write its translation without line breaks`, entry.line, 'po-unwritable')
  if (!many) return entry.msgstr
  if (items.some((item) => item.trim() === ''))
    throw new PoError(`"${entry.id}" holds one ${segment.kind === 'list' ? 'item' : 'cell'} per line; remove the empty line`, entry.line, 'po-unwritable')
  const cells = primaryText.split('\n').length
  if (segment.kind === 'cells' && items.length !== cells) {
    throw new PoError(`"${entry.id}" is a table row of ${cells} cells, one per line; the translation has ${items.length} lines`, entry.line, 'po-unwritable')
  }
  return items
}

/** Set the value at a JSON pointer whose parent exists (the primary language's text is always there beside it). */
function setAt(target: unknown, pointer: string, value: unknown): void {
  const tokens = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'))
  const last = tokens.pop()
  let parent = target as Record<string, unknown>
  for (const token of tokens) parent = parent[token] as Record<string, unknown>
  if (last === undefined || typeof parent !== 'object' || parent === null) throw new TypeError(`no parent for ${pointer}`)
  parent[last] = value
}
