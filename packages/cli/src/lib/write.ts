import {randomBytes} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
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
 * then swap it in with two renames. Until the swap the old folder is
 * untouched; after it, the new one is whole. Builds into the same folder take
 * a lock, so that two at once cannot interleave their swaps; what a killed
 * build left behind (a half-filled temporary folder, or the old folder under
 * its retired name when the kill fell between the two renames) is cleaned up
 * or put back by the next one.
 */
export async function writeOutputsAtomically(folder: string, outputs: Outputs): Promise<void> {
  const target = path.resolve(folder)
  const parent = path.dirname(target)
  const base = path.basename(target)
  await mkdir(parent, {recursive: true})
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = path.join(parent, `.${base}.new-${token}`)
  const retired = path.join(parent, `.${base}.old-${token}`)
  // Render into the staging folder before taking the lock: only the swap is serialised.
  try {
    await mkdir(staging)
    for (const [relative, content] of outputs) {
      const file = resolveInside(staging, relative)
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, content)
    }
    await withLock(path.join(parent, `.${base}.lock`), async () => {
      await recoverInterruptedSwap(target, staging)
      const hadOld = existsSync(target)
      if (hadOld) await rename(target, retired)
      await rename(staging, target)
      if (hadOld) await rm(retired, {recursive: true, force: true})
    })
  } finally {
    await rm(staging, {recursive: true, force: true})
  }
}

/**
 * Put back a folder retired by a swap that was killed between its renames, and
 * remove temporary folders of builds that no longer run.
 */
async function recoverInterruptedSwap(target: string, ours: string): Promise<void> {
  const parent = path.dirname(target)
  const base = path.basename(target)
  const leftovers = (await readdir(parent)).filter((name) => name.startsWith(`.${base}.old-`) || name.startsWith(`.${base}.new-`))
  for (const name of leftovers) {
    const full = path.join(parent, name)
    if (full === ours) continue
    const pid = Number(/-(\d+)-[0-9a-f]+$/.exec(name)?.[1])
    if (name.startsWith(`.${base}.new-`) && isRunning(pid)) continue
    if (name.startsWith(`.${base}.old-`) && !existsSync(target)) await rename(full, target)
    else await rm(full, {recursive: true, force: true})
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * A lock file holding the owner's pid, created exclusively. A lock whose owner
 * is gone (killed) is taken over; a live one is waited for.
 */
async function withLock<T>(lockPath: string, action: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      await writeFile(lockPath, String(process.pid), {flag: 'wx'})
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = Number(await readFile(lockPath, 'utf8').catch(() => ''))
      // An empty lock is one being written this instant: only a stale one is taken over.
      const fresh = owner > 0 || Date.now() - ((await stat(lockPath).catch(() => undefined))?.mtimeMs ?? 0) < 5000
      if (fresh && owner === 0) {
        await new Promise((resolve) => setTimeout(resolve, 20))
        continue
      }
      if (!isRunning(owner)) {
        await rm(lockPath, {force: true})
        continue
      }
      if (Date.now() > deadline) throw new Error(`another build (pid ${owner}) holds ${lockPath}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }
  try {
    return await action()
  } finally {
    await rm(lockPath, {force: true})
  }
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
