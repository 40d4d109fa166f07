import type {Catalog, Dataset} from '@catalog/schema'
import type {TranslationFinding, TranslationState} from './finding.js'
import {confirmedHash, hashText, type TranslationLock} from './lock.js'
import {numberDifferences} from './numbers.js'
import {type ParserMessage, parserMessageFindings, type PointerPositions} from './parser-messages.js'
import {type Segment, sectionField, segmentsOf, segmentText} from './segments.js'
import {needsTranslation} from './untranslated.js'

/** Options of the translation checks; every one has a documented default. */
export interface TranslationOptions {
  /** The lock that confirms translations. @default none: nothing is outdated */
  lock?: TranslationLock | undefined
  /** The parser's messages (`file.messages`), for the mismatches the catalog keeps one value of (links, ratings). @default [] */
  parserMessages?: readonly ParserMessage[] | undefined
  /** The parser's pointer map (`file.data.pointers`), to place those messages on a dataset and field. @default none */
  pointers?: PointerPositions | undefined
  /** Fewest words for a text that reads the same in both languages to count as untranslated. @default 3 */
  untranslatedMinWords?: number | undefined
}

/**
 * Compare every translated language of the catalog with the primary one and
 * report what is missing, outdated, orphaned, untranslated or mismatched,
 * one finding per dataset, field, state and language, in document order.
 */
export function translationFindings(catalog: Catalog, options: TranslationOptions = {}): TranslationFinding[] {
  const primary = catalog.languages[0]?.code
  if (primary === undefined) return []
  const segments = segmentsOf(catalog)
  const findings: TranslationFinding[] = []
  const names: LanguageNames = Object.fromEntries(catalog.languages.map((language) => [language.code, language.name]))
  for (const {code} of catalog.languages.slice(1)) {
    findings.push(...presenceFindings(catalog, primary, code, names))
    for (const segment of segments) findings.push(...segmentFindings(segment, primary, code, options, names))
  }
  findings.push(...parserMessageFindings(catalog, options.parserMessages ?? [], options.pointers))
  return orderFindings(catalog, mergeFindings(findings))
}

type Draft = Omit<TranslationFinding, 'state' | 'language' | 'message'>

/** The name each half of the source gives its language (`Português`), for messages. */
type LanguageNames = Readonly<Record<string, string>>

function finding(state: TranslationState, language: string, draft: Draft, message: string): TranslationFinding {
  return {...draft, state, language, message}
}

