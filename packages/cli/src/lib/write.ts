import {randomBytes} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Outputs} from './outputs.js'

/** Raised when an output path would land outside the output folder. */
export class UnsafeOutputPathError extends Error {}

/** Resolve an output's relative path, refusing any that escapes the folder. */
export function resolveInside(folder: string, relative: string): string {
  const root = path.resolve(folder)
  const target = path.resolve(root, relative)
  if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..') || !target.startsWith(root + path.sep)) {
    throw new UnsafeOutputPathError(`refusing to write "${relative}" outside ${folder}`)
  }
  return target
}

/**
 * Write all outputs as one step: fill a temporary folder beside the target,
 * then swap it in with renames. Until the swap the old folder is untouched;
 * after it, the new one is whole. A folder left behind by an interrupted swap
 * is put back first.
 */
export async function writeOutputsAtomically(folder: string, outputs: Outputs): Promise<void> {
  const target = path.resolve(folder)
  const parent = path.dirname(target)
  const base = path.basename(target)
  await mkdir(parent, {recursive: true})
  await recoverInterruptedSwap(target)
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = path.join(parent, `.${base}.new-${token}`)
  const retired = path.join(parent, `.${base}.old-${token}`)
  try {
    await mkdir(staging)
    for (const [relative, content] of outputs) {
      const file = resolveInside(staging, relative)
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, content)
    }
    const hadOld = existsSync(target)
    if (hadOld) await rename(target, retired)
    await rename(staging, target)
    if (hadOld) await rm(retired, {recursive: true, force: true})
  } finally {
    await rm(staging, {recursive: true, force: true})
  }
}

/** If a swap was interrupted between its two renames, the old folder is still there under its retired name. */
async function recoverInterruptedSwap(target: string): Promise<void> {
  const parent = path.dirname(target)
  const prefix = `.${path.basename(target)}.old-`
  const retired = (await readdir(parent)).filter((name) => name.startsWith(prefix))
  if (!existsSync(target) && retired[0]) await rename(path.join(parent, retired[0]), target)
}

/** Files that differ from what would be written, are missing, or would be removed. */
export async function staleOutputs(folder: string, outputs: Outputs): Promise<Array<{path: string; state: 'changed' | 'missing' | 'extra'}>> {
  const stale: Array<{path: string; state: 'changed' | 'missing' | 'extra'}> = []
  for (const [relative, content] of outputs) {
    let current: Buffer | undefined
    try {
      current = await readFile(resolveInside(folder, relative))
    } catch {
      current = undefined
    }
    if (!current) stale.push({path: relative, state: 'missing'})
    else if (!current.equals(Buffer.from(content))) stale.push({path: relative, state: 'changed'})
  }
  for (const relative of await listFiles(folder)) {
    if (!outputs.has(relative)) stale.push({path: relative, state: 'extra'})
  }
  return stale
}

async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  let entries
  try {
    entries = await readdir(path.join(folder, prefix), {withFileTypes: true})
  } catch {
    return []
  }
  const files: string[] = []
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) files.push(...(await listFiles(folder, relative)))
    else files.push(relative)
  }
  return files.sort()
}
