// biome-ignore-all lint/performance/useDomNodeTextContent: innerText is the text a reader sees (it leaves out what is hidden), which is what these tests check
/**
 * End to end: the page in Debian's Chromium (never a downloaded browser),
 * served from 127.0.0.1 as a static host would, and opened from disk.
 * Skipped, saying why, when /usr/bin/chromium is missing outside CI; in CI
 * (`CI` set) a missing browser fails the suite.
 */

import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import type {Catalog, Dataset} from '@catalog/schema'
import {type Browser, chromium, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {inlineToText, renderPage} from '../src/index.js'
import {frozenCatalog} from '@catalog/test-support'
import {downloadsOf, exampleFiles, exampleJsonLd, loadCatalog, sources} from './support/catalogs.js'
import {type StaticServer, serveFolder} from './support/serve.js'

const chromiumPath = '/usr/bin/chromium'
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic'
]
const screenshotPath = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url))
const desktop = {width: 1280, height: 900}
const skipReason =
  !existsSync(chromiumPath) && !process.env.CI ? `${chromiumPath} is missing: install Debian's chromium (apt-get install chromium) to run it` : ''
if (skipReason) console.warn(`@catalog/page: the browser tests are skipped: ${skipReason}`)

interface Site {
  catalog: Catalog
  folder: string
  server: StaticServer
}

/** A dist-like folder: the page and the files it links to, as the CLI would write them. */
async function buildSite(catalog: Catalog, folder: string): Promise<Site> {
  const files = exampleFiles(catalog)
  for (const file of files) {
    await mkdir(path.dirname(path.join(folder, file.path)), {recursive: true})
    await writeFile(path.join(folder, file.path), file.content)
  }
  const page = renderPage(catalog, {downloads: downloadsOf(files), jsonLd: exampleJsonLd(catalog)})
  for (const [name, content] of page) await writeFile(path.join(folder, name), content)
  return {catalog, folder, server: await serveFolder(folder)}
}

/**
 * What a reader finds by searching in one language: the datasets where each
 * word is somewhere in what the card shows (name, title, category, description,
 * facts, tasks, lists, access entries and their links, citation key and fields)
 * or in the dataset's comparison row, ignoring case and accents.
 */
function expectedMatches(catalog: Catalog, term: string, code = 'en'): string[] {
  const fold = (text: string): string =>
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
  const primary = catalog.languages[0]?.code ?? 'en'
  const pick = <T>(values: Readonly<Record<string, T>> | undefined): T | undefined => values?.[code] ?? values?.[primary]
  const words = fold(term).split(/\s+/).filter(Boolean)
  return catalog.datasets
    .filter((dataset) => {
      const texts = [
        dataset.name,
        pick(dataset.title),
        pick(catalog.categories.find((category) => category.id === dataset.category)?.title),
        pick(dataset.description.text),
        ...dataset.facts.items.map((fact) => pick(fact.value)),
        ...(pick(dataset.tasks?.items) ?? []),
        ...dataset.lists.flatMap((list) => pick(list.items) ?? []),
        ...dataset.access.items.flatMap((item) => [pick(item.value), item.url]),
        dataset.citation?.key,
        ...Object.values(dataset.citation?.fields ?? {}),
        ...(catalog.comparison?.rows.filter((row) => row.dataset === dataset.id).flatMap((row) => pick(row.cells) ?? []) ?? [])
      ].flatMap((text) => (text === undefined ? [] : [fold(inlineToText(text))]))
      return words.every((word) => texts.some((text) => text.includes(word)))
    })
    .map(({id}) => id)
}

/**
 * The frozen catalog with the comparison's sizes written as exact numbers,
 * each in its language's digits (`224,316` in English, `224.316` in
 * Portuguese) or with a multiplier (`1.2M`, `1,2M`): sorted as text, or read
 * in the wrong language, they come out in another order.
 */
