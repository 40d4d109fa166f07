/**
 * Inputs that once crashed the tool, got through when they should not, or
 * were refused when they should not (issue 12): each is refused once, at its
 * line, or read as it should be.
 */
import {describe, expect, it} from 'vitest'
import {parseIncrementally, parseSection} from '../src/index.js'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {citationKey, parseCitation, parseCitationCached} from '../src/lib/bibtex.js'
import {remarkCatalog} from '../src/lib/plugin.js'
import {fitsRecord} from '../src/lib/records.js'
import {fitsText} from '../src/lib/sections.js'
import {readSectionRecord} from '../src/lib/structure.js'
import {frozenVocabulary} from '@catalog/test-support'
import {lineOf, messagesOf, parse, readFrozenSource, replaceOnce} from './helpers.js'

const source = readFrozenSource()
const errors = (input: string | Uint8Array): string[] => messagesOf(input).filter((message) => message.includes(' error '))

describe('text the catalog refuses', () => {
  it('refuses control characters at the first one, naming it and counting the rest', () => {
    const input = replaceOnce(source, '### ⭐⭐⭐⭐ CHEXPERT - Stanford', '### ⭐⭐⭐⭐ CHEX\u001b]0;pwned\u0007\u001b[2JPERT - Stanford')
    const {catalog, file} = parse(input, 'x.md')
    expect(catalog).toBeUndefined()
    expect(file.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.reason}`)).toEqual([
      `${lineOf(input, 'CHEX\u001b')}:14 control-character a control character (U+001B) stands here, the first of 3; text holds no control characters but tabs and line breaks: remove it`
    ])
  })

  it('keeps tabs, and reads a U+FFFD written in the text as the character it is', () => {
    const input = replaceOnce(source, 'free-text radiology reports.', 'free-text radiology reports\t(\uFFFD).')
    expect(errors(input)).toEqual([])
    expect(parse(input, 'x.md').catalog?.datasets[0]?.description.text['en']).toContain('reports\t(\uFFFD).')
    expect(errors(Buffer.from(input, 'utf8'))).toEqual([])
    // A broken byte is still found, at its own place.
    const broken = Buffer.concat([Buffer.from('# T\n\nab'), Buffer.from([0xc3, 0x28])])
    expect(messagesOf(broken)).toEqual(['3:3 error invalid-utf8'])
  })

  it('refuses a name that makes no id once, at the name', () => {
    const input = replaceOnce(source, '### ⭐⭐⭐⭐ CHEXPERT - Stanford', '### ⭐⭐⭐⭐ Набор - Stanford')
    const {file} = parse(input, 'x.md')
    const heading = lineOf(input, 'Набор - Stanford')
    expect(file.messages.filter((m) => m.line === heading && m.fatal).map((m) => m.ruleId)).toContain('empty-id')
    expect(file.messages.map((m) => m.ruleId)).not.toContain('schema')
    expect(file.messages.map((m) => m.ruleId)).not.toContain('duplicate-dataset')
  })

  it('refuses a year range that runs backwards, at its fact', () => {
    const input = replaceOnce(source, '- **Time Period:** 2011-2016', '- **Time Period:** 2016-2011')
    expect(errors(input)).toEqual([`${lineOf(input, '2016-2011')}:1 error reversed-year-range`])
  })
})

describe('citations', () => {
  const mimicEntry = '@article{johnson2019mimic,'
  it.each([
    ['@constructor', '@constructor{johnson2019mimic,', 'bibtex-entry-type'],
    ['@__proto__', '@__proto__{johnson2019mimic,', 'bibtex-entry-type'],
    ['a key of 252 characters', `@article{${'k'.repeat(252)},`, 'unsafe-citation-key'],
    ['a key with a colon', '@article{DBLP:johnson2019,', 'unsafe-citation-key'],
    ['a key that is a Windows device', '@article{con,', 'unsafe-citation-key'],
    ['a key that starts with a hyphen', '@article{-johnson,', 'unsafe-citation-key']
  ])('refuses %s once, at the entry', (_, entry, rule) => {
    const input = replaceOnce(source, mimicEntry, entry)
    expect(errors(input)).toEqual([`${lineOf(input, entry)}:1 error ${rule}`])
  })

  it.each([
    ['url', 'url={javascript:alert(1)}'],
    ['url', 'url={http://physionet.org/}'],
    ['doi', 'doi={javascript:alert(1)}'],
    ['eprint', 'eprint={data:text/html,x}'],
    ['howpublished', 'howpublished={\\url{javascript:alert(1)}}'],
    // As strict as the schema is with access links: written out, nothing a URI cannot hold.
    ['url', 'url={https:evil}'],
    ['url', 'url={https://ok.org/a b}'],
    ['url', 'url={ https://ok.org}']
  ])('checks the %s of a citation like an access link, at its line', (field, line) => {
    const input = replaceOnce(
      source,
      '  year={2019}\n}\n```\n\n---\n\n### ⭐⭐⭐⭐ CHEXPERT',
      `  year={2019},\n  ${line}\n}\n\`\`\`\n\n---\n\n### ⭐⭐⭐⭐ CHEXPERT`
    )
    const {file} = parse(input, 'x.md')
    expect(file.messages.filter((m) => m.fatal).map((m) => `${m.line} ${m.ruleId} ${m.reason.split(' holds')[0]}`)).toEqual([
      `${lineOf(input, line)} url-not-https the citation's \`${field}\``
    ])
  })

  it('refuses braces nested past any need at their line, before the BibTeX parser recurses into them', () => {
    const line = `  note={${'{'.repeat(2000)}x${'}'.repeat(2000)}},`
    const input = replaceOnce(
      source,
      '  year={2019}\n}\n```\n\n---\n\n### ⭐⭐⭐⭐ CHEXPERT',
      `${line}\n  year={2019}\n}\n\`\`\`\n\n---\n\n### ⭐⭐⭐⭐ CHEXPERT`
    )
    expect(errors(input)).toEqual([`${lineOf(input, line)}:39 error bibtex-syntax`])
  })

  it('lets https links, bare DOIs and arXiv identifiers be', () => {
    const input = replaceOnce(
      source,
      '  year={2019}\n}\n```\n\n---\n\n### ⭐⭐⭐⭐ CHEXPERT',
      '  year={2019},\n  url={https://physionet.org/},\n  doi={10.1038/s41597-019-0322-0},\n  eprint={arXiv:1901.07042}\n}\n```\n\n---\n\n### ⭐⭐⭐⭐ CHEXPERT'
    )
    expect(errors(input)).toEqual([])
  })
})

