/**
 * The everyday job, end to end, on a copy of this repository as it stands:
 * a maintainer adds a dataset in both languages (with its comparison rows and
 * a citation) and rewords a description in both; then `i18n accept`, build,
 * commit. Everything CI runs must pass on the result, and the tests that look
 * at the live catalog must pass on it too, leaving `git status` clean. The
 * other tests pin frozen copies (live-source.test.ts holds them to that), so
 * these are the ones an edit of the catalog can reach.
 *
 * Whatever the catalog holds, the edit applies: it goes through `catalog new`
 * and the catalog's own JSON, not through today's sentences.
 */
import {spawnSync} from 'node:child_process'
import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Catalog} from '@catalog/schema'
import {beforeAll, describe, expect, it} from 'vitest'
import {repoRoot, run} from './helpers.js'

const git = (cwd: string, ...args: string[]): string => {
  const result = spawnSync('git', ['-c', 'user.name=Maintainer', '-c', 'user.email=maintainer@example.org', '-c', 'core.autocrlf=false', ...args], {
    cwd,
    encoding: 'utf8'
  })
  expect(result.status, `git ${args.join(' ')}: ${result.stderr}`).toBe(0)
  return result.stdout
}

/** The repository's files as they stand (tracked, and new ones not ignored), in a new repository of their own. */
function copyRepository(): string {
  const copy = mkdtempSync(path.join(tmpdir(), 'catalog-everyday-'))
  const files = git(repoRoot, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter(Boolean)
  for (const file of files) {
    const from = path.join(repoRoot, file)
    try {
      mkdirSync(path.dirname(path.join(copy, file)), {recursive: true})
      copyFileSync(from, path.join(copy, file))
    } catch (error) {
      // A tracked file deleted in the working tree is not part of it.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  // The installed packages, shared: the copy differs in its files, not in its dependencies.
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir')
  git(copy, 'init', '-q')
  git(copy, 'add', '-A')
  git(copy, 'commit', '-qm', 'the repository as it stands')
  return copy
}

describe('the everyday edit, on a copy of the repository', () => {
  let copy: string
  const catalog = (folder: string): Catalog => JSON.parse(readFileSync(path.join(folder, 'dist/datasets.json'), 'utf8')) as Catalog
  const source = (): string => path.join(copy, 'source/datasets.md')

  beforeAll(() => {
    copy = copyRepository()
  })

  it('adds a dataset in every language, rewords a description in both, accepts, builds and stays canonical', async () => {
    const before = catalog(copy)
    const category = before.categories[0]?.id ?? ''
    const added = await run(['new', '--name', 'Everyday Example', '--category', category, '--languages', 'all'], copy)
    expect(added.code, added.stderr).toBe(0)
    // Filled in as a maintainer would, whatever the labels and columns: a citation that BibTeX takes, a real link.
    let text = readFileSync(source(), 'utf8')
      .replaceAll('author={TODO}', 'author={Doe, Jane}')
      .replaceAll('year={TODO}', 'year={2024}')
      .replaceAll('url={TODO}', 'url={https://example.org/everyday/}')
      .replaceAll('(https://TODO.invalid/)', '(https://example.org/everyday/)')
      .replaceAll('[TODO]', '[https://example.org/everyday/]')
      .replaceAll('TODO', 'Everyday value')
    // A description reworded in every half.
    const reworded = before.datasets[0]
    expect(reworded).toBeDefined()
    for (const [code, description] of Object.entries(reworded?.description.text ?? {})) {
      expect(text.includes(description), `the ${code} description is in the source as written`).toBe(true)
      text = text.replace(description, `${description} Reworded.`)
    }
    writeFileSync(source(), text)

    for (const args of [['i18n', 'accept'], ['build'], ['format', '--check'], ['validate'], ['check']]) {
      const result = await run(args, copy)
      expect(result.code, `catalog ${args.join(' ')}: ${result.stderr}`).toBe(0)
    }
    const after = catalog(copy)
    expect(after.datasets.map((dataset) => dataset.id)).toContain('everyday-example')
    expect(after.datasets.find((dataset) => dataset.id === 'everyday-example')?.title).toEqual(
      Object.fromEntries(after.languages.map(({code}) => [code, 'Everyday value']))
    )
    expect(after.comparison?.rows.some((row) => row.dataset === 'everyday-example')).toBe(before.comparison !== undefined)
    git(copy, 'add', '-A')
    git(copy, 'commit', '-qm', 'Add Everyday Example; reword a description')
  })

  it('passes the tests that read the live catalog, which write no tracked file', () => {
    const vitest = path.join(repoRoot, 'node_modules/vitest/vitest.mjs')
    const tests = ['test/live-source.test.ts', 'test/readme.test.ts', 'test/workflow.test.ts']
    const result = spawnSync(process.execPath, [vitest, 'run', '--testTimeout=60000', ...tests], {
      cwd: path.join(copy, 'packages/cli'),
      encoding: 'utf8',
      env: {...process.env, UPDATE_FIXTURES: ''}
    })
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0)
    expect(git(copy, 'status', '--porcelain')).toBe('')
  })
})
