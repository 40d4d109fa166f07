import {type Catalog, type Finding, listSectionName, sectionOf} from '@catalog/schema'
import type {TranslationFinding, TranslationState} from './finding.js'
import {confirmedEntry, hashText, type TranslationLock} from './lock.js'
import {numberDifferences} from './numbers.js'
import {type Segment, sectionField, segmentsOf, segmentText} from './segments.js'
import {needsTranslation} from './untranslated.js'

/** Options of the translation checks; every one has a documented default. */
export interface TranslationOptions {
  /** The lock that confirms translations. @default none: nothing is outdated, every translation is unconfirmed */
  lock?: TranslationLock | undefined
  /** Fewest words for a text that reads the same in both languages to count as untranslated. @default 3 */
  untranslatedMinWords?: number | undefined
  /**
   * The states to report; the others are not looked for, which saves the
   * comparison with the lock and the search for copies. @default every state
   */
  states?: readonly TranslationState[] | undefined
}

/**
 * Compare every translated language of the catalog with the primary one and
 * report what is missing, outdated, orphaned, untranslated or mismatched,
 * one finding per dataset, field, rule and language, in document order.
 * Every rule that compares the halves lives here; the parser only keeps what
 * each half says.
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
    findings.push(...variantFindings(catalog, primary, code, names))
  }
  const wanted = options.states
  return orderFindings(catalog, wanted === undefined ? findings : findings.filter((item) => wanted.includes(item.state)))
}

/** The states a source check reports: what needs no lock and no judgement of wording. */
const checkedStates: readonly TranslationState[] = ['missing', 'orphan', 'mismatch']

/**
 * The translation rules as checks over the catalog, as the parser runs the
 * renderers' checks: warnings located by JSON pointer, which `catalog
 * validate` and `catalog build` print once, each at its line.
 */
export function translationChecks(catalog: Catalog): Finding[] {
  return translationFindings(catalog, {states: checkedStates}).map((item) => ({
    pointer: item.pointer,
    severity: 'warning',
    ruleId: item.ruleId,
    message: item.message
  }))
}

type Draft = Omit<TranslationFinding, 'state' | 'language' | 'message' | 'ruleId'>

/** The name each half of the source gives its language (`Português`), for messages. */
type LanguageNames = Readonly<Record<string, string>>

const ruleOfState: Readonly<Record<Exclude<TranslationState, 'mismatch'>, string>> = {
  missing: 'missing-translation',
  orphan: 'orphan-translation',
  outdated: 'outdated-translation',
  unconfirmed: 'unconfirmed-translation',
  untranslated: 'untranslated'
}

