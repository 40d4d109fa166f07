/**
 * The rule table of the README is written from the rule registry, and the
 * limits table of docs/rules.md from the parser's default limits, each between
 * its marker comments. `UPDATE_FIXTURES=1 npx vitest run test/readme.test.ts`
 * rewrites them; otherwise a stale table fails here.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {rules} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {limitTable, ruleTable} from '../src/lib/rule-table.js'
import {repoRoot} from './helpers.js'

interface Generated {
  /** The file, from the repository's root. */
  file: string
  /** The name in its markers: `<!-- NAME:start -->` and `<!-- NAME:end -->`. */
  name: string
  /** The `## ` section the table stands in. */
  section: string
  write: () => string
}

const generated: readonly Generated[] = [
  {file: 'README.md', name: 'rules', section: '## Rules', write: ruleTable},
  {file: 'docs/rules.md', name: 'limits', section: '## Limits', write: limitTable}
]

const read = (file: string): string => readFileSync(path.join(repoRoot, file), 'utf8')
const count = (text: string, part: string): number => text.split(part).length - 1

describe.each(generated)('$file', ({file, name, section, write}) => {
  const start = `<!-- ${name}:start -->\n`
  const end = `<!-- ${name}:end -->`

  it(`holds the ${name} table, as the code writes it`, () => {
    const text = read(file)
    expect([count(text, start), count(text, end)], `one pair of ${name} markers`).toEqual([1, 1])
    const from = text.indexOf(start) + start.length
    const to = text.indexOf(end)
    expect(from).toBeLessThanOrEqual(to)
    const expected = write()
    if (process.env['UPDATE_FIXTURES'] && text.slice(from, to) !== expected)
      writeFileSync(path.join(repoRoot, file), text.slice(0, from) + expected + text.slice(to))
    else expect(text.slice(from, to), `${file} is stale: UPDATE_FIXTURES=1 npx vitest run test/readme.test.ts in packages/cli`).toBe(expected)
  })

  it(`holds it in its ${section} section`, () => {
    const text = read(file)
    const headings = text.slice(0, text.indexOf(start)).match(/^## .*$/gm) ?? []
    expect(headings.at(-1)).toBe(section)
  })
})

describe('the rule table', () => {
  it('lists every rule once, in the README', () => {
    const readme = read('README.md')
    for (const id of Object.keys(rules)) expect(count(readme, `| \`${id}\` |`), id).toBe(1)
  })

  it('is written once: docs/rules.md points to it rather than repeat it', () => {
    const docs = read('docs/rules.md')
    expect(docs).not.toContain('<!-- rules:start -->')
    expect(Object.keys(rules).filter((id) => docs.includes(`| \`${id}\` |`))).toEqual([])
    expect(docs).toContain('](../README.md#rules)')
    expect(read('README.md')).toContain('](docs/rules.md)')
  })
})
