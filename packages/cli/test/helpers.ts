import {copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {main} from '../src/index.js'
import {frozenLockPath, frozenVocabularyPath, readFrozenSource} from '@catalog/test-support'
export {replaceOnce, seedPath} from '@catalog/test-support'

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
/** The frozen copy of the catalog (never the live source/, which is edited every day). */
export const realSource = readFrozenSource()
/** Its translation lock, as text. */
export const realLock = readFileSync(frozenLockPath, 'utf8')

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

/** Run the CLI in-process in a folder. */
export async function run(args: string[], cwd: string): Promise<RunResult> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    cwd
  })
  return {code, stdout, stderr}
}

/**
 * A new folder with its own `node_modules`, so that the CLI keeps its caches
 * inside it whatever lies above (a stray /tmp/node_modules would otherwise
 * catch them), and the frozen vocabulary, so that a catalog written into it
 * has its labels declared as in the repository.
 */
export function tempFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'catalog-cli-'))
  mkdirSync(path.join(folder, 'node_modules'))
  copyFileSync(frozenVocabularyPath, path.join(folder, 'vocabulary.json'))
  return folder
}

/** Every file below a folder with its bytes and modification time, to prove a folder untouched. */
export function snapshot(folder: string): Record<string, string> {
  const result: Record<string, string> = {}
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(folder, relative), {withFileTypes: true})) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else if (entry.isSymbolicLink()) result[child] = `link ${readlinkSync(path.join(folder, child))}`
      else result[child] = `${statSync(path.join(folder, child)).mtimeMs} ${readFileSync(path.join(folder, child), 'base64')}`
    }
  }
  walk('')
  return result
}

/** Every file below a folder with its bytes only: what a reader of the folder sees. */
export function snapshotBytes(folder: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(folder)).map(([file, entry]) => [file, entry.slice(entry.indexOf(' ') + 1)]))
}
