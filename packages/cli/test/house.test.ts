/**
 * The house's own checks catch what they are there for: Biome refuses a
 * `debugger;` left in a source file, and the type check covers test files,
 * with the repository's own configuration (root biome.json, each package's
 * tsconfig.check.json). CI runs `npm run lint` and `npm run typecheck`.
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {repoRoot} from './helpers.js'

const bin = (name: string): string => path.join(repoRoot, 'node_modules/.bin', name)

describe('lint and typecheck', () => {
  it('refuses a planted debugger statement in src/, with the configuration of the repository', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'catalog-lint-'))
    // Outside the repository (tests write no tracked file), under a configuration that is the root one.
    writeFileSync(path.join(folder, 'biome.json'), JSON.stringify({extends: [path.join(repoRoot, 'biome.json')], vcs: {enabled: false}}))
    mkdirSync(path.join(folder, 'src'))
    const lint = (text: string) => {
      writeFileSync(path.join(folder, 'src/render.ts'), text)
      return spawnSync(bin('biome'), ['lint', '--colors=off', 'src'], {cwd: folder, encoding: 'utf8'})
    }
    const planted = lint("export function render(): string {\n  debugger\n  return ''\n}\n")
    expect(planted.status).not.toBe(0)
    expect(`${planted.stdout}${planted.stderr}`).toContain('lint/suspicious/noDebugger')
    expect(lint("export function render(): string {\n  return ''\n}\n").status).toBe(0)
  })

  it('type-checks test files: a type error in one fails', () => {
    const packageConfig = path.join(repoRoot, 'packages/markdown/tsconfig.check.json')
    expect(JSON.parse(readFileSync(packageConfig, 'utf8')).include).toContain('test')
    const folder = mkdtempSync(path.join(tmpdir(), 'catalog-typecheck-'))
    writeFileSync(path.join(folder, 'package.json'), '{"type": "module"}\n')
    const check = (text: string) => {
      writeFileSync(path.join(folder, 'planted.test.ts'), text)
      // The package's own settings, over a file of the test's making (tests write no tracked file).
      writeFileSync(
        path.join(folder, 'tsconfig.json'),
        JSON.stringify({
          extends: packageConfig,
          compilerOptions: {rootDir: folder, typeRoots: [path.join(repoRoot, 'node_modules/@types')]},
          include: ['planted.test.ts']
        })
      )
      return spawnSync(bin('tsc'), ['-p', path.join(folder, 'tsconfig.json')], {cwd: folder, encoding: 'utf8'})
    }
    const planted = check("export const count: number = 'three'\n")
    expect(planted.status).not.toBe(0)
    expect(planted.stdout).toContain('TS2322')
    expect(check('export const count: number = 3\n').status).toBe(0)
  })
})
