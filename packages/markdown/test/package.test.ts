/**
 * The package as it ships: package.json `files` must carry the templates,
 * and the compiled code must find them from `dist/`. The test lays out the
 * shipped files in a temporary folder (code transpiled there, templates
 * copied) and renders the real source with that copy.
 */
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import ts from 'typescript'
import {afterAll, describe, expect, it} from 'vitest'
import {parseOrThrow, readFrozenSource} from './helpers.js'

const packageFolder = fileURLToPath(new URL('../', import.meta.url))
const manifest = JSON.parse(readFileSync(path.join(packageFolder, 'package.json'), 'utf8')) as {files: string[]}
const temporary = mkdtempSync(path.join(tmpdir(), 'catalog-markdown-'))
afterAll(() => rmSync(temporary, {recursive: true, force: true}))

function layOutShippedPackage(): string {
  const target = path.join(temporary, 'package')
  for (const file of readdirSync(path.join(packageFolder, 'src'), {recursive: true, encoding: 'utf8'})) {
    if (!file.endsWith('.ts')) continue
    const {outputText} = ts.transpileModule(readFileSync(path.join(packageFolder, 'src', file), 'utf8'), {
      compilerOptions: {module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022}
    })
    const output = path.join(target, 'dist', file.replace(/\.ts$/, '.js'))
    mkdirSync(path.dirname(output), {recursive: true})
    writeFileSync(output, outputText)
  }
  for (const entry of manifest.files.filter((name) => name !== 'dist')) cpSync(path.join(packageFolder, entry), path.join(target, entry), {recursive: true})
  writeFileSync(path.join(target, 'package.json'), JSON.stringify({type: 'module'}))
  // Dependencies resolve as they would once installed.
  symlinkSync(path.join(packageFolder, '..', '..', 'node_modules'), path.join(temporary, 'node_modules'), 'dir')
  return target
}

describe('the shipped package', () => {
  it('lists its templates in package.json files', () => {
    expect(manifest.files).toEqual(['dist', 'templates'])
  })

  it('renders from dist/ with the templates it ships', async () => {
    const target = layOutShippedPackage()
    const shipped = (await import(pathToFileURL(path.join(target, 'dist', 'index.js')).href)) as typeof import('../src/index.js')
    const source = readFrozenSource()
    expect(shipped.renderMarkdown(parseOrThrow(source)).get('README.md')).toBe(source)
  })
})
