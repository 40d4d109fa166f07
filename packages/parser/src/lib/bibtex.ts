import {createHash} from 'node:crypto'
import {entryTypeOf, entryTypes} from '@catalog/schema'
import {parse as parseBibtex} from '@retorquere/bibtex-parser'
import {pointAt} from './encoding.js'

export interface BibtexProblem {
  ruleId: string
  reason: string
  /** 1-based line and column inside the BibTeX text. */
  line: number
  column: number
}

export interface ParsedEntry {
  type: string
  key: string
  /** Field values as written, LaTeX and inner braces kept. */
  fields: Record<string, string>
}

/** The cache key of a citation block's parse (`SectionCache`). */
export function citationKey(text: string): string {
  return `citation:${createHash('sha256').update(text).digest('hex')}`
}

type CitationParse = ReturnType<typeof parseCitation>

/**
 * Parse a citation block, or take its parse from the cache when the entry
 * names this block's key and fits its text: the entry's type, key and every
 * field value stand in the block as written, and each problem is a rule id,
 * a reason and a place. Anything else is parsed afresh.
 */
export function parseCitationCached(text: string, cache: {get(key: string): unknown; set(key: string, value: unknown): void} | undefined): CitationParse {
  const key = citationKey(text)
  const cached = cache?.get(key) as {key?: unknown; parse?: unknown} | undefined
  if (cached?.key === key && fitsCitation(cached.parse, text)) return cached.parse
  const parse = parseCitation(text)
  cache?.set(key, {key, parse})
  return parse
}

function fitsCitation(value: unknown, text: string): value is CitationParse {
  const {entry, problems} = (value ?? {}) as {entry?: unknown; problems?: unknown}
  const isProblem = (problem: unknown): boolean => {
    const {ruleId, reason, line, column} = (problem ?? {}) as Record<string, unknown>
    return typeof ruleId === 'string' && typeof reason === 'string' && Number.isInteger(line) && Number.isInteger(column)
  }
  if (!Array.isArray(problems) || !problems.every(isProblem)) return false
  if (entry === undefined) return problems.length > 0
  const {type, key, fields} = entry as Record<string, unknown>
  if (typeof type !== 'string' || typeof key !== 'string' || typeof fields !== 'object' || fields === null) return false
  const lower = text.toLowerCase()
  // Every field the block sets is in the entry, none dropped: a `name =` at the start of a line names one.
  const names = new Set(Object.keys(fields).map((name) => name.toLowerCase()))
  const set = [...text.matchAll(/^[ \t]*([a-z][a-z0-9_-]*)[ \t]*=/gim)].map((match) => (match[1] ?? '').toLowerCase())
  return (
    lower.includes(`@${type}`) &&
    text.includes(key) &&
    set.every((name) => names.has(name)) &&
    Object.values(fields).every((field) => typeof field === 'string' && text.includes(field))
  )
}

/**
 * Parse one citation block with @retorquere/bibtex-parser (the parser behind
 * Better BibTeX) in verbatim mode, so that values keep their LaTeX, then check
 * what BibTeX itself would complain about: syntax, brace balance, duplicate
 * fields, and the type and the fields it requires (`entryTypes` of
 * @catalog/schema: BibTeX's standard types and biblatex's `@dataset`,
 * `@software`, `@online` and `@report`).
 */
export function parseCitation(text: string): {entry?: ParsedEntry; problems: BibtexProblem[]} {
  const problems: BibtexProblem[] = []
  const braceProblem = checkBraces(text) ?? checkKeyComma(text)
  if (braceProblem) return {problems: [braceProblem]}

  const library = parseBibtex(text, {raw: true, verbatimFields: [/.*/], sentenceCase: false, english: false})
  for (const error of library.errors) {
    const at = /at line (\d+), column (\d+)/.exec(error.error)
    problems.push({
      ruleId: 'bibtex-syntax',
      reason: `BibTeX syntax error: ${error.error.replace(/\s*at line \d+, column \d+/, '').replace(/\.\.\.$/, '')}`,
      line: at ? Number(at[1]) : 1,
      column: at ? Number(at[2]) : 1
    })
  }
  if (problems.length > 0) return {problems}

  const entries = library.entries
  if (entries.length !== 1) {
    problems.push({
      ruleId: 'bibtex-entry-count',
      reason: `a citation block holds exactly one BibTeX entry; found ${entries.length}`,
      line: 1,
      column: 1
    })
    return {problems}
  }
  const [parsed] = entries
  if (!parsed) return {problems}
  // Field names are the source's: no name (`__proto__`, say) may reach the object's prototype.
  const fields = Object.create(null) as Record<string, string>
  for (const [name, value] of Object.entries(parsed.fields as Record<string, unknown>)) {
    const duplicate = /^(.*)\+duplicate-\d+$/.exec(name)
    if (duplicate) {
      problems.push({
        ruleId: 'bibtex-duplicate-field',
        reason: `field \`${duplicate[1]}\` is given twice; BibTeX keeps the first and warns`,
        ...locate(text, new RegExp(`^\\s*${escapeRegExp(duplicate[1] ?? '')}\\s*=`, 'gim'), 1)
      })
      continue
    }
    fields[name.toLowerCase()] = String(value)
  }
  const type = parsed.type.toLowerCase()
  const entry: ParsedEntry = {type, key: parsed.key, fields: {...fields}}
  const known = entryTypeOf(type)
  if (!known) {
    // An entry of no known type is no citation the catalog can render: one error, and nothing else said of it.
    problems.push({
      ruleId: 'bibtex-entry-type',
      reason: `unknown BibTeX entry type \`@${parsed.type}\`; use one of ${Object.keys(entryTypes).join(', ')}`,
      line: 1,
      column: 1
    })
    return {problems}
  } else {
    for (const need of known.required) {
      const options = typeof need === 'string' ? [need] : need
      if (!options.some((name) => (fields[name] ?? '').trim() !== '')) {
        problems.push({
          ruleId: 'bibtex-required-field',
          reason: `\`@${type}\` entry \`${parsed.key}\` needs \`${options.join('` or `')}\``,
          line: 1,
          column: 1
        })
      }
    }
  }
  return {entry, problems}
}