type Json = Record<string, unknown>
function withSections(read: Json, change: (sections: Json[]) => Json[]): Json {
  const outline = read['outline'] as Json
  return {...read, outline: {...outline, sections: change(outline['sections'] as Json[])}}
}
function withSection(read: Json, label: string, change: (section: Json) => Json): Json {
  return withSections(read, (sections) => sections.map((section) => (section['label'] === label ? change(section) : section)))
}
function dropFirst(section: Json, names: string[]): Json {
  return {...section, ...Object.fromEntries(names.map((name) => [name, (section[name] as unknown[]).slice(1)]))}
}
function swapValues(json: string, a: string, b: string): string {
  return json.replace(`"value":"${a}"`, '\u0000').replace(`"value":"${b}"`, `"value":"${a}"`).replace('\u0000', `"value":"${b}"`)
}

describe('reference definitions', () => {
  it('are refused wherever they stand, the overview too: a dataset could not say where its `[text]` links', () => {
    const input = replaceOnce(source, '### Overview\n\n', '### Overview\n\n[free-text]: http://evil.example/\n\n').replace(
      'paired with free-text radiology reports',
      'paired with [free-text] radiology reports'
    )
    expect(errors(input)).toEqual([`${lineOf(input, '[free-text]: http')}:1 error unexpected-content`])
    const footnote = replaceOnce(source, '### Overview\n\n', '### Overview\n\n[^1]: a note\n\n')
    expect(errors(footnote)).toEqual([`${lineOf(footnote, '[^1]: a note')}:1 error unexpected-content`])
  })
})

