/**
 * Adding a language to the interface is adding its message table to
 * @catalog/locales. For every complete table (es among them), a catalog
 * with that language beside English and Portuguese renders every output,
 * and every message the page, the language's document and the download
 * labels use appears in that language, filled, where a reader of it looks.
 * The messages are taken from the table, never picked by hand.
 */
import {completeLocales, type Messages, messageTables} from '@catalog/locales'
import {type Catalog, validateCatalog} from '@catalog/schema'
import {frozenCatalog} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {renderOutputs} from '../src/lib/outputs.js'

/** A language's name in that language, as the catalog's `## <flag> <name>` heading would give it: `Español`. */
function ownName(code: string): string {
  const name = new Intl.DisplayNames([code], {type: 'language'}).of(code) ?? code
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1)
}

/**
 * The frozen catalog (English and Portuguese) with a half in `code` that
 * translates what a translator starts with: the first category, the first
 * dataset's title and description, and one access entry saying it is free.
 * Everything else is shown in `code` from the primary language, marked.
 */
function withLanguage(code: string): Catalog {
  const catalog = frozenCatalog()
  if (!catalog.languages.some((language) => language.code === code)) catalog.languages.push({code, flag: '🏳️', name: ownName(code)})
  const [category] = catalog.categories
  const [dataset] = catalog.datasets
  if (!category || !dataset) throw new Error('the frozen catalog has no dataset')
  category.title[code] ??= `${category.title.en} (${code})`
  dataset.title[code] ??= `${dataset.title.en} (${code})`
  dataset.description.label[code] ??= `${dataset.description.label.en} (${code})`
  dataset.description.text[code] ??= `${dataset.description.text.en} (${code})`
  const [term] = messageTables[code]?.feeds?.freeAccessTerms ?? []
  if (term !== undefined) dataset.access.items.push({key: 'cost', label: {[code]: 'Cost'}, value: {[code]: term}})
  const result = validateCatalog(catalog)
  if (!result.valid) throw new Error(result.violations.map((violation) => violation.message).join('; '))
  return result.catalog
}

function decodeHtml(text: string): string {
  return text.replace(/&#x([0-9a-f]+);|&#(\d+);|&(amp|lt|gt|quot);/gi, (_, hex: string, dec: string, name: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16))
    if (dec) return String.fromCodePoint(Number(dec))
    return {amp: '&', lt: '<', gt: '>', quot: '"'}[name.toLowerCase()] ?? ''
  })
}

const shownIn = (list: string, code: string): boolean => list.split(' ').includes(code)

/**
 * Every text the page gives a reader of `code` in that language: elements
 * written in it and shown in it, the titles of its fallback badges, its
 * entries in the attributes the script reads (placeholder, filter options)
 * and in the script's settings (the words the script writes itself).
 */
function pageTextsIn(html: string, code: string): string[] {
  const texts: string[] = []
  for (const [, lang = '', shown = '', text = ''] of html.matchAll(/<span lang="([a-z]+)" data-shown-in="([^"]*)">([^<]*)/g)) {
    if (lang === code && shownIn(shown, code)) texts.push(decodeHtml(text).trim())
  }
  for (const [, lang = '', shown = '', title = ''] of html.matchAll(/<span class="untranslated" lang="([a-z]+)" data-shown-in="([^"]*)" title="([^"]*)"/g)) {
    if (lang === code && shownIn(shown, code)) texts.push(decodeHtml(title))
  }
  for (const [, json = ''] of html.matchAll(/data-i18n-(?:text|placeholder)="([^"]*)"/g)) {
    const value = (JSON.parse(decodeHtml(json)) as Record<string, unknown>)[code]
    if (typeof value === 'string') texts.push(value)
  }
  const config = JSON.parse(/<script type="application\/json" id="page-config">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}') as {
    ui?: Record<string, Record<string, string>>
  }
  texts.push(...Object.values(config.ui?.[code] ?? {}))
  return texts
}