function withWrittenSizes(catalog: Catalog): Catalog {
  const written = structuredClone(catalog)
  const comparison = written.comparison
  const column = (comparison?.columns.en ?? []).indexOf('Size') - 1
  if (!comparison || column < 0) throw new Error('the frozen comparison table has a Size column')
  const sizes = [377_110, 224_316, 1_200_000, 33_000]
  for (const [index, row] of comparison.rows.entries()) {
    const size = sizes[index % sizes.length] ?? 0
    for (const code of Object.keys(row.cells)) {
      const cells = row.cells[code]
      if (!cells) continue
      cells[column] = size >= 1_000_000 ? `${new Intl.NumberFormat(code).format(size / 1_000_000)}M` : new Intl.NumberFormat(code).format(size)
    }
  }
  return written
}

// Generous per-test time for a busy two-core CI machine; the whole file takes a few seconds on a quiet one.
describe.skipIf(skipReason !== '')(`the page in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, {timeout: 20_000}, () => {
  let browser: Browser
  let page: Page
  let temporary: string
  let real: Site
  let injected: Site
  let numbers: Site
  // What the page logged as a problem (errors, warnings, CSP violations) and requested, since the last visit.
  const problems: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error(`CI is set and ${chromiumPath} is missing; .ci/run installs Debian's chromium`)
    temporary = await mkdtemp(path.join(tmpdir(), 'catalog-page-'))
    ;[browser, real, injected, numbers] = await Promise.all([
      chromium.launch({executablePath: chromiumPath, args: chromiumArgs, headless: true}),
      buildSite(frozenCatalog(), path.join(temporary, 'real')),
      buildSite(loadCatalog(sources.injected), path.join(temporary, 'injected')),
      buildSite(withWrittenSizes(frozenCatalog()), path.join(temporary, 'numbers'))
    ])
    // One page for every test: a renderer process costs seconds on a busy machine.
    const context = await browser.newContext({viewport: desktop, permissions: ['clipboard-read', 'clipboard-write']})
    page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning' || /Content.Security.Policy/i.test(message.text()))
        problems.push(`console: ${message.text()}`)
    })
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
    page.on('request', (request) => requests.push(request.url()))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI} ${event.sample}`)
      })
    })
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    await real?.server.close()
    await injected?.server.close()
    await numbers?.server.close()
    if (temporary) await rm(temporary, {recursive: true, force: true})
  })

  /** Go to a URL on a desktop screen, with a clean record of problems and requests. */
  async function visit(url: string): Promise<void> {
    await page.setViewportSize(desktop)
    await page.emulateMedia({media: 'screen'})
    problems.length = 0
    requests.length = 0
    await page.goto(url)
  }

  const visibleCards = (): Promise<string[]> =>
    page.$$eval('[data-dataset-id]', (cards) => cards.filter((card) => card.checkVisibility()).map((card) => card.getAttribute('data-dataset-id') ?? ''))
  /** The comparison table's rows shown, in the order shown. */
  const visibleRows = (): Promise<string[]> =>
    page.$$eval('.comparison-table tbody tr', (rows) => rows.filter((row) => row.checkVisibility()).map((row) => row.getAttribute('data-row-of') ?? ''))
  /** What each card shown says about where a search found its words, by dataset. */
  const matchedIn = (): Promise<Record<string, string>> =>
    page.$$eval('.matched-in', (notes) =>
      Object.fromEntries(
        notes
          .filter((note) => note.checkVisibility())
          .map((note) => [note.closest('[data-dataset-id]')?.getAttribute('data-dataset-id') ?? '', note.textContent ?? ''])
      )
    )

  it('shows one card per dataset, requesting nothing but the page', async () => {
    await visit(`${real.server.url}?lang=en`)
    const ids = real.catalog.datasets.map(({id}) => id)
    expect(await visibleCards()).toEqual(ids)
    const total = ids.length
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${total} of ${total} datasets shown`)
    expect(
      await page.locator('[data-lang]').evaluateAll((elements) => elements.map((element) => `${element.tagName}:${element.getAttribute('data-lang')}`))
    ).toEqual(real.catalog.languages.map(({code}) => `BUTTON:${code}`))
    expect(requests).toEqual([`${real.server.url}?lang=en`])
    expect(problems).toEqual([])
    // Tests write no tracked file: the README's screenshot is retaken only when asked (UPDATE_SCREENSHOT=1).
    if (process.env['UPDATE_SCREENSHOT']) await page.screenshot({path: screenshotPath})
  })

  it('filters as you type, by category and by minimum rating', async () => {
    await visit(`${real.server.url}?lang=en`)
    const {catalog} = real
    const total = catalog.datasets.length
    const search = page.getByLabel('Search')
    const first = catalog.datasets[0] as Dataset
    const task = first.tasks?.items.en?.[0] ?? first.name

    for (const [index, term] of [first.name.toLowerCase(), inlineToText(task).toUpperCase()].entries()) {
      await search.fill('')
      // Key by key once, as a reader types; pasted the second time.
      if (index === 0) await search.pressSequentially(term)
      else await search.fill(term)
      const expected = expectedMatches(catalog, term)
      expect(expected.length, `"${term}" matches some dataset`).toBeGreaterThan(0)
      expect(await visibleCards()).toEqual(expected)
      expect(await page.locator('#count').innerText()).toBe(`${expected.length} of ${total} datasets shown`)
    }
    await search.fill('no dataset has these words qzx')
    expect(await visibleCards()).toEqual([])
    expect(await page.locator('#no-match').isVisible()).toBe(true)
    expect(await page.locator('#comparison').isVisible()).toBe(false)
    await search.fill('')

    for (const category of catalog.categories) {
      await page.getByLabel('Category').selectOption(category.id)
      expect(await visibleCards()).toEqual(catalog.datasets.filter((dataset) => dataset.category === category.id).map(({id}) => id))
      expect(await visibleRows()).toEqual(
        catalog.comparison?.rows.map((row) => row.dataset).filter((id) => catalog.datasets.find((dataset) => dataset.id === id)?.category === category.id)
      )
      // A category's heading shows only while it has cards shown.
      expect(
        await page
          .locator('[data-group]')
          .evaluateAll((groups) => groups.filter((group) => group.checkVisibility()).map((group) => group.getAttribute('data-group')))
      ).toEqual([category.id])
    }
    await page.getByLabel('Category').selectOption('')
    const ratings = await page
      .locator('#rating-filter option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean))
    expect(ratings.length).toBeGreaterThan(0)
    for (const rating of ratings) {
      await page.getByLabel('Minimum rating').selectOption(rating)
      expect(await visibleCards()).toEqual(catalog.datasets.filter((dataset) => dataset.rating >= Number(rating)).map(({id}) => id))
      expect((await visibleRows()).sort()).toEqual(
        catalog.datasets
          .filter((dataset) => dataset.rating >= Number(rating))
          .map(({id}) => id)
          .sort()
      )
    }
    expect(problems).toEqual([])
  })

  it('finds every fact: an institution, a license word, an author, a citation key, whatever the case and accents', async () => {
    await visit(`${real.server.url}?lang=en`)
    const {catalog} = real
    const search = page.getByLabel('Search')
    // Each term names what it finds in the frozen catalog; the reading of the catalog above must agree.
    const searches: Array<[term: string, ids: string[]]> = [
      ['Stanford', ['chexpert']],
      ['MIT', ['mimic-cxr']],
      ['physionet', ['mimic-cxr']],
      ['CC BY-NC', ['isic']],
      ['Credentialed', ['mimic-cxr']],
      ['IRVIN', ['chexpert']],
      ['weinstein', ['tcga']],
      ['codella2019skin', ['isic']],
      ['NIH/NCI', ['tcga']]
    ]
    for (const [term, ids] of searches) {
      await search.fill(term)
      expect(await visibleCards(), term).toEqual(ids)
      expect(expectedMatches(catalog, term), term).toEqual(ids)
      expect(await visibleRows(), term).toEqual(ids)
    }

    // A word only the comparison row holds is said in the card, in the page's language, under the column's label.
    await search.fill('nih/nci')
    expect(await matchedIn()).toEqual({tcga: 'Matched in: Institution'})
    await search.fill('stanford')
    expect(await matchedIn(), 'a word the card shows needs no note').toEqual({})
    await page.locator('button[data-lang="pt"]').click()
    await page.getByLabel('Buscar').fill('NIH/NCI genomica')
    expect(await visibleCards()).toEqual(expectedMatches(catalog, 'NIH/NCI genomica', 'pt'))
    expect(await visibleCards()).toEqual(['tcga'])
    expect(await matchedIn()).toEqual({tcga: 'Encontrado em: Instituição'})
    // Accents typed or not: "genômica" and "genomica" find the same cards.
    await page.getByLabel('Buscar').fill('GENÔMICA')
    const accented = await visibleCards()
    await page.getByLabel('Buscar').fill('genomica')
    expect(await visibleCards()).toEqual(accented)
    expect(accented).toEqual(expectedMatches(catalog, 'genomica', 'pt'))
    expect(accented.length).toBeGreaterThan(0)
    await page.getByLabel('Buscar').fill('')
    expect(await matchedIn()).toEqual({})
    await page.locator('button[data-lang="en"]').click()
    expect(problems).toEqual([])
  })

  it('sorts the comparison table by any column, numbers as numbers in the language shown, by mouse and by keyboard', async () => {
    await visit(`${numbers.server.url}?lang=en`)
    const {catalog} = numbers
    const rowIds = catalog.comparison?.rows.map((row) => row.dataset) ?? []
    expect(await visibleRows()).toEqual(rowIds)
    const headers = page.locator('.comparison-table thead th')
    const header = (label: string) => headers.filter({has: page.getByRole('button', {name: label, exact: true})})
    const sortStates = (): Promise<Array<string | null>> => headers.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('aria-sort')))
    const columns = catalog.comparison?.columns.en ?? []
    expect(await headers.evaluateAll((cells) => cells.map((cell) => cell.querySelectorAll('button').length))).toEqual(columns.map(() => 1))
    expect(await sortStates()).toEqual(columns.map(() => null))

    // By size: 33,000 < 224,316 < 377,110 < 1.2M, which neither the text nor the first digits give.
    const bySize = ['isic', 'chexpert', 'mimic-cxr', 'tcga']
    await header('Size').getByRole('button').click()
    expect(await visibleRows()).toEqual(bySize)
    expect(await sortStates()).toEqual(columns.map((column) => (column === 'Size' ? 'ascending' : null)))
    await header('Size').getByRole('button').click()
    expect(await visibleRows()).toEqual([...bySize].reverse())
    expect(await header('Size').getAttribute('aria-sort')).toBe('descending')

    // In Portuguese the same sizes read 224.316 and 1,2M: the order stays, the sort too.
    await page.locator('button[data-lang="pt"]').click()
    expect(await headers.nth(columns.indexOf('Size')).innerText()).toContain('Tamanho')
    expect(await visibleRows()).toEqual([...bySize].reverse())
    await page.getByRole('button', {name: 'Tamanho', exact: true}).click()
    expect(await visibleRows()).toEqual(bySize)
    await page.locator('button[data-lang="en"]').click()

    // Keyboard only: Tab reaches the header's buttons; Enter and Space sort by the dataset's name.
    const byName = [...catalog.datasets].sort((a, b) => a.name.localeCompare(b.name, 'en', {sensitivity: 'base'})).map(({id}) => id)
    await page.getByLabel('Minimum rating').focus()
    const focused: string[] = []
    for (let step = 0; step < 4 && !focused.includes('BUTTON'); step++) {
      await page.keyboard.press('Tab')
      focused.push(await page.evaluate(() => document.activeElement?.tagName ?? ''))
    }
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.cellIndex)).toBe(0)
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid')
    await page.keyboard.press('Enter')
    expect(await visibleRows()).toEqual(byName)
    expect(await header('Dataset').getAttribute('aria-sort')).toBe('ascending')
    await page.keyboard.press('Space')
    expect(await visibleRows()).toEqual([...byName].reverse())
    expect(await header('Dataset').getAttribute('aria-sort')).toBe('descending')
    expect(await header('Size').getAttribute('aria-sort')).toBeNull()
    expect(await page.evaluate(() => document.activeElement?.closest('th')?.cellIndex)).toBe(0)

    // A text column sorts as text; sorted rows still filter with the cards.
    await header('Institution').getByRole('button').click()
    const institution = columns.indexOf('Institution') - 1
    const byInstitution = [...(catalog.comparison?.rows ?? [])]
      .sort((a, b) => (a.cells.en?.[institution] ?? '').localeCompare(b.cells.en?.[institution] ?? '', 'en', {sensitivity: 'base'}))
      .map((row) => row.dataset)
    expect(await visibleRows()).toEqual(byInstitution)
    const category = catalog.categories[0]?.id ?? ''
    await page.getByLabel('Category').selectOption(category)
    expect(await visibleRows()).toEqual(byInstitution.filter((id) => catalog.datasets.find((dataset) => dataset.id === id)?.category === category))

    // Each row links to its card.
    const [first] = await visibleRows()
    await page.locator(`tr[data-row-of="${first}"] a`).click()
    expect(new URL(page.url()).hash).toBe(`#${first}`)
    await expect.poll(() => page.locator(`[data-dataset-id="${first}"]`).evaluate((card) => card.getBoundingClientRect().top)).toBeLessThan(desktop.height)
    expect(problems).toEqual([])
  })

  it('reads on a 390 px screen: the table scrolls in its box, BibTeX lines wrap, the page never scrolls sideways', async () => {
    await visit(`${real.server.url}?lang=en`)
    for (const code of ['en', 'pt']) {
      await page.locator(`button[data-lang="${code}"]`).click()
      await page.setViewportSize({width: 390, height: 844})
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), code).toBe(true)
      const scroller = page.locator('.table-scroll')
      expect(await scroller.evaluate((box) => box.getBoundingClientRect().right <= window.innerWidth && box.scrollWidth > box.clientWidth), code).toBe(true)
      // The box scrolls from the keyboard: it takes focus, and the arrow keys move it.
      await scroller.focus()
      await page.keyboard.press('ArrowRight')
      await expect.poll(() => scroller.evaluate((box) => box.scrollLeft)).toBeGreaterThan(0)
      expect(await page.locator('.bibtex').evaluateAll((blocks) => blocks.filter((block) => block.scrollWidth > block.clientWidth).length)).toBe(0)
      await page.setViewportSize(desktop)
    }
    await page.locator('button[data-lang="en"]').click()
    expect(problems).toEqual([])
  })

  it('reads without the script: every card and the table in the primary language, no control that needs the script', async () => {
    const context = await browser.newContext({viewport: desktop, javaScriptEnabled: false})
    try {
      const bare = await context.newPage()
      await bare.goto(real.server.url)
      const ids = real.catalog.datasets.map(({id}) => id)
      expect(
        await bare.$$eval('[data-dataset-id]', (cards) => cards.filter((card) => card.checkVisibility()).map((card) => card.getAttribute('data-dataset-id')))
      ).toEqual(ids)
      expect(await bare.locator('.comparison-table thead th').allInnerTexts()).toEqual(real.catalog.comparison?.columns.en)
      expect(await bare.locator('.comparison-table tbody tr').count()).toBe(real.catalog.comparison?.rows.length)
      expect(await bare.locator('.comparison-table button').count()).toBe(0)
      for (const selector of ['.finder', '.language-switch', '.cite-actions', '.sort-hint']) {
        expect(
          await bare.locator(selector).evaluateAll((elements) => elements.length > 0 && elements.every((element) => !element.checkVisibility())),
          selector
        ).toBe(true)
      }
      expect(await bare.locator('.downloads').isVisible()).toBe(true)
    } finally {
      await context.close()
    }
  })

  it('switches every text to Portuguese, marks fallbacks, puts ?lang=pt in the URL and remembers it', async () => {
    await visit(`${real.server.url}?lang=en`)
    const {catalog} = real
    const dataset = catalog.datasets[0] as Dataset
    const description = page.locator(`[data-dataset-id="${dataset.id}"] .section-description p`)
    expect(await description.innerText()).toBe(inlineToText(dataset.description.text.en ?? ''))

    // Keyboard only: focus the button and press Enter.
    await page.locator('button[data-lang="pt"]').focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('pt')
    expect(await description.innerText()).toBe(inlineToText(dataset.description.text.pt ?? ''))
    expect(await page.locator('button[data-lang="pt"]').getAttribute('aria-pressed')).toBe('true')

    // Every localized element shows exactly when it is meant for the chosen language.
    const wrong = (code: string): Promise<string[]> =>
      page.evaluate((lang) => {
        const elements = [...document.querySelectorAll<HTMLElement>('[data-shown-in]')].filter((element) => element.closest('[hidden]') === null)
        return elements
          .filter((element) => element.checkVisibility() !== (element.dataset.shownIn ?? '').split(' ').includes(lang))
          .map((element) => element.outerHTML.slice(0, 80))
      }, code)
    expect(await wrong('pt')).toEqual([])
    const body = await page.locator('main').innerText()
    expect(body).toContain(inlineToText(dataset.facts.label.pt ?? ''))
    expect(body).not.toContain(inlineToText(dataset.facts.label.en ?? ''))
    expect(await page.getByLabel('Buscar').getAttribute('placeholder')).toBe('Qualquer palavra de um dataset, seus autores ou chave de citação')
    const category = catalog.categories[0]
    expect(await page.locator('#category-filter option').nth(1).innerText()).toBe(category?.title.pt)
    const total = catalog.datasets.length
    expect(await page.locator('#count').innerText()).toBe(`${total} de ${total} datasets exibidos`)

    // A list without a Portuguese translation shows in English, with a visible EN badge.
    const untranslated = catalog.datasets.some((candidate) => candidate.lists.some((list) => list.label.pt === undefined))
    const badges = page.locator('.untranslated')
    const visibleBadges = await badges.evaluateAll((elements) =>
      elements.filter((element) => element.checkVisibility()).map((element) => element.textContent?.trim().slice(0, 2))
    )
    if (untranslated) expect(visibleBadges.length).toBeGreaterThan(0)
    expect(new Set(visibleBadges)).toEqual(new Set(untranslated ? ['EN'] : []))
    // Each badge names the language in Portuguese, and the citation, whose label the catalog has only in English, reads "Citação" unmarked.
    const titles = await badges.evaluateAll((elements) =>
      elements.filter((element) => element.checkVisibility()).map((element) => element.getAttribute('title'))
    )
    expect(new Set(titles)).toEqual(new Set(untranslated ? ['Ainda não traduzido; exibido em inglês.'] : []))
    const cited = catalog.datasets.find((candidate) => candidate.citation)
    if (cited?.citation?.label.pt === undefined) expect(await page.locator(`[data-dataset-id="${cited?.id}"] .section-citation h4`).innerText()).toBe('Citação')

    // Reload: still Portuguese; a bare URL takes the remembered choice and shows it.
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt')
    await page.goto(real.server.url)
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt')
    expect(new URL(page.url()).searchParams.get('lang')).toBe('pt')
    expect(await description.innerText()).toBe(inlineToText(dataset.description.text.pt ?? ''))

    await page.locator('button[data-lang="en"]').click()
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en')
    expect(await wrong('en')).toEqual([])
    expect(await badges.evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).length)).toBe(0)
    expect(problems).toEqual([])
  })

  it('links downloads that resolve with the sizes it shows, and embeds JSON-LD that parses', async () => {
    await visit(`${real.server.url}?lang=en`)
    const links = await page.locator('a[data-download]').evaluateAll((anchors) =>
      anchors.map((anchor) => ({
        href: (anchor as HTMLAnchorElement).href,
        bytes: Number(anchor.parentElement?.querySelector('data.size')?.getAttribute('value'))
      }))
    )
    const files = exampleFiles(real.catalog)
    expect(links.map(({href}) => new URL(href).pathname.slice(1)).sort()).toEqual(files.map((file) => file.path).sort())
    // The whole catalog's files come after the results: the search box, the table and every card stand before them.
    const downloadsAfter = await page.evaluate(() => {
      const downloads = document.querySelector('.downloads')
      const before = [document.getElementById('search'), document.getElementById('comparison'), ...document.querySelectorAll('[data-dataset-id]')]
      return (
        downloads !== null &&
        before.every((element) => element !== null && (element.compareDocumentPosition(downloads) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0)
      )
    })
    expect(downloadsAfter).toBe(true)
    for (const {href, bytes} of links) {
      const response = await fetch(href)
      expect(response.status, href).toBe(200)
      expect((await response.arrayBuffer()).byteLength, href).toBe(bytes)
    }
    const jsonLd = await page.locator('script[type="application/ld+json"]').textContent()
    expect(JSON.parse(jsonLd ?? '')).toEqual(exampleJsonLd(real.catalog))
    expect(problems).toEqual([])
  })

  it('copies a citation, reads on a phone, keeps focus visible and prints without controls', async () => {
    await visit(`${real.server.url}?lang=en`)
    await page.setViewportSize({width: 360, height: 740})
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)

    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link')
    expect(await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid')

    const dataset = real.catalog.datasets.find((candidate) => candidate.citation) as Dataset
    await page.locator(`[data-dataset-id="${dataset.id}"] button[data-copy]`).click()
    await expect.poll(() => page.locator(`[data-dataset-id="${dataset.id}"] .copy-status`).innerText()).toBe('Copied to the clipboard.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(dataset.citation?.raw)

    await page.emulateMedia({media: 'print'})
    expect(await page.locator('.finder').isVisible()).toBe(false)
    expect(await page.locator('.language-switch').isVisible()).toBe(false)
    expect(await visibleCards()).toEqual(real.catalog.datasets.map(({id}) => id))
    expect(problems).toEqual([])
  })

  it('runs nothing from a source with injected markup, and shows it as text', async () => {
    await visit(`${injected.server.url}?lang=en`)
    const pwned = (): Promise<unknown> => page.evaluate(() => (window as unknown as {__pwned?: unknown}).__pwned)
    expect(await pwned()).toBeUndefined()
    expect(await page.locator('img, svg, iframe, object, embed').count()).toBe(0)
    expect(await page.evaluate(() => document.scripts.length)).toBe(3)
    const dataset = injected.catalog.datasets.find((candidate) => candidate.description.text.en?.includes('<script>')) as Dataset
    expect(await page.locator(`[data-dataset-id="${dataset.id}"] .section-description p`).innerText()).toContain(
      '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">'
    )
    // The JSON-LD holds the same text, </script> included, and still parses.
    expect(JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '')).toEqual(exampleJsonLd(injected.catalog))

    await page.locator('button[data-lang="pt"]').click()
    await page.getByLabel('Buscar').fill('script')
    expect((await visibleCards()).length).toBeGreaterThan(0)
    expect(await pwned()).toBeUndefined()
    expect(requests).toEqual([`${injected.server.url}?lang=en`])
    expect(problems).toEqual([])
  })

  it('works opened from disk', async () => {
    const file = pathToFileURL(path.join(real.folder, 'index.html')).href
    await visit(`${file}?lang=en`)
    expect(await visibleCards()).toEqual(real.catalog.datasets.map(({id}) => id))
    await page.locator('button[data-lang="pt"]').click()
    expect(new URL(page.url()).searchParams.get('lang')).toBe('pt')
    await page.reload()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('pt')
    expect(requests.every((url) => url.startsWith(file))).toBe(true)
    expect(problems).toEqual([])
  })
})