describe('a cache that cannot lie', () => {
  const section = '## 📊 Large-Scale Chest X-Ray Datasets\n\n**Description:** 65,379 unique patients\n\n- **Size:** 1\n'
  const nodes = (): unknown[] => JSON.parse(JSON.stringify(parseSection(section))) as unknown[]

  it('takes a tree that fits its text', () => {
    expect(fitsText(nodes(), section)).toBe(true)
    for (const text of [source, '', '   \n', '# T\n\n```\nx\n']) expect(fitsText(JSON.parse(JSON.stringify(parseSection(text))) as unknown[], text)).toBe(true)
  })

  it.each([
    ['an empty tree for a section with text', () => []],
    ['an entry that is no tree', () => [{}]],
    [
      'offsets shifted by a few characters',
      () => JSON.parse(JSON.stringify(nodes()).replace(/"offset":(\d+)/g, (_, offset: string) => `"offset":${Number(offset) + 3}`)) as unknown[]
    ],
    ['a node left out', () => nodes().slice(1)],
    ['a heading whose words were changed', () => JSON.parse(JSON.stringify(nodes()).replace('Large-Scale', 'Small-Scale')) as unknown[]],
    ['children that are no array', () => nodes().map((node) => ({...(node as object), children: 'x'}))],
    [
      'a node past the end of the text',
      () => [...nodes(), {type: 'paragraph', position: {start: {line: 9, column: 1, offset: 900}, end: {line: 9, column: 2, offset: 901}}}]
    ]
  ])('refuses %s', (_, tampered) => {
    expect(fitsText(tampered(), section)).toBe(false)
  })

  const datasetSection = replaceOnce(
    source.slice(source.indexOf('### ⭐⭐⭐⭐ CHEXPERT - Stanford'), source.indexOf('## 🧬')),
    '**Description:**',
    '<!-- catalog-disable undeclared-label -->\n\n**Description:**'
  )
  const record = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(readSectionRecord(parseSection(datasetSection), datasetSection))) as Record<string, unknown>

  it('keeps a dataset section as its record, which fits its text', () => {
    const read = record()
    expect((read['outline'] as {name: string}).name).toBe('CHEXPERT')
    expect(read['comments']).toHaveLength(1)
    expect(fitsRecord(read, datasetSection)).toBe(true)
    // Sections that are no single dataset stay trees.
    expect(readSectionRecord(parseSection('## 📊 Category\n\n'), '## 📊 Category\n\n')).toBeUndefined()
    const withSubheading = `${datasetSection}#### More\n\ntext\n`
    expect(readSectionRecord(parseSection(withSubheading), withSubheading)).toBeUndefined()
  })

  it.each([
    ['an entry that is no record', () => ({})],
    ['a name the section does not hold', () => JSON.parse(JSON.stringify(record()).replace('"name":"CHEXPERT"', '"name":"CHEXPERTS"'))],
    [
      'offsets shifted by a few characters',
      () => JSON.parse(JSON.stringify(record()).replace(/"offset":(\d+)/g, (_, offset: string) => `"offset":${Number(offset) + 3}`))
    ],
    ['a section of no known shape', () => JSON.parse(JSON.stringify(record()).replace('"shape":"text"', '"shape":"table"'))],
    ['messages that are no list', () => ({...record(), messages: {}})],
    ['a comment that is no HTML', () => JSON.parse(JSON.stringify(record()).replace('"type":"html"', '"type":"text"'))],
    ['sections that are no list', () => ({...record(), outline: {...(record()['outline'] as object), sections: 'x'}})],
    ['a record of no kind', () => ({...record(), kind: 'list'})],
    // Well-formed records that say otherwise than the text, each at places that exist.
    ['two values swapped', () => JSON.parse(swapValues(JSON.stringify(record()), 'Stanford University', 'Active leaderboard for benchmarking'))],
    ['a key fact dropped', () => withSection(record(), 'Key Features', (section) => ({...section, pairs: (section['pairs'] as unknown[]).slice(1)}))],
    ['a bullet dropped', () => withSection(record(), 'Tasks', (section) => dropFirst(section, ['items', 'itemNodes']))],
    ['a whole section dropped', () => withSections(record(), (sections) => sections.filter((section) => section['label'] !== 'Tasks'))],
    ['other stars', () => ({...record(), outline: {...(record()['outline'] as object), stars: 5}})]
  ])('refuses as a record %s', (_, tampered) => {
    expect(fitsRecord(tampered(), datasetSection)).toBe(false)
  })

  it('keeps every dataset section of the frozen source as a record that fits it, in both halves', () => {
    const starts = [...source.matchAll(/^### ⭐/gmu)].map((match) => match.index ?? 0)
    expect(starts.length).toBeGreaterThan(4)
    for (const start of starts) {
      const next = source.slice(start + 4).search(/^#{2,3} /m)
      const text = next === -1 ? source.slice(start) : source.slice(start, start + 4 + next)
      const read = JSON.parse(JSON.stringify(readSectionRecord(parseSection(text), text))) as unknown
      expect(fitsRecord(read, text), text.slice(0, 40)).toBe(true)
    }
  })

  it('reads from records what it reads from the nodes, wherever a dataset stands', () => {
    const inputs = [
      source,
      // A record that cannot serve where it stands: under a refused half, after a refused heading, in the comparison, before any category.
      replaceOnce(source, '## 🇧🇷 Português', '## 🇽🇽 Klingonês'),
      replaceOnce(source, '## 📊 Large-Scale Chest X-Ray Datasets', '## Large-Scale Chest X-Ray Datasets'),
      replaceOnce(source, '### ⭐⭐⭐⭐ CHEXPERT - Stanford', '### CHEXPERT - Stanford'),
      source.replace('## 📋 Dataset Comparison\n', `## 📋 Dataset Comparison\n\n${datasetSection}`),
      replaceOnce(source, '## 🇬🇧 English\n', `## 🇬🇧 English\n\n${datasetSection}`),
      replaceOnce(source, '**Description:** ISIC is', '<div>raw</div>\n\n**Description:** ISIC is'),
      // A table right under a language's heading or the resources' heading: no comparison, read as nodes.
      replaceOnce(source, '## 🇧🇷 Português\n', `## 🇧🇷 Português\n\n| A | B |\n|---|---|\n| x | y |\n`),
      source.replace('## Related Resources\n', '## Related Resources\n\n| A | B |\n|---|---|\n| x | y |\n\n'),
      // Two comparison tables in one half.
      replaceOnce(source, '## 🇧🇷 Português', `${source.slice(source.indexOf('## 📋 Dataset Comparison'), source.indexOf('## 🇧🇷'))}## 🇧🇷 Português`)
    ]
    for (const input of inputs) {
      const fromRecords = parse(input, 'x.md')
      const file = new VFile({path: 'x.md', value: input})
      unified().use(remarkCatalog, {vocabulary: frozenVocabulary()}).runSync(parseIncrementally(input, undefined), file)
      expect(fromRecords.file.messages.map(String)).toEqual(file.messages.map(String))
      expect(fromRecords.file.data.catalog).toEqual(file.data.catalog)
      expect(fromRecords.file.data.pointers).toEqual(file.data.pointers)
    }
  })

  it('parses a citation afresh when its cached entry drops a field the block sets', () => {
    const block = '@misc{x,\n  title={A},\n  year={2019},\n  url={https://example.org/}\n}'
    const fresh = parseCitation(block)
    const store = new Map<string, unknown>()
    const cache = {get: (key: string) => store.get(key), set: (key: string, value: unknown) => void store.set(key, value)}
    const key = citationKey(block)
    const entry = fresh.entry as {fields: Record<string, string>}
    store.set(key, {key, parse: {...fresh, entry: {...entry, fields: {title: 'A', year: '2019'}}}})
    expect(parseCitationCached(block, cache)).toEqual(fresh)
  })

  const tableSection = source.slice(source.indexOf('## 📋 Dataset Comparison'), source.indexOf('## 🇧🇷'))
  const tableRecord = (): Record<string, unknown> =>
    JSON.parse(JSON.stringify(readSectionRecord(parseSection(tableSection), tableSection))) as Record<string, unknown>

  it('keeps the comparison section as its record: the heading and the table read as rows', () => {
    const read = tableRecord() as {kind: string; table: {columns: string[]; rows: Array<{name: string}>}}
    expect(read.kind).toBe('table')
    expect(read.table.columns[0]).toBe('Dataset')
    expect(read.table.rows.map((row) => row.name)).toEqual(['MIMIC-CXR', 'CHEXPERT', 'TCGA', 'ISIC'])
    expect(fitsRecord(read, tableSection)).toBe(true)
    for (const tampered of [
      JSON.parse(JSON.stringify(read).replace('"name":"TCGA"', '"name":"TCGX"')),
      JSON.parse(JSON.stringify(read).replace('"type":"tableRow"', '"type":"paragraph"')),
      {...read, heading: {type: 'heading', children: 'x'}},
      {...read, table: {...read.table, rows: {}}}
    ]) {
      expect(fitsRecord(tampered, tableSection)).toBe(false)
    }
  })

  it('parses afresh what a cache serves under another key, or that does not fit, and gives the catalog a fresh parse gives', () => {
    const store = new Map<string, unknown>()
    const cache = {get: (key: string) => structuredClone(store.get(key)), set: (key: string, value: unknown) => void store.set(key, structuredClone(value))}
    const fresh = parse(source, 'x.md')
    parse(source, 'x.md', {cache})
    const entries = [...store.keys()]
    // Swap every section's entry with another's, empty every citation's: each must be caught.
    const values = entries.map((key) => store.get(key))
    entries.forEach((key, index) => {
      store.set(key, key.startsWith('citation:') ? {} : values[(index + 1) % values.length])
    })
    const served = parse(source, 'x.md', {cache})
    expect(served.catalog).toEqual(fresh.catalog)
    expect(served.file.messages.map(String)).toEqual(fresh.file.messages.map(String))
    // An entry of the right key but tampered positions too, whether it holds a tree or a dataset's record.
    parse(source, 'x.md', {cache})
    const sections = entries.filter((name) => name.startsWith('section:'))
    expect(sections.filter((key) => 'record' in (store.get(key) as object)).length).toBeGreaterThan(0)
    for (const key of sections) {
      store.set(key, JSON.parse(JSON.stringify(store.get(key)).replace(/"offset":(\d+)/g, (_, offset: string) => `"offset":${Number(offset) + 1}`)))
    }
    const tampered = parse(source, 'x.md', {cache})
    expect(tampered.catalog).toEqual(fresh.catalog)
    expect(tampered.file.messages.map(String)).toEqual(fresh.file.messages.map(String))
  })

  it('parses incrementally a source whose sections are all served from the cache into the same tree', () => {
    const store = new Map<string, unknown>()
    const cache = {get: (key: string) => structuredClone(store.get(key)), set: (key: string, value: unknown) => void store.set(key, structuredClone(value))}
    const cold = parseIncrementally(source, cache)
    expect(parseIncrementally(source, cache)).toEqual(cold)
  })
})