function finding(
  state: TranslationState,
  language: string,
  draft: Draft,
  message: string,
  ruleId = state === 'mismatch' ? 'number-mismatch' : ruleOfState[state]
): TranslationFinding {
  return {...draft, state, language, message, ruleId}
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
    compare(
      present(overview.text),
      {dataset: null, field: 'overview', primary: text(overview.text, primary), translation: text(overview.text, language)},
      {primary: `/overview/text/${primary}`, translation: `/overview/text/${language}`},
      'the overview'
    )
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
        compare(
          present(items),
          {...draft, primary: list(items, primary), translation: list(items, language)},
          {primary: `${base}/${name}`, translation: `${base}/${name}/items/${language}`},
          what
        )
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

/** Outdated, untranslated and mismatched segments: those with a text in both languages. */
function segmentFindings(segment: Segment, primary: string, language: string, options: TranslationOptions, names: LanguageNames): TranslationFinding[] {
  const primaryName = names[primary] ?? primary
  const languageName = names[language] ?? language
  const source = segmentText(segment, primary)
  const target = segmentText(segment, language)
  if (source === undefined || target === undefined) return []
  const draft: Draft = {dataset: segment.dataset, field: segment.field, primary: source, translation: target, pointer: segment.pointer(language)}
  const found: TranslationFinding[] = []

  const ours = segment.items[primary] ?? []
  const theirs = segment.items[language] ?? []
  // What is not asked for is not looked for (`translationFindings` drops the states not asked for): the copies
  // matter to the untranslated and unconfirmed states, the lock to the unconfirmed and outdated ones.
  const wanted = (...states: TranslationState[]): boolean => options.states === undefined || states.some((state) => options.states?.includes(state))
  const copied =
    segment.kind === 'link' || !wanted('untranslated', 'unconfirmed')
      ? []
      : ours.filter((item, index) => item === theirs[index] && needsTranslation(item, options.untranslatedMinWords ?? 3))
  if (copied.length > 0) {
    found.push(
      finding(
        'untranslated',
        language,
        {...draft, primary: copied.join('\n'), translation: copied.join('\n')},
        `the ${languageName} text is the ${primaryName} text, untranslated`
      )
    )
  }

  if (wanted('unconfirmed', 'outdated')) {
    const confirmed = options.lock ? confirmedEntry(options.lock, language, segment) : undefined
    if (confirmed === undefined) {
      // A copy is said once, as untranslated: confirming it is not what it needs.
      if (copied.length === 0) {
        const message = `the ${languageName} translation was never confirmed against the ${primaryName} text; review it, then run \`catalog i18n accept\``
        found.push(finding('unconfirmed', language, draft, message))
      }
    } else if (confirmed.sha256 !== hashText(source)) {
      const message = `the ${primaryName} text changed since its ${languageName} translation was confirmed`
      found.push(finding('outdated', language, {...draft, previous: confirmed.text ?? null}, message))
    }
  }

  const mismatch = (ruleId: string, message: string): void => void found.push(finding('mismatch', language, draft, message, ruleId))
  if ((segment.kind === 'list' || segment.kind === 'cells') && ours.length !== theirs.length) {
    mismatch('list-length-mismatch', `${ours.length} ${ours.length === 1 ? 'item' : 'items'} in ${primaryName} but ${theirs.length} in ${languageName}`)
  }
  if (segment.kind === 'link') {
    // A link written as its own address, shown as another: its target, if it differs too, is the same mismatch.
    if (isLink(source) && isLink(target) && source !== target) mismatch('url-mismatch', `the link ${target} differs from ${source}`)
  } else {
    const numbers = numberDifferences(source, primary, target, language)
    if (numbers.primary.length > 0 || numbers.translation.length > 0) {
      mismatch('number-mismatch', `the numbers ${numbers.translation.join(', ') || '(none)'} differ from ${numbers.primary.join(', ') || '(none)'}`)
    }
  }
  return found
}

/**
 * What a translation says otherwise than the primary half, where the catalog
 * keeps both (the parser keeps the translation's as a variant): its heading's
 * name, rating and category, the order of its sections, a link, a citation.
 */
function variantFindings(catalog: Catalog, primary: string, language: string, names: LanguageNames): TranslationFinding[] {
  const found: TranslationFinding[] = []
  const languageName = names[language] ?? language
  catalog.datasets.forEach((dataset, index) => {
    const base = `/datasets/${index}`
    const add = (field: string, ruleId: string, primaryText: string | null, translation: string | null, pointer: string, message: string): void => {
      found.push(finding('mismatch', language, {dataset: dataset.id, field, primary: primaryText, translation, pointer}, message, ruleId))
    }
    const variant = dataset.variants?.[language]
    const heading = `${base}/variants/${language}`
    if (variant?.name !== undefined)
      add(
        'name',
        'heading-mismatch',
        dataset.name,
        variant.name,
        heading,
        `the ${languageName} heading names ${dataset.name} "${variant.name}"; write it as in the primary half`
      )
    if (variant?.rating !== undefined)
      add(
        'rating',
        'rating-mismatch',
        String(dataset.rating),
        String(variant.rating),
        heading,
        `${dataset.name} has ${variant.rating} stars in ${languageName} but ${dataset.rating} in the primary half`
      )
    if (variant?.category !== undefined)
      add(
        'category',
        'category-mismatch',
        dataset.category,
        variant.category,
        heading,
        `${dataset.name} stands under another category in ${languageName} than in the primary half`
      )
    if (variant?.sections !== undefined) {
      add(
        'sections',
        'section-order',
        dataset.sections.join(', '),
        variant.sections.join(', '),
        heading,
        `the sections of ${dataset.name} come in another order in ${languageName} than in the primary half`
      )
    }
    dataset.access.items.forEach((item, position) => {
      const url = item.urlVariants?.[language]
      const shown = {primary: item.value[primary] ?? '', translation: item.value[language] ?? ''}
      // Where the link's text is its address and that differs too, the segment check has said it.
      const said = isLink(shown.primary) && isLink(shown.translation) && shown.primary !== shown.translation
      if (url !== undefined && item.url !== undefined && !said) {
        add(
          `access.${item.key}`,
          'url-mismatch',
          item.url,
          url,
          `${base}/access/items/${position}/urlVariants/${language}`,
          `the link ${url} differs from the primary half's ${item.url}`
        )
      }
    })
    const raw = dataset.citation?.rawVariants?.[language]
    if (raw !== undefined && dataset.citation) {
      add(
        'citation',
        'citation-mismatch',
        dataset.citation.raw,
        raw,
        `${base}/citation/rawVariants/${language}`,
        `the ${languageName} citation of ${dataset.name} differs from the primary half's; cite once, the same way in every half`
      )
    }
  })
  return found
}

/**
 * In reading order: language by language, the document's own parts first,
 * then dataset by dataset and, within one, section by section as the
 * source has them; otherwise as found.
 */
function orderFindings(catalog: Catalog, findings: readonly TranslationFinding[]): TranslationFinding[] {
  // Looked up by maps, not searched per comparison: a catalog without a lock has a finding per segment.
  const languages = new Map(catalog.languages.map((language, index) => [language.code, index]))
  const datasets = new Map<string, number>()
  catalog.datasets.forEach((dataset, index) => {
    if (!datasets.has(dataset.id)) datasets.set(dataset.id, index)
  })
  const languageIndex = (code: string): number => languages.get(code) ?? -1
  const datasetIndex = (id: string | null): number => (id === null ? -1 : (datasets.get(id) ?? -1))
  const sectionIndex = (item: TranslationFinding): number => {
    const dataset = item.dataset === null ? undefined : catalog.datasets[datasets.get(item.dataset) ?? -1]
    if (!dataset) return 0
    const [base = '', key] = item.field.split('.')
    if (base === 'comparison') return dataset.sections.length + 1
    const name = base === 'lists' ? listSectionName(dataset.lists.findIndex((list) => list.key === key)) : base
    return (dataset.sections as readonly string[]).indexOf(name) + 1
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

function isLink(text: string): boolean {
  return /^https?:\/\/\S+$/u.test(text.trim())
}
