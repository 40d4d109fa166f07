import {createHash} from 'node:crypto'
import {describe, expect, it} from 'vitest'
import {checkPage, type Download, renderPage} from '../src/index.js'
import {frozenCatalog} from '@catalog/test-support'
import {downloadsOf, exampleFiles, exampleJsonLd, loadCatalog, sources} from './support/catalogs.js'

const real = frozenCatalog()
const larger = loadCatalog(sources.larger)
const injected = loadCatalog(sources.injected)

function render(catalog = real, downloads: Download[] = downloadsOf(exampleFiles(catalog)), jsonLd: unknown = exampleJsonLd(catalog)): string {
  const outputs = renderPage(catalog, {downloads, jsonLd})
  expect([...outputs.keys()]).toEqual(['index.html'])
  return outputs.get('index.html') ?? ''
}

function matches(html: string, pattern: RegExp): string[] {
  return [...html.matchAll(pattern)].map((match) => match[1] ?? '')
}

/** An attribute value as the browser reads it. */
function decodeAttribute(value: string): string {
  return value.replace(/&#x([0-9a-f]+);|&#(\d+);|&(amp|lt|gt|quot);/gi, (_, hex: string, dec: string, name: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16))
    if (dec) return String.fromCodePoint(Number(dec))
    return {amp: '&', lt: '<', gt: '>', quot: '"'}[name.toLowerCase()] ?? ''
  })
}

/** The HTML outside the page's own inline script and style, where source text lands. */
function markupOnly(html: string): string {
  return html.replace(/<script>[\s\S]*?<\/script>/, '').replace(/<style>[\s\S]*?<\/style>/, '')
}

