/**
 * Every rule of the registry at work: its triggering example reports the
 * rule once, at its line, with the registry's severity; its passing example
 * reports nothing at all. The examples live beside the registry
 * (`@catalog/schema/rule-examples`) and run here through the CLI, as a
 * maintainer would run them. `RULE=<id>` runs one rule's.
 */
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {type RuleId, rules} from '@catalog/schema'
import {exampleSource, exampleVocabulary, type FailingExample, type RuleExample, ruleExamples} from '@catalog/schema/rule-examples'
import {describe, expect, it} from 'vitest'
import {run} from './helpers.js'

interface Reported {
  file: string
  line: number
  column: number
  severity: 'error' | 'warning'
  ruleId: string
  message: string
}

/** The example's folder, set up, and the command's diagnostics (through the JSON reporter) and exit code. */
async function runExample(example: RuleExample): Promise<{folder: string; code: number; reported: Reported[]; stderr: string}> {
  const folder = mkdtempSync(path.join(tmpdir(), 'catalog-rule-'))
  mkdirSync(path.join(folder, 'node_modules'))
  const write = (name: string, content: string | Uint8Array): void => {
    mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
    writeFileSync(path.join(folder, name), content)
  }
  write('catalog.md', example.source ? example.source(exampleSource) : exampleSource)
  write('vocabulary.json', exampleVocabulary)
  for (const [name, content] of Object.entries(example.files ?? {})) {
    rmSync(path.join(folder, name), {recursive: true, force: true})
    if (content instanceof Uint8Array || typeof content === 'string') write(name, content)
    else if (content) mkdirSync(path.join(folder, name), {recursive: true})
  }
  for (const command of example.setup ?? []) {
    const result = await run([...command], folder)
    expect(result.code, `setup \`${command.join(' ')}\`: ${result.stderr}`).toBeLessThanOrEqual(1)
  }
  for (const [name, change] of Object.entries(example.change ?? {})) write(name, change(readFileSync(path.join(folder, name), 'utf8')))
  const command = example.command ?? ['validate', '--source', 'catalog.md', '--strict']
  const result = await run([...command, '--reporter', 'json'], folder)
  // One JSON value on stdout: the diagnostics, or (`catalog i18n`) the findings and what stopped them.
  const value = result.stdout.trim() ? (JSON.parse(result.stdout) as Reported[] | {findings: Reported[]; diagnostics: Reported[]}) : []
  const reported = Array.isArray(value) ? value : [...value.diagnostics, ...value.findings]
  return {folder, code: result.code, reported, stderr: result.stderr}
}

/** The line an example names: a number, or the first line of the file holding a text. */
function lineOf(folder: string, example: FailingExample): number {
  if (typeof example.at === 'number') return example.at
  const lines = readFileSync(path.join(folder, example.file ?? 'catalog.md'), 'utf8').split('\n')
  const index = lines.findIndex((line) => line.includes(example.at as string))
  expect(index, `\`${example.at}\` is in ${example.file ?? 'catalog.md'}`).toBeGreaterThanOrEqual(0)
  return index + 1
}

const only = process.env['RULE']
const ids = (Object.keys(rules) as RuleId[]).filter((id) => !only || id === only)

describe('the rule registry', () => {
  it('gives every rule an example that triggers it and one that does not', () => {
    expect((Object.keys(rules) as RuleId[]).filter((id) => !ruleExamples[id])).toEqual([])
    expect(Object.keys(ruleExamples).filter((id) => !(id in rules))).toEqual([])
  })

  it('starts from a catalog that is valid and silent', async () => {
    const {code, reported} = await runExample({title: 'the example catalog'})
    expect(reported).toEqual([])
    expect(code).toBe(0)
  })
})

describe.each(ids.filter((id) => ruleExamples[id]))('rule %s', (id) => {
  const examples = ruleExamples[id]
  if (!examples) return

  it(`is reported once, at its line: ${examples.fails.title}`, async () => {
    const {folder, code, reported, stderr} = await runExample(examples.fails)
    const file = examples.fails.file ?? 'catalog.md'
    const mine = reported.filter((diagnostic) => diagnostic.ruleId === id)
    expect(mine, `${id} is reported once; the command said:\n${stderr}${JSON.stringify(reported, null, 1)}`).toHaveLength(1)
    const [diagnostic] = mine
    expect({file: path.normalize(diagnostic?.file ?? ''), line: diagnostic?.line, severity: diagnostic?.severity}).toEqual({
      file: path.normalize(file),
      line: lineOf(folder, examples.fails),
      severity: rules[id].severity
    })
    // Nothing else: what follows from the slip is not reported again.
    expect(reported.filter((other) => other.ruleId !== id).map((other) => `${other.ruleId} at ${other.line}: ${other.message}`)).toEqual([])
    expect(code).toBe(1)
  })

  it(`is silent: ${examples.passes.title}`, async () => {
    const {code, reported, stderr} = await runExample(examples.passes)
    expect(reported, stderr).toEqual([])
    expect(code, stderr).toBe(0)
  })
})