/**
 * BibTeX silently swallows text after an unbalanced brace: find the first one.
 * Like BibTeX, count every brace, escaped or not: `\\}` unbalances a value too.
 */
/**
 * Braces that do not balance, named where the slip most likely is rather
 * than where the count runs out: BibTeX itself only notices at the end of
 * the entry. A citation writes a field a line, so a line that starts a field
 * (`year = ...`) while a value is still open says that value was never
 * closed; and text after the `}` that closes the entry says that `}` closed
 * a value early, one brace too many.
 */
const maxBraceDepth = 32

function checkBraces(text: string): BibtexProblem | undefined {
  const open: number[] = []
  /** Where a value that is still open was left open: its `{`, when a later line starts a field inside it. */
  let leftOpen: number | undefined
  /** Where the entry was closed, when text follows. */
  let closedEarly: number | undefined
  let lineStart = 0
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index)
    if (index === lineStart && open.length > 1 && leftOpen === undefined && fieldStart.test(text.slice(index, text.indexOf('\n', index) + 1 || undefined)))
      leftOpen = open[1]
    if (char === '\n') lineStart = index + 1
    else if (char === '{') {
      open.push(index)
      // The BibTeX parser recurses once per brace: a depth no citation needs is refused here, at its brace.
      if (open.length > maxBraceDepth)
        return {ruleId: 'bibtex-syntax', reason: `braces nested more than ${maxBraceDepth} deep; a citation needs a few at most`, ...pointAt(text, index)}
    } else if (char === '}') {
      if (open.length === 0) {
        const at = closedEarly ?? index
        return {
          ruleId: 'bibtex-unbalanced-braces',
          reason:
            closedEarly === undefined
              ? 'unbalanced braces: `}` closes nothing'
              : 'unbalanced braces: this `}` ends the entry, but its fields go on after it (a `}` too many)',
          ...pointAt(text, at)
        }
      }
      open.pop()
      if (open.length === 0 && closedEarly === undefined && /^[^@]*[^\s@]/.test(text.slice(index + 1).split('@')[0] ?? '')) closedEarly = index
    }
  }
  const unclosed = open[0]
  if (unclosed !== undefined) {
    if (leftOpen !== undefined)
      return {
        ruleId: 'bibtex-unbalanced-braces',
        reason: 'unbalanced braces: this value is never closed (a later line starts a field inside it)',
        ...pointAt(text, leftOpen)
      }
    return {
      ruleId: 'bibtex-unbalanced-braces',
      reason:
        open.length === 1 && unclosed === text.indexOf('{')
          ? 'unclosed entry: the `{` that opens it is never closed'
          : 'unbalanced braces: `{` is never closed',
      ...pointAt(text, open[open.length - 1] ?? unclosed)
    }
  }
  return undefined
}

/**
 * BibTeX wants a comma after the key (`@article{key,`); the parser reads on
 * without one, taking the first field into the key or dropping it, so the
 * slip is named here, where the comma is missing.
 */
function checkKeyComma(text: string): BibtexProblem | undefined {
  const head = /@[ \t]*[A-Za-z]+[ \t]*\{[ \t]*([^,\s{}]+)\s*/.exec(text)
  if (!head) return undefined
  const next = text.charAt(head.index + head[0].length)
  if (next === ',' || next === '}' || next === '') return undefined
  return {
    ruleId: 'bibtex-syntax',
    reason: `BibTeX syntax error: a comma must follow the key \`${head[1] ?? ''}\``,
    ...pointAt(text, head.index + head[0].trimEnd().length)
  }
}

/** A line that starts a field: `  title = {`. */
const fieldStart = /^\s*[A-Za-z][\w-]*\s*=/

function locate(text: string, pattern: RegExp, occurrence: number): {line: number; column: number} {
  let index = 0
  for (const match of text.matchAll(pattern)) {
    if (index++ === occurrence) return pointAt(text, match.index + (match[0].length - match[0].trimStart().length))
  }
  return {line: 1, column: 1}
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
