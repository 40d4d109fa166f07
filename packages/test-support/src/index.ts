/**
 * Helpers shared by the tests of every package: they read the real source,
 * edit it exactly where a test means to, find lines, and decide whether a test
 * that drives a system tool runs.
 */
import {spawnSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

/** The repository's catalog source, `source/datasets.md`. */
export const realSourcePath = fileURLToPath(new URL('../../../source/datasets.md', import.meta.url))

export function readRealSource(): string {
  return readFileSync(realSourcePath, 'utf8')
}

/** Replace exactly one occurrence, so that an edit that no longer applies fails loudly. */
export function replaceOnce(text: string, search: string, replacement: string): string {
  const first = text.indexOf(search)
  if (first === -1 || text.indexOf(search, first + 1) !== -1) throw new Error(`expected exactly one "${search}"`)
  return text.slice(0, first) + replacement + text.slice(first + search.length)
}

/** The 1-based line on which `search` first occurs. */
export function lineOf(text: string, search: string): number {
  const index = text.indexOf(search)
  if (index === -1) throw new Error(`"${search}" not found`)
  return text.slice(0, index).split('\n').length
}

/** Whether a command is on the PATH. */
export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v "$0"`, command], {encoding: 'utf8'}).status === 0
}

/**
 * Whether the tests that drive a system tool run: always in CI (`CI` set),
 * where a missing tool must fail them rather than pass them by skipping;
 * elsewhere only when the tool is installed, saying once why they skip.
 */
export function toolAvailable(command: string, installHint: string): boolean {
  if (hasCommand(command) || process.env['CI']) return true
  console.warn(`Skipping the tests that run ${command}: it is not installed (${installHint}); in CI they fail instead.`)
  return false
}
