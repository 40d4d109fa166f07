/**
 * The rule and limit tables of docs/rules.md are written from the rule
 * registry and the parser's limits. `UPDATE_FIXTURES=1` rewrites them; otherwise a stale
 * table fails here.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {rules} from '@catalog/schema'
import {describe, expect, it} from 'vitest'
import {ruleTables} from '../src/lib/rule-table.js'
import {repoRoot} from './helpers.js'

const readmePath = path.join(repoRoot, 'docs/rules.md')
const start = '<!-- rules:start -->\n'
const end = '<!-- rules:end -->'

describe('docs/rules.md', () => {
  it('holds the rule and limit tables the registry writes', () => {
    const readme = readFileSync(readmePath, 'utf8')
    const from = readme.indexOf(start) + start.length
    const to = readme.indexOf(end)
    expect(from).toBeGreaterThan(start.length - 1)
    const expected = ruleTables()
    if (process.env['UPDATE_FIXTURES'] && readme.slice(from, to) !== expected) writeFileSync(readmePath, readme.slice(0, from) + expected + readme.slice(to))
    else expect(readme.slice(from, to), 'docs/rules.md is stale: UPDATE_FIXTURES=1 npx vitest run test/readme.test.ts').toBe(expected)
  })

  it('lists every rule once', () => {
    const table = ruleTables()
    for (const id of Object.keys(rules)) expect(table.split(`| \`${id}\` |`).length - 1, id).toBe(1)
  })
})