/** The label the page gives each listed download in `code`, by path (undefined for a download without one in `code`). */
function downloadLabelsIn(html: string, code: string): Map<string, string | undefined> {
  const labels = new Map<string, string | undefined>()
  for (const [, path = '', meta = ''] of html.matchAll(
    /<li><a href="[^"]*" data-download="([^"]*)"><code>[^<]*<\/code><\/a> <span class="download-meta">(.*)<\/li>/g
  )) {
    const label = /<span class="download-label">(.*?)<\/span> <data /.exec(meta)?.[1] ?? ''
    labels.set(path, pageTextsIn(label, code)[0])
  }
  return labels
}

/** The words a single-language document adds: its notices (`> ...`) and section labels (`**...:**`). */
function documentTexts(markdown: string): string[] {
  return [...markdown.matchAll(/^> (.+)$/gm), ...markdown.matchAll(/^\*\*(.+?):\*\*/gm)].map((match) => match[1] ?? '')
}

/** A message as a pattern over whole texts: its words as written, each placeholder standing for some value. */
function patternOf(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('.+')}$`, 'u')
}

/** The messages of a group that no text matches: empty when every one appears. */
function missing(messages: Readonly<Record<string, unknown>>, texts: readonly string[]): string[] {
  return Object.entries(messages).flatMap(([key, template]) =>
    typeof template === 'string' && !texts.some((text) => patternOf(template).test(text)) ? [`${key}: ${template}`] : []
  )
}

describe('the interface in a third language', () => {
  it('is tested for es, and for every other complete table', () => {
    expect(completeLocales).toEqual(expect.arrayContaining(['en', 'pt', 'es']))
  })

  for (const code of completeLocales.filter((locale) => locale !== 'en' && locale !== 'pt')) {
    describe(`${code}: a catalog in en, pt and ${code}`, () => {
      const catalog = withLanguage(code)
      const outputs = renderOutputs(catalog)
      const html = outputs.get('index.html') ?? ''
      const document = outputs.get(`${code}/README.md`) ?? ''
      const messages = messageTables[code] as Messages
      const pageTexts = pageTextsIn(html, code)
      const nameIn = (language: string): string => new Intl.DisplayNames([code], {type: 'language'}).of(language) ?? language

      it('renders every output, a whole document for each language', () => {
        expect(catalog.languages.map((language) => language.code)).toEqual(['en', 'pt', code])
        for (const path of [
          'index.html',
          'README.md',
          'en/README.md',
          'pt/README.md',
          `${code}/README.md`,
          'datasets.csv',
          'datasets.jsonld',
          'datasets.bib'
        ]) {
          expect(outputs.get(path), path).toBeTruthy()
        }
      })

      it('the page shows every page message of the table, filled, in that language', () => {
        expect(missing(messages.page, pageTexts)).toEqual([])
        // Its badges name the language shown in the reader's language.
        expect(pageTexts).toContain(messages.page.untranslated.replace('{language}', nameIn('en')))
        expect(html).toContain(`<html lang="en" data-ui-lang="en">`)
      })

      it('the page labels the citation with the table’s word, the catalog having none in that language', () => {
        expect(missing(messages.sections, pageTexts)).toEqual([])
        const cited = catalog.datasets.find((dataset) => dataset.citation)
        expect(html).toContain(
          `<h4 id="${cited?.id}-citation"><span lang="en" data-shown-in="en">Citation</span><span lang="pt" data-shown-in="pt">Citação</span><span lang="${code}" data-shown-in="${code}">${messages.sections.citation}</span></h4>`
        )
      })

      it('every download of the whole catalog has a label in that language, and every download message is one of them', () => {
        const labels = downloadLabelsIn(html, code)
        const listed = [...outputs.keys()].filter((path) => path !== 'index.html' && path !== '.catalog-manifest.json' && !path.startsWith('bib/'))
        expect([...labels.keys()].filter((path) => !path.startsWith('bib/'))).toEqual(listed)
        for (const path of listed) expect(labels.get(path), path).toBeTruthy()
        expect(
          missing(
            messages.downloads,
            [...labels.values()].filter((label) => label !== undefined)
          )
        ).toEqual([])
        // Each language's document is named in the reader's language.
        for (const language of catalog.languages) {
          expect(labels.get(`${language.code}/README.md`)).toBe(messages.downloads.languageDocument.replace('{language}', nameIn(language.code)))
        }
      })

      it(`${code}/README.md carries the table's notice and citation label`, () => {
        const texts = documentTexts(document)
        expect(missing(messages.document, texts)).toEqual([])
        expect(missing(messages.sections, texts)).toEqual([])
        expect(texts).toContain(messages.document.untranslated.replace('{language}', nameIn('en')))
      })

      it("the feeds read the language's free-access terms", () => {
        const id = catalog.datasets[0]?.id
        const freeOf = (jsonLd: string | undefined): unknown =>
          (JSON.parse(jsonLd ?? '') as {itemListElement: Array<{item: Record<string, unknown>}>}).itemListElement.find(({item}) => item['identifier'] === id)
            ?.item['isAccessibleForFree']
        expect(freeOf(renderOutputs(frozenCatalog()).get('datasets.jsonld')), 'nothing else says it is free').toBeUndefined()
        expect(freeOf(outputs.get('datasets.jsonld'))).toBe(true)
      })

      it('uses every group of the table: a new group needs a place here', () => {
        expect(Object.keys(messages).sort()).toEqual(['document', 'downloads', 'feeds', 'page', 'sections'])
      })
    })
  }
})

describe('the Portuguese interface', () => {
  const outputs = renderOutputs(frozenCatalog())
  const html = outputs.get('index.html') ?? ''
  const pageTexts = pageTextsIn(html, 'pt')

  it('labels the citation "Citação" where the catalog has only an English label', () => {
    const cited = frozenCatalog().datasets.filter((dataset) => dataset.citation)
    expect(cited.every((dataset) => dataset.citation?.label.pt === undefined)).toBe(true)
    expect(html.match(/<span lang="pt" data-shown-in="pt">Citação<\/span><\/h4>/g)).toHaveLength(cited.length)
    expect(documentTexts(outputs.get('pt/README.md') ?? '')).toContain('Citação')
  })

  it('names English "inglês" on the page, as pt/README.md does', () => {
    expect(pageTexts).toContain('Ainda não traduzido; exibido em inglês.')
    expect(pageTexts.join('\n')).not.toContain('exibido em English')
    expect(outputs.get('pt/README.md')).toContain('> ⚠️ Ainda não traduzido: exibido em inglês.')
    expect(downloadLabelsIn(html, 'pt').get('en/README.md')).toBe('O documento em inglês (markdown)')
  })
})
