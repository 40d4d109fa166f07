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
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic']
const screenshotPath = fileURLToPath(new URL('../docs/screenshot.png', import.meta.url))
const desktop = {width: 1280, height: 900}
const skipReason = !existsSync(chromiumPath) && !process.env.CI ? `${chromiumPath} is missing: install Debian's chromium (apt-get install chromium) to run it` : ''
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

/** What a reader finds by searching: the folded name, title, description, tasks and lists of one language. */
function expectedMatches(catalog: Catalog, term: string, code = 'en'): string[] {
  const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
  const primary = catalog.languages[0]?.code ?? 'en'
  const pick = <T>(values: Readonly<Record<string, T>>): T | undefined => values[code] ?? values[primary]
  return catalog.datasets
    .filter((dataset) => {
      const texts = [dataset.name, pick(dataset.title), pick(dataset.description.text), ...(dataset.tasks ? (pick(dataset.tasks.items) ?? []) : []), ...dataset.lists.flatMap((list) => pick(list.items) ?? [])]
      return texts.some((text) => text !== undefined && fold(inlineToText(text)).includes(fold(term)))
    })
    .map(({id}) => id)
}

// Generous per-test time for a busy two-core CI machine; the whole file takes a few seconds on a quiet one.
describe.skipIf(skipReason !== '')(`the page in Chromium${skipReason ? ` (skipped: ${skipReason})` : ''}`, {timeout: 20_000}, () => {
  let browser: Browser
  let page: Page
  let temporary: string
  let real: Site
  let injected: Site
  // What the page logged as a problem (errors, warnings, CSP violations) and requested, since the last visit.
  const problems: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    if (!existsSync(chromiumPath)) throw new Error(`CI is set and ${chromiumPath} is missing; .ci/run installs Debian's chromium`)
    temporary = await mkdtemp(path.join(tmpdir(), 'catalog-page-'))
    ;[browser, real, injected] = await Promise.all([
      chromium.launch({executablePath: chromiumPath, args: chromiumArgs, headless: true}),
      buildSite(frozenCatalog(), path.join(temporary, 'real')),
      buildSite(loadCatalog(sources.injected), path.join(temporary, 'injected'))
    ])
    // One page for every test: a renderer process costs seconds on a busy machine.
    const context = await browser.newContext({viewport: desktop, permissions: ['clipboard-read', 'clipboard-write']})
    page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`)
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

  it('shows one card per dataset, requesting nothing but the page', async () => {
    await visit(`${real.server.url}?lang=en`)
    const ids = real.catalog.datasets.map(({id}) => id)
    expect(await visibleCards()).toEqual(ids)
    const total = ids.length
    await expect.poll(() => page.locator('#count').innerText()).toBe(`${total} of ${total} datasets shown`)
    expect(await page.locator('[data-lang]').evaluateAll((elements) => elements.map((element) => `${element.tagName}:${element.getAttribute('data-lang')}`))).toEqual(
      real.catalog.languages.map(({code}) => `BUTTON:${code}`)
    )
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
    await search.fill('')

    for (const category of catalog.categories) {
      await page.getByLabel('Category').selectOption(category.id)
      expect(await visibleCards()).toEqual(catalog.datasets.filter((dataset) => dataset.category === category.id).map(({id}) => id))
      // A category's heading shows only while it has cards shown.
      expect(await page.locator('[data-group]').evaluateAll((groups) => groups.filter((group) => group.checkVisibility()).map((group) => group.getAttribute('data-group')))).toEqual([category.id])
    }
    await page.getByLabel('Category').selectOption('')
    const ratings = await page.locator('#rating-filter option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean))
    expect(ratings.length).toBeGreaterThan(0)
    for (const rating of ratings) {
      await page.getByLabel('Minimum rating').selectOption(rating)
      expect(await visibleCards()).toEqual(catalog.datasets.filter((dataset) => dataset.rating >= Number(rating)).map(({id}) => id))
    }
    expect(problems).toEqual([])
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
        return elements.filter((element) => element.checkVisibility() !== (element.dataset.shownIn ?? '').split(' ').includes(lang)).map((element) => element.outerHTML.slice(0, 80))
      }, code)
    expect(await wrong('pt')).toEqual([])
    const body = await page.locator('main').innerText()
    expect(body).toContain(inlineToText(dataset.facts.label.pt ?? ''))
    expect(body).not.toContain(inlineToText(dataset.facts.label.en ?? ''))
    expect(await page.getByLabel('Buscar').getAttribute('placeholder')).toBe('Nome, descrição, tarefa ou item de lista')
    const category = catalog.categories[0]
    expect(await page.locator('#category-filter option').nth(1).innerText()).toBe(category?.title.pt)
    const total = catalog.datasets.length
    expect(await page.locator('#count').innerText()).toBe(`${total} de ${total} datasets exibidos`)

    // A list without a Portuguese translation shows in English, with a visible EN badge.
    const untranslated = catalog.datasets.some((candidate) => candidate.lists.some((list) => list.label.pt === undefined))
    const badges = page.locator('.untranslated')
    const visibleBadges = await badges.evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).map((element) => element.textContent?.trim().slice(0, 2)))
    if (untranslated) expect(visibleBadges.length).toBeGreaterThan(0)
    expect(new Set(visibleBadges)).toEqual(new Set(untranslated ? ['EN'] : []))
    // Each badge names the language in Portuguese, and the citation, whose label the catalog has only in English, reads "Citação" unmarked.
    const titles = await badges.evaluateAll((elements) => elements.filter((element) => element.checkVisibility()).map((element) => element.getAttribute('title')))
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
      anchors.map((anchor) => ({href: (anchor as HTMLAnchorElement).href, bytes: Number(anchor.parentElement?.querySelector('data.size')?.getAttribute('value'))}))
    )
    const files = exampleFiles(real.catalog)
    expect(links.map(({href}) => new URL(href).pathname.slice(1))).toEqual(files.map((file) => file.path))
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
    expect(await page.locator(`[data-dataset-id="${dataset.id}"] .section-description p`).innerText()).toContain('<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1">')
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
