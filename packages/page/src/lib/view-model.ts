/**
 * The page's view model: the catalog shaped for the templates, so that they
 * hold no logic. Every localized value becomes its variants (one per
 * language that has it, each naming the languages that show it); text stays
 * CommonMark inline markup until the `inline` helper makes it safe HTML.
 */

import {baseLocale, fill, messageTables} from '@catalog/locales'
import {type Catalog, type Dataset, type LocalizedList, type LocalizedText, catalogSchema, listIndexOf, sectionSlug} from '@catalog/schema'
import {buildComparisonView, type ComparisonView} from './comparison.js'
import {formatBytes} from './format.js'
import {inlineToText} from './inline.js'
import {interfaceVariants, type PageLanguages, perLanguage, type UiText, type VariantView, variantsOf} from './localize.js'
import {searchIndex} from './search-index.js'

/** A file the page links to, beside it in the output folder. */
export interface Download {
  /** Path relative to the page, with `/` separators: `datasets.bib`, `bib/johnson2019mimic.bib`. */
  path: string
  /** Its size in bytes, as written. */
  bytes: number
  /**
   * What it is, in the primary language or per language code (read along the
   * interface's fallback chain, as the page's own words are); the path alone
   * when absent.
   */
  label?: string | Readonly<Record<string, string>>
  /** Id of the dataset the file belongs to: listed in that dataset's card rather than with the whole catalog's files. */
  dataset?: string
}

export type TextView = VariantView<string>[]
export type ListView = VariantView<string[]>[]

export interface DownloadView {
  href: string
  path: string
  bytes: number
  size: TextView
  label: TextView | null
}

interface SectionBase {
  headingId: string
  label: TextView
}

export type SectionView =
  | (SectionBase & {partial: 'section-description'; text: TextView})
  | (SectionBase & {partial: 'section-facts'; items: Array<{label: TextView; value: TextView}>})
  | (SectionBase & {partial: 'section-list'; items: ListView; inline: boolean})
  | (SectionBase & {partial: 'section-access'; items: Array<{label: TextView; value: TextView; url: string | null}>})
  | (SectionBase & {partial: 'section-citation'; codeId: string; statusId: string; bibtex: string; downloads: DownloadView[]})

export interface CardView {
  id: string
  headingId: string
  name: string
  title: TextView
  rating: number
  stars: string
  starsLabel: TextView
  category: string
  categoryTitle: TextView
  emoji: string
  /**
   * What the search looks through, per page language: the folded text the
   * card shows (`data-search-<code>`), and as JSON the fields it does not
   * show with their labels (`data-unseen-<code>`, empty when none).
   */
  search: Array<{lang: string; text: string; unseen: string}>
  sections: SectionView[]
}

export interface GroupView {
  id: string
  headingId: string
  emoji: string
  title: TextView
  cards: CardView[]
}

export interface OptionView {
  value: string
  /** The primary language's text, shown before the script runs. */
  text: string
  /** JSON of the text per language, for the script. */
  texts: string
}

export interface ContentView {
  lang: string
  /** The catalog's title as inline markup (the heading) and as plain text (the window title). */
  title: string
  titleText: string
  total: number
  languages: Array<{code: string; name: string; flag: string; pressed: 'true' | 'false'}>
  ui: Record<keyof UiText, TextView>
  searchPlaceholder: string
  searchPlaceholders: string
  overview: {heading: TextView; text: TextView} | null
  categoryOptions: OptionView[]
  ratingOptions: OptionView[]
  count: TextView
  groups: GroupView[]
  comparison: ComparisonView | null
  downloads: DownloadView[]
  resources: {heading: string; items: Array<{text: string; url: string}>} | null
  /** What the page's script needs: languages, and the words it writes itself. */
  config: {
    languages: string[]
    primary: string
    ui: Record<string, Pick<UiText, 'datasetsShown' | 'copied' | 'copyFailed' | 'matchedIn'>>
  }
}

const ratingSchema = catalogSchema.properties.datasets.items.properties.rating