/** Missing and orphan parts: a whole dataset, a section, a fact, a comparison row, the overview, a category, the table. */
function presenceFindings(catalog: Catalog, primary: string, language: string, names: LanguageNames): TranslationFinding[] {
  const name = names[language] ?? language
  const found: TranslationFinding[] = []
  const compare = (
    has: {primary: boolean; translation: boolean},
    draft: Omit<Draft, 'pointer'>,
    pointers: {primary: string; translation: string},
    what: string
  ): boolean => {
    if (has.primary && !has.translation) {
      found.push(finding('missing', language, {...draft, pointer: pointers.primary}, `${what} has no ${name} translation`))
    } else if (!has.primary && has.translation) {
      found.push(finding('orphan', language, {...draft, pointer: pointers.translation}, `${what} exists only in ${name}`))
    }
    return has.primary && has.translation
  }
  const present = <T>(values: Readonly<Record<string, T>>): {primary: boolean; translation: boolean} => ({
    primary: values[primary] !== undefined,
    translation: values[language] !== undefined
  })
  const text = (values: Readonly<Record<string, string>>, code: string): string | null => values[code] ?? null
  const list = (values: Readonly<Record<string, string[]>>, code: string): string | null => values[code]?.join('\n') ?? null

  const overview = catalog.overview
  if (overview) {
    compare(present(overview.text), {dataset: null, field: 'overview', primary: text(overview.text, primary), translation: text(overview.text, language)}, {primary: `/overview/text/${primary}`, translation: `/overview/text/${language}`}, 'the overview')
  }
  catalog.categories.forEach((category, index) => {
    compare(
      present(category.title),
      {dataset: null, field: `categories.${category.id}`, primary: text(category.title, primary), translation: text(category.title, language)},
      {primary: `/categories/${index}`, translation: `/categories/${index}/title/${language}`},
      `the category "${Object.values(category.title)[0] ?? category.id}"`
    )
  })
  const comparison = catalog.comparison
  const tableInBoth = comparison
    ? compare(
        present(comparison.heading),
        {dataset: null, field: 'comparison', primary: text(comparison.heading, primary), translation: text(comparison.heading, language)},
        {primary: '/comparison', translation: `/comparison/heading/${language}`},
        'the comparison table'
      )
    : false

  catalog.datasets.forEach((dataset, index) => {
    const base = `/datasets/${index}`
    const whole = {dataset: dataset.id, field: 'dataset', primary: text(dataset.title, primary), translation: text(dataset.title, language)}
    if (!compare(present(dataset.title), whole, {primary: base, translation: `${base}/title/${language}`}, dataset.name)) return
    for (const name of dataset.sections) {
      // The citation is language-neutral: written once, shown in every language.
      if (name === 'citation') continue
      const section = sectionOf(dataset, name)
      if (!section) continue
      const field = sectionField(dataset, name)
      const draft = {dataset: dataset.id, field, primary: text(section.label, primary), translation: text(section.label, language)}
      const what = `"${Object.values(section.label)[0] ?? field}" of ${dataset.name}`
      if (!compare(present(section.label), draft, {primary: `${base}/${name}`, translation: `${base}/${name}/label/${language}`}, what)) continue
      if (name === 'facts' || name === 'access') {
        dataset[name].items.forEach((item, position) => {
          compare(
            present(item.value),
            {dataset: dataset.id, field: `${field}.${item.key}`, primary: text(item.value, primary), translation: text(item.value, language)},
            {primary: `${base}/${name}/items/${position}`, translation: `${base}/${name}/items/${position}/value/${language}`},
            `"${Object.values(item.label)[0] ?? item.key}" of ${dataset.name}`
          )
        })
      } else if ('style' in section) {
        const items = section.items
        compare(present(items), {...draft, primary: list(items, primary), translation: list(items, language)}, {primary: `${base}/${name}`, translation: `${base}/${name}/items/${language}`}, what)
      }
    }
    const row = comparison?.rows.findIndex((candidate) => candidate.dataset === dataset.id) ?? -1
    const cells = comparison?.rows[row]?.cells
    if (tableInBoth && cells) {
      compare(
        present(cells),
        {dataset: dataset.id, field: 'comparison', primary: list(cells, primary), translation: list(cells, language)},
        {primary: `/comparison/rows/${row}`, translation: `/comparison/rows/${row}/cells/${language}`},
        `the comparison row of ${dataset.name}`
      )
    }
  })
  return found
}

type SectionValue = NonNullable<Dataset['description'] | Dataset['facts'] | Dataset['tasks'] | Dataset['access'] | Dataset['citation'] | Dataset['lists'][number]>

function sectionOf(dataset: Dataset, name: string): SectionValue | undefined {
  if (name.startsWith('lists/')) return dataset.lists[Number(name.slice('lists/'.length))]
  if (name === 'description' || name === 'facts' || name === 'tasks' || name === 'access' || name === 'citation') return dataset[name]
  return undefined
}