describe('renderPage', () => {
  it('renders one card per dataset, carrying its id, in source order', () => {
    for (const catalog of [real, larger]) {
      const html = render(catalog)
      expect(matches(html, /<article [^>]*data-dataset-id="([^"]+)"/g)).toEqual(catalog.datasets.map(({id}) => id))
      for (const dataset of catalog.datasets) {
        expect(html).toContain(`<span class="name">${dataset.name}</span>`)
        expect(html).toMatch(new RegExp(`data-dataset-id="${dataset.id}" data-category="${dataset.category}" data-rating="${dataset.rating}"`))
      }
    }
  })

  it('groups cards under every category that has datasets, a new one included', () => {
    const html = render(larger)
    const used = larger.categories.filter((category) => larger.datasets.some((dataset) => dataset.category === category.id))
    expect(matches(html, /<section class="group" data-group="([^"]+)"/g)).toEqual(used.map(({id}) => id))
    expect(matches(html, /<option value="([^"]*)" data-i18n-text/g).slice(0, used.length + 1)).toEqual(['', ...used.map(({id}) => id)])
    // A category without datasets gets neither a heading nor a filter choice.
    const emptied = {...larger, datasets: larger.datasets.filter((dataset) => dataset.category !== used[0]?.id)}
    expect(render(emptied)).not.toContain(`value="${used[0]?.id}"`)
  })

  it('puts one switch button per language, and no other element carries data-lang', () => {
    const html = render()
    expect(matches(html, /<([a-z]+)[^>]* data-lang="/g)).toEqual(real.languages.map(() => 'button'))
    expect(matches(html, / data-lang="([^"]+)"/g)).toEqual(real.languages.map(({code}) => code))
    expect(html).toMatch(/<html lang="en" data-ui-lang="en">/)
  })

  it('holds every language of a text, and marks a fallback where a translation is missing', () => {
    const html = render()
    for (const dataset of real.datasets) {
      for (const [code, text] of Object.entries(dataset.description.text)) {
        expect(html).toContain(`<span lang="${code}" data-shown-in="${code}">${text}</span>`)
      }
    }
    // A titled list written only in English is shown in Portuguese too, with a badge only Portuguese shows.
    const untranslated = real.datasets.flatMap((dataset) => dataset.lists).find((list) => list.label.pt === undefined)
    expect(untranslated, 'the seed has a list without a Portuguese translation').toBeDefined()
    expect(html).toContain(
      `<span lang="en" data-shown-in="en pt">${untranslated?.label.en} <span class="untranslated" lang="pt" data-shown-in="pt" title="Ainda não traduzido; exibido em inglês."><span aria-hidden="true">EN</span>`
    )
    expect(html).toContain('<div lang="en" data-shown-in="en pt">\n<ul class="inline-list">')
  })

  it("labels the citation with the catalog's word where it has one, else the interface's, unmarked", () => {
    const html = render()
    expect(
      real.datasets.some((dataset) => dataset.citation && dataset.citation.label.pt === undefined),
      'the frozen catalog has no Portuguese citation label'
    ).toBe(true)
    for (const dataset of real.datasets) {
      if (!dataset.citation) continue
      expect(html).toContain(
        `<h4 id="${dataset.id}-citation"><span lang="en" data-shown-in="en">${dataset.citation.label.en}</span><span lang="pt" data-shown-in="pt">Citação</span></h4>`
      )
    }
    const labelled = structuredClone(real)
    const first = labelled.datasets.find((dataset) => dataset.citation)
    if (!first?.citation) throw new Error('no citation')
    first.citation.label.pt = 'Como citar'
    // One dataset's label stands for the catalog's word in that language.
    expect(render(labelled).match(/<span lang="pt" data-shown-in="pt">Como citar<\/span><\/h4>/g)).toHaveLength(
      real.datasets.filter((dataset) => dataset.citation).length
    )
  })

  it('lists exactly the downloads it is given, with sizes, and per-dataset files in their cards', () => {
    const files = exampleFiles(real)
    const downloads = downloadsOf(files)
    const html = render(real, downloads)
    const links = matches(html, /<a href="([^"]+)" data-download=/g)
    expect([...links].sort()).toEqual(downloads.map(({path}) => path).sort())
    // The whole catalog's files, in the order given, under Downloads, after the cards.
    const section = html.slice(html.indexOf('<section class="downloads"'))
    expect(html.indexOf('<section class="downloads"')).toBeGreaterThan(html.lastIndexOf('</article>'))
    expect(matches(section, /<a href="([^"]+)" data-download=/g)).toEqual(downloads.filter((download) => download.dataset === undefined).map(({path}) => path))
    for (const {path, bytes} of downloads)
      expect(html).toMatch(new RegExp(`data-download="${path}"><code>${path}</code></a>[^\\n]*<data class="size" value="${bytes}">`))
    const bibs = downloads.filter((download) => download.dataset !== undefined)
    expect(bibs.length).toBe(real.datasets.filter((dataset) => dataset.citation).length)
    for (const {path, dataset} of bibs) {
      const card = html.slice(html.indexOf(`data-dataset-id="${dataset}"`))
      expect(card.slice(0, card.indexOf('</article>'))).toContain(`data-download="${path}"`)
    }
    const mine = render(real, [{path: 'other/my file.txt', bytes: 1234, label: {en: 'Mine', pt: 'Meu'}}])
    expect(matches(mine, /<a href="([^"]+)" data-download=/g)).toEqual(['other/my%20file.txt'])
    expect(mine).toContain('<span lang="en" data-shown-in="en">1.2 kB</span><span lang="pt" data-shown-in="pt">1,2 kB</span>')
  })

  it('refuses downloads outside the output folder, bad sizes and unknown datasets', () => {
    for (const path of ['../secret', '/etc/passwd', 'a//b', './a', 'a\\b', '']) {
      expect(() => renderPage(real, {downloads: [{path, bytes: 1}]}), path).toThrow(TypeError)
    }
    expect(() => renderPage(real, {downloads: [{path: 'a', bytes: -1}]})).toThrow(/invalid size/)
    expect(() => renderPage(real, {downloads: [{path: 'a', bytes: 1, dataset: 'no-such-dataset'}]})).toThrow(/not in the catalog/)
  })

  it('embeds JSON-LD that parses back to the same value, even holding </script> and <!--', () => {
    const jsonLd = {'@context': 'https://schema.org', '@type': 'Dataset', name: 'x</script><script>alert(1)</script><!--', text: 'a\u2028b & c'}
    const html = render(real, [], jsonLd)
    const blocks = matches(html, /<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)
    expect(blocks).toHaveLength(1)
    expect(blocks[0]).not.toMatch(/<\/script|<!--|\u2028/i)
    expect(JSON.parse(blocks[0] ?? '')).toEqual(jsonLd)
    expect(renderPage(real, {downloads: []}).get('index.html')).not.toContain('application/ld+json')
  })

  it('allows its own script and style by hash in a CSP without unsafe-inline or inline handlers', () => {
    const html = render()
    const csp = decodeAttribute(matches(html, /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/g)[0] ?? '')
    const directives = new Map(
      csp
        .split(';')
        .map((part) => part.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values])
    )
    const sha = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
    const scripts = matches(html, /<script>([\s\S]*?)<\/script>/g)
    const styles = matches(html, /<style>([\s\S]*?)<\/style>/g)
    expect(scripts).toHaveLength(1)
    expect(styles).toHaveLength(1)
    expect(directives.get('default-src')).toEqual(["'none'"])
    expect(directives.get('script-src')).toEqual([sha(scripts[0] ?? '')])
    expect(directives.get('style-src')).toEqual([sha(styles[0] ?? '')])
    expect(csp).not.toMatch(/unsafe|https?:|\*/)
    // The CSP must come before anything it governs.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'))
    expect(markupOnly(html)).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    expect(markupOnly(html)).not.toMatch(/\sstyle=/i)
    expect(markupOnly(html)).not.toMatch(/<(?:link|img|script|iframe)\b[^>]*\s(?:src|href)="(?!data:)/i)
  })

  it('shows injected markup as text: no tag, handler or link from the source survives', () => {
    const html = render(injected)
    const markup = markupOnly(html)
    expect(markup).not.toContain('<script>window')
    expect(markup).not.toMatch(/<img|<svg|<!-- CheXpert|javascript:/i)
    expect(markup).not.toMatch(/<[^>]*\son[a-z]+\s*=/i)
    expect(markup).toContain('&lt;script&gt;window.__pwned&#61;1&lt;/script&gt; &lt;img src&#61;x onerror&#61;&quot;window.__pwned&#61;1&quot;&gt;')
    // The only script elements are the page's own and its two JSON blocks.
    expect(matches(html, /<script([^>]*)>/g)).toEqual([' type="application/ld+json"', ' type="application/json" id="page-config"', ''])
  })

  it('keeps the search text of every language, folded', () => {
    const html = render(larger)
    const dataset = larger.datasets.find((candidate) => candidate.description.text.pt === undefined)
    expect(dataset, 'the larger fixture has a description without a Portuguese translation').toBeDefined()
    const attribute = (code: string): string =>
      decodeAttribute(matches(html, new RegExp(`data-dataset-id="${dataset?.id}"[^>]* data-search-${code}="([^"]*)"`, 'g'))[0] ?? '')
    const fold = (text: string): string =>
      text
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase()
    expect(attribute('en')).toContain(fold(dataset?.description.text.en ?? 'missing'))
    // Portuguese searches the English description it shows, and the Portuguese tasks.
    expect(attribute('pt')).toContain(fold(dataset?.description.text.en ?? 'missing'))
    expect(attribute('pt')).toContain(fold(dataset?.tasks?.items.pt?.[0] ?? 'missing'))
  })

  it("carries each card's search text and, as JSON, the fields it does not show with their labels", () => {
    const html = render()
    const attribute = (id: string, name: string): string | undefined => {
      const value = new RegExp(`data-dataset-id="${id}"[^>]* ${name}="([^"]*)"`).exec(html)?.[1]
      return value === undefined ? undefined : decodeAttribute(value)
    }
    expect(attribute('chexpert', 'data-search-en')).toContain('stanford university')
    expect(attribute('chexpert', 'data-search-en')).toContain('irvin2019chexpert')
    expect(JSON.parse(attribute('tcga', 'data-unseen-en') ?? '[]')).toContainEqual(['Institution', 'nih/nci'])
    expect(JSON.parse(attribute('tcga', 'data-unseen-pt') ?? '[]')).toContainEqual(['Instituição', 'nih/nci'])
    // A card whose every field the card shows carries no unseen attribute.
    const bare = structuredClone(real)
    delete bare.comparison
    expect(markupOnly(render(bare))).not.toContain('data-unseen-')
    // The script says where a search found a word the card does not show, in each language's words.
    const config = JSON.parse(matches(html, /<script type="application\/json" id="page-config">([\s\S]*?)<\/script>/g)[0] ?? '{}') as {
      ui: Record<string, {matchedIn: string}>
    }
    expect(config.ui.en?.matchedIn).toBe('Matched in: {fields}')
    expect(config.ui.pt?.matchedIn).toBe('Encontrado em: {fields}')
  })

  it('shows the comparison table before the cards, each row linking to its card, numbers carried for sorting', () => {
    const html = render()
    const comparison = real.comparison
    if (!comparison) throw new Error('the frozen catalog has a comparison table')
    const table = matches(html, /(<table class="comparison-table"[\s\S]*?<\/table>)/g)[0] ?? ''
    expect(matches(table, /<tr data-row-of="([^"]+)"><th scope="row"><a href="#[^"]+">/g)).toEqual(comparison.rows.map(({dataset}) => dataset))
    for (const [, id] of table.matchAll(/<a href="#([^"]+)">/g)) expect(html).toContain(`<article class="card" id="${id}" `)
    expect(matches(table, /<th scope="col">(.*?)<\/th>/g)).toHaveLength(comparison.columns.en?.length ?? 0)
    expect(table).toContain('<th scope="col"><span lang="en" data-shown-in="en">Institution</span><span lang="pt" data-shown-in="pt">Instituição</span></th>')
    expect(table).toContain(
      '<span lang="en" data-shown-in="en"><data value="377000">377k+ images</data></span><span lang="pt" data-shown-in="pt"><data value="377000">377k+ imagens</data></span>'
    )
    expect(table).toContain('<span lang="en" data-shown-in="en">Stanford</span>')
    // The page's order: the search, the count, the table, the cards, then the downloads.
    const order = ['class="finder"', 'id="count"', 'id="comparison"', 'id="datasets"', 'class="downloads"'].map((marker) => html.indexOf(marker))
    expect(order.every((at) => at > 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    // Without the script, the table reads as is: its headers are text, the sort hint hidden.
    expect(table).not.toContain('<button')
    expect(html).toContain('<p class="sort-hint" hidden>')
    const without = structuredClone(real)
    delete without.comparison
    expect(markupOnly(render(without))).not.toContain('comparison-table')
  })

  it('offers minimum ratings from the schema, and the count of datasets', () => {
    const html = render(larger)
    expect(matches(html, /<select id="rating-filter">([\s\S]*?)<\/select>/g)[0]).toMatch(/value="".*\n.*value="2".*\n.*value="3".*\n.*value="4".*\n.*value="5"/)
    const total = larger.datasets.length
    expect(html).toContain(`<span lang="en" data-shown-in="en">${total} of ${total} datasets shown</span>`)
  })

  it('completes the page words for a language without a message table, marked, and takes overrides', () => {
    const dutch = {...real, languages: [...real.languages, {code: 'nl', flag: '🇳🇱', name: 'Nederlands'}]}
    const html = renderPage(dutch, {downloads: [], uiText: {nl: {search: 'Zoeken'}}}).get('index.html') ?? ''
    expect(html).toContain('<span lang="nl" data-shown-in="nl">Zoeken</span>')
    expect(html).toMatch(
      /<span lang="en" data-shown-in="en nl">Category <span class="untranslated" lang="en" data-shown-in="nl" title="Not translated yet; shown in English.">/
    )
    expect(html).toContain('html[data-ui-lang="nl"] [data-shown-in]:not([data-shown-in~="nl"])')
    // A language with a table (es) shows its own words, unmarked.
    const spanish = {...real, languages: [...real.languages, {code: 'es', flag: '🇪🇸', name: 'Español'}]}
    const spanishHtml = renderPage(spanish, {downloads: []}).get('index.html') ?? ''
    expect(spanishHtml).toContain(
      '<label for="category-filter"><span lang="en" data-shown-in="en">Category</span><span lang="pt" data-shown-in="pt">Categoria</span><span lang="es" data-shown-in="es">Categoría</span></label>'
    )
  })

  it('renders the same bytes for the same catalog', () => {
    expect(render(larger)).toBe(render(larger))
  })
})

describe('checkPage', () => {
  it('finds nothing in the real source', () => {
    expect(checkPage(real)).toEqual([])
    expect(checkPage(larger)).toEqual([])
  })

  it('points at raw HTML and unsafe links', () => {
    const findings = checkPage(injected)
    const at = (pointer: string): string[] => findings.filter((finding) => finding.pointer === pointer).map(({ruleId}) => ruleId)
    const mimic = injected.datasets.findIndex((dataset) => dataset.description.text.en?.includes('__pwned'))
    // One finding per text, however many tags it holds.
    expect(at(`/datasets/${mimic}/description/text/en`)).toEqual(['page-raw-html'])
    expect(findings.find((finding) => finding.pointer === `/datasets/${mimic}/description/text/en`)?.message).toMatch(/ \(and 2 more tags\) is shown as text/)
    expect(at(`/datasets/${mimic}/tasks/items/en/0`)).toEqual(['page-raw-html'])
    expect(at(`/datasets/${mimic}/facts/items/1/value/en`)).toEqual(['page-unsafe-link'])
    expect(findings.every((finding) => finding.severity === 'warning')).toBe(true)
    expect(findings.find((finding) => finding.ruleId === 'page-unsafe-link')?.message).toContain('javascript:window.__pwned=1')
  })
})