/** Shape the catalog and the downloads for the page template. */
export function buildContentView(catalog: Catalog, downloads: readonly Download[], languages: PageLanguages): ContentView {
  const primary = languages.codes[0] ?? baseLocale
  const text = (values: LocalizedText | Readonly<Record<string, string>>): TextView => variantsOf<string>(values, languages)
  const list = (values: LocalizedList): ListView => variantsOf<string[]>(values, languages)
  /** One of the page's words with its placeholders filled, each language's marked where it falls back. */
  const filledWord = (key: keyof UiText, values: Readonly<Record<string, string | number>>): TextView =>
    interfaceVariants((locale) => {
      const word = languages.wordIn(key, locale)
      return word === undefined ? undefined : fill(word, values)
    }, languages)
  const perCode = (make: (ui: UiText, code: string) => string): Record<string, string> =>
    Object.fromEntries(languages.codes.map((code) => [code, make(languages.ui[code] as UiText, code)]))
  const total = catalog.datasets.length

  for (const download of downloads) checkDownload(download, catalog)
  const labelView = (label: NonNullable<Download['label']>): TextView => {
    const labels = typeof label === 'string' ? {[primary]: label} : label
    return interfaceVariants((locale) => labels[locale], languages)
  }
  const downloadView = (download: Download): DownloadView => ({
    href: download.path.split('/').map(encodeURIComponent).join('/'),
    path: download.path,
    bytes: download.bytes,
    size: text(perCode((_, code) => formatBytes(download.bytes, code))),
    label: download.label === undefined ? null : labelView(download.label)
  })

  const downloadsOf = new Map<string, Download[]>()
  for (const download of downloads)
    if (download.dataset !== undefined) downloadsOf.set(download.dataset, [...(downloadsOf.get(download.dataset) ?? []), download])
  const citationLabels = new Map<string, string | undefined>()
  const categories = new Map(catalog.categories.map((category) => [category.id, category]))
  const groups: GroupView[] = catalog.categories.map((category) => ({
    id: category.id,
    headingId: `category-${category.id}`,
    emoji: category.emoji,
    title: text(category.title),
    cards: []
  }))
  for (const dataset of catalog.datasets) {
    let group = groups.find(({id}) => id === dataset.category)
    if (!group) {
      // The parser files every dataset under a known category; a hand-made catalog may not.
      group = {id: dataset.category, headingId: `category-${dataset.category}`, emoji: '', title: text({[primary]: dataset.category}), cards: []}
      groups.push(group)
    }
    group.cards.push(buildCard(dataset))
  }

  // A category without datasets has nothing to show or to filter by.
  const shownGroups = groups.filter((group) => group.cards.length > 0)
  const minimum = ratingSchema.minimum
  const maximum = ratingSchema.maximum
  const ratingOptions: OptionView[] = [
    option(
      '',
      perCode((ui) => ui.anyRating)
    )
  ]
  for (let stars = minimum + 1; stars <= maximum; stars++) {
    ratingOptions.push(
      option(
        String(stars),
        perCode((ui) => fill(ui.atLeastStars, {stars}))
      )
    )
  }

  return {
    lang: primary,
    title: catalog.title,
    titleText: inlineToText(catalog.title),
    total,
    languages: catalog.languages.map(({code, name, flag}) => ({code, name, flag, pressed: code === primary ? 'true' : 'false'})),
    ui: languages.words,
    searchPlaceholder: languages.ui[primary]?.searchPlaceholder ?? '',
    searchPlaceholders: JSON.stringify(perCode((ui) => ui.searchPlaceholder)),
    overview: catalog.overview ? {heading: text(catalog.overview.heading), text: text(catalog.overview.text)} : null,
    categoryOptions: [
      option(
        '',
        perCode((ui) => ui.allCategories)
      ),
      ...shownGroups.map((group) => option(group.id, perLanguage(categories.get(group.id)?.title ?? {[primary]: group.id}, languages)))
    ],
    ratingOptions,
    count: filledWord('datasetsShown', {shown: total, total}),
    groups: shownGroups,
    comparison: buildComparisonView(catalog, languages),
    downloads: downloads.filter((download) => download.dataset === undefined).map(downloadView),
    resources: catalog.resources ? {heading: catalog.resources.heading, items: catalog.resources.items.map(({text, url}) => ({text, url}))} : null,
    config: {
      languages: [...languages.codes],
      primary,
      ui: Object.fromEntries(
        languages.codes.map((code) => {
          const {datasetsShown, copied, copyFailed, matchedIn} = languages.ui[code] as UiText
          return [code, {datasetsShown, copied, copyFailed, matchedIn}]
        })
      )
    }
  }

  function option(value: string, texts: Record<string, string>): OptionView {
    return {value, text: texts[primary] ?? '', texts: JSON.stringify(texts)}
  }

  /**
   * The citation is language-neutral, so every language shows it; only its
   * label needs words: the dataset's own label in a language, else the one
   * the catalog gives other datasets in it, else the interface's
   * (@catalog/locales), as in the markdown documents.
   */
  function citationLabelIn(locale: string, dataset: Dataset): string | undefined {
    return dataset.citation?.label[locale] ?? catalogCitationLabel(locale) ?? messageTables[locale]?.sections?.citation
  }

  /** The first citation label the catalog has in a locale, looked for once per locale. */
  function catalogCitationLabel(locale: string): string | undefined {
    if (!citationLabels.has(locale))
      citationLabels.set(
        locale,
        catalog.datasets.map((dataset) => dataset.citation?.label[locale]).find((label) => label !== undefined)
      )
    return citationLabels.get(locale)
  }

  function buildCard(dataset: Dataset): CardView {
    const category = categories.get(dataset.category)
    const id = dataset.id
    const sections = dataset.sections.flatMap((name): SectionView[] => {
      const headingId = `${id}-${sectionSlug(name)}`
      if (name === 'description') {
        return [{partial: 'section-description', headingId, label: text(dataset.description.label), text: text(dataset.description.text)}]
      }
      if (name === 'facts') {
        const items = dataset.facts.items.map((fact) => ({label: text(fact.label), value: text(fact.value)}))
        return [{partial: 'section-facts', headingId, label: text(dataset.facts.label), items}]
      }
      if (name === 'tasks' && dataset.tasks) {
        return [
          {partial: 'section-list', headingId, label: text(dataset.tasks.label), items: list(dataset.tasks.items), inline: dataset.tasks.style === 'inline'}
        ]
      }
      if (listIndexOf(name) !== undefined) {
        const titled = dataset.lists[listIndexOf(name) ?? -1]
        if (!titled) return []
        return [{partial: 'section-list', headingId, label: text(titled.label), items: list(titled.items), inline: titled.style === 'inline'}]
      }
      if (name === 'access') {
        const items = dataset.access.items.map((item) => ({label: text(item.label), value: text(item.value), url: item.url ?? null}))
        return [{partial: 'section-access', headingId, label: text(dataset.access.label), items}]
      }
      if (name === 'citation' && dataset.citation) {
        return [
          {
            partial: 'section-citation',
            headingId,
            label: interfaceVariants((locale) => citationLabelIn(locale, dataset), languages),
            codeId: `${id}-bibtex`,
            statusId: `${id}-copy-status`,
            bibtex: dataset.citation.raw,
            downloads: (downloadsOf.get(id) ?? []).map(downloadView)
          }
        ]
      }
      return []
    })
    return {
      id,
      headingId: `dataset-${id}`,
      name: dataset.name,
      title: text(dataset.title),
      rating: dataset.rating,
      stars: '★'.repeat(dataset.rating) + '☆'.repeat(Math.max(0, ratingSchema.maximum - dataset.rating)),
      starsLabel: filledWord('starsOutOf', {rating: dataset.rating, max: ratingSchema.maximum}),
      category: dataset.category,
      categoryTitle: text(category?.title ?? {[primary]: dataset.category}),
      emoji: category?.emoji ?? '',
      search: languages.codes.map((code) => {
        const {shown, unseen} = searchIndex(catalog, dataset, code, languages.codes)
        return {lang: code, text: shown, unseen: unseen.length === 0 ? '' : JSON.stringify(unseen)}
      }),
      sections
    }
  }
}

/** A download path must stay inside the output folder: relative, `/`-separated, no `..`. */
function checkDownload(download: Download, catalog: Catalog): void {
  const segments = download.path.split('/')
  if (download.path === '' || segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.includes('\\'))) {
    throw new TypeError(`download path "${download.path}" must be relative to the page, with "/" between names and no "." or ".."`)
  }
  if (!Number.isSafeInteger(download.bytes) || download.bytes < 0) {
    throw new TypeError(`download "${download.path}" has an invalid size: ${download.bytes}`)
  }
  if (download.dataset !== undefined && !catalog.datasets.some(({id}) => id === download.dataset)) {
    throw new TypeError(`download "${download.path}" names dataset "${download.dataset}", which is not in the catalog`)
  }
}
