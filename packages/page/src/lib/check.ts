/**
 * What the page shows differently from what the source seems to ask: raw
 * HTML is shown as the characters written, and a link to anything but https
 * is shown as its text. Both are safe; the author may want to know.
 */

import type {Catalog, Finding} from '@catalog/schema'
import {parseInline, walkInline} from './inline.js'

/** Rule ids, as listed in the README. */
export const pageRules = {rawHtml: 'page-raw-html', unsafeLink: 'page-unsafe-link'} as const

/** Findings for every catalog text the page renders as inline markup. */
export function checkPage(catalog: Catalog): Finding[] {
  const findings: Finding[] = []
  for (const {pointer, text} of pageTexts(catalog)) {
    // A text's raw HTML is one finding, however many tags (`<b>` and `</b>` are one slip): the first is named.
    const html = [...walkInline(parseInline(text))].filter((node) => node.type === 'html')
    const [first] = html
    if (first) {
      const more = html.length > 1 ? ` (and ${html.length - 1} more ${html.length === 2 ? 'tag' : 'tags'})` : ''
      findings.push({
        pointer,
        severity: 'warning',
        ruleId: pageRules.rawHtml,
        message: `raw HTML \`${abbreviate(first.value)}\`${more} is shown as text on the page; write the text without HTML`
      })
    }
    for (const node of walkInline(parseInline(text))) {
      if (node.type === 'unsafe-link') {
        findings.push({
          pointer,
          severity: 'warning',
          ruleId: pageRules.unsafeLink,
          message: `the link to \`${abbreviate(node.url)}\` is not an https URL; the page shows its text without a link`
        })
      }
    }
  }
  return findings
}

type Values = Readonly<Record<string, string | readonly string[] | undefined>>

/** Every text the page renders as markup, with its JSON pointer. */
export function* pageTexts(catalog: Catalog): Generator<{pointer: string; text: string}> {
  function* localized(pointer: string, values: Values): Generator<{pointer: string; text: string}> {
    for (const [code, value] of Object.entries(values)) {
      if (typeof value === 'string') yield {pointer: `${pointer}/${code}`, text: value}
      else if (value) for (const [index, item] of value.entries()) yield {pointer: `${pointer}/${code}/${index}`, text: item}
    }
  }
  yield {pointer: '/title', text: catalog.title}
  if (catalog.overview) {
    yield* localized('/overview/heading', catalog.overview.heading)
    yield* localized('/overview/text', catalog.overview.text)
  }
  for (const [index, category] of catalog.categories.entries()) yield* localized(`/categories/${index}/title`, category.title)
  for (const [index, dataset] of catalog.datasets.entries()) {
    const at = `/datasets/${index}`
    yield* localized(`${at}/title`, dataset.title)
    yield* localized(`${at}/description/label`, dataset.description.label)
    yield* localized(`${at}/description/text`, dataset.description.text)
    yield* localized(`${at}/facts/label`, dataset.facts.label)
    for (const [item, fact] of dataset.facts.items.entries()) {
      yield* localized(`${at}/facts/items/${item}/label`, fact.label)
      yield* localized(`${at}/facts/items/${item}/value`, fact.value)
    }
    if (dataset.tasks) {
      yield* localized(`${at}/tasks/label`, dataset.tasks.label)
      yield* localized(`${at}/tasks/items`, dataset.tasks.items)
    }
    for (const [list, titled] of dataset.lists.entries()) {
      yield* localized(`${at}/lists/${list}/label`, titled.label)
      yield* localized(`${at}/lists/${list}/items`, titled.items)
    }
    yield* localized(`${at}/access/label`, dataset.access.label)
    for (const [item, entry] of dataset.access.items.entries()) {
      yield* localized(`${at}/access/items/${item}/label`, entry.label)
      yield* localized(`${at}/access/items/${item}/value`, entry.value)
    }
    if (dataset.citation) yield* localized(`${at}/citation/label`, dataset.citation.label)
  }
  if (catalog.resources) {
    for (const [index, item] of catalog.resources.items.entries()) yield {pointer: `/resources/items/${index}/text`, text: item.text}
  }
}

function abbreviate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/`/g, "'")
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat
}