/** Outdated, untranslated and mismatched segments: those with a text in both languages. */
function segmentFindings(segment: Segment, primary: string, language: string, options: TranslationOptions, names: LanguageNames): TranslationFinding[] {
  const primaryName = names[primary] ?? primary
  const languageName = names[language] ?? language
  const source = segmentText(segment, primary)
  const target = segmentText(segment, language)
  if (source === undefined || target === undefined) return []
  const draft: Draft = {dataset: segment.dataset, field: segment.field, primary: source, translation: target, pointer: segment.pointer(language)}
  const found: TranslationFinding[] = []

  const confirmed = options.lock ? confirmedHash(options.lock, language, segment) : undefined
  if (confirmed !== undefined && confirmed !== hashText(source)) {
    found.push(finding('outdated', language, draft, `the ${primaryName} text changed since its ${languageName} translation was confirmed`))
  }

  const ours = segment.items[primary] ?? []
  const theirs = segment.items[language] ?? []
  if (segment.kind !== 'link') {
    const minWords = options.untranslatedMinWords ?? 3
    const copied = ours.filter((item, index) => item === theirs[index] && needsTranslation(item, minWords))
    if (copied.length > 0) {
      found.push(finding('untranslated', language, {...draft, primary: copied.join('\n'), translation: copied.join('\n')}, `the ${languageName} text is the ${primaryName} text, untranslated`))
    }
  }

  const problems: string[] = []
  if ((segment.kind === 'list' || segment.kind === 'cells') && ours.length !== theirs.length) {
    problems.push(`${ours.length} items in ${primaryName} but ${theirs.length} in ${languageName}`)
  }
  if (segment.kind === 'link') {
    if (isLink(source) && source !== target) problems.push(`the link ${target} differs from ${source}`)
  } else {
    const numbers = numberDifferences(source, primary, target, language)
    if (numbers.primary.length > 0 || numbers.translation.length > 0) {
      problems.push(`the numbers ${numbers.translation.join(', ') || '(none)'} differ from ${numbers.primary.join(', ') || '(none)'}`)
    }
  }
  if (problems.length > 0) found.push(finding('mismatch', language, draft, problems.join('; ')))
  return found
}

function isLink(text: string): boolean {
  return /^https?:\/\/\S+$/u.test(text.trim())
}

/** One finding per language, dataset, field and state: a parser message and a check of the catalog may see the same mismatch. */
function mergeFindings(findings: readonly TranslationFinding[]): TranslationFinding[] {
  const byKey = new Map<string, TranslationFinding>()
  for (const item of findings) {
    const key = JSON.stringify([item.language, item.dataset, item.field, item.state])
    const seen = byKey.get(key)
    if (!seen) {
      byKey.set(key, {...item})
      continue
    }
    if (!seen.message.includes(item.message)) seen.message = `${seen.message}; ${item.message}`
    seen.primary ??= item.primary
    seen.translation ??= item.translation
    if (seen.line === undefined && item.line !== undefined) seen.line = item.line
  }
  return [...byKey.values()]
}

/**
 * In reading order: language by language, the document's own parts first,
 * then dataset by dataset and, within one, section by section as the
 * source has them; otherwise as found.
 */
function orderFindings(catalog: Catalog, findings: readonly TranslationFinding[]): TranslationFinding[] {
  const languageIndex = (code: string): number => catalog.languages.findIndex((language) => language.code === code)
  const datasetIndex = (id: string | null): number => (id === null ? -1 : catalog.datasets.findIndex((dataset) => dataset.id === id))
  const sectionIndex = (item: TranslationFinding): number => {
    const dataset = catalog.datasets.find((candidate) => candidate.id === item.dataset)
    if (!dataset) return 0
    const [base = '', key] = item.field.split('.')
    if (base === 'comparison') return dataset.sections.length + 1
    const name = base === 'lists' ? `lists/${dataset.lists.findIndex((list) => list.key === key)}` : base
    return dataset.sections.indexOf(name) + 1
  }
  return findings
    .map((item, index) => ({item, index, section: sectionIndex(item)}))
    .sort(
      (a, b) =>
        languageIndex(a.item.language) - languageIndex(b.item.language) ||
        datasetIndex(a.item.dataset) - datasetIndex(b.item.dataset) ||
        a.section - b.section ||
        a.index - b.index
    )
    .map(({item}) => item)
}
