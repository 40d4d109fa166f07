import {randomBytes} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {link, lstat, mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {RunError} from './cli-kit.js'
import {exists, listFolder} from './files.js'
import type {Outputs} from './outputs.js'

/** Resolve an output's relative path, refusing any that escapes the folder. */
export function resolveInside(folder: string, relative: string): string {
  const root = path.resolve(folder)
  const target = path.resolve(root, relative)
  if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..') || !target.startsWith(root + path.sep)) {
    throw new Error(`refusing to write "${relative}" outside ${folder}`)
  }
  return target
}

export interface WriteOptions {
  /** Told about what the write could not tidy up (a leftover folder it cannot remove); the write goes on. */
  onWarning?: (message: string) => void
}

/**
 * Write all outputs as one step: fill a temporary folder beside the target,
 * then swap it in with two renames. Until the swap the old folder is
 * untouched; after it, the new one is whole. Only what changed is written:
 * a file whose bytes are those already in the folder enters the temporary
 * folder as a hard link to the file there, so it keeps its inode and its
 * modification time (editors, servers and `make` see only the changed files
 * change), and the build writes no byte of it. Builds into the same folder take
 * a lock around the swap, so that two at once cannot interleave their
 * renames; what a killed build left behind (a half-filled temporary folder,
 * or the old folder under its retired name when the kill fell between the two
 * renames) is cleaned up or put back by the next one. `folder` is the real
 * path that `resolveOutFolder` checked.
 */
export async function writeOutputsAtomically(folder: string, outputs: Outputs, options: WriteOptions = {}): Promise<void> {
  const target = path.resolve(folder)
  const parent = path.dirname(target)
  const base = path.basename(target)
  await mkdir(parent, {recursive: true})
  const token = `${process.pid}-${randomBytes(4).toString('hex')}`
  const staging = path.join(parent, `.${base}.new-${token}`)
  const retired = path.join(parent, `.${base}.old-${token}`)
  let swapped = false
  // Render into the staging folder before taking the lock: only the swap is serialised.
  try {
    await mkdir(staging)
    const folders = new Set<string>()
    for (const [relative, content] of outputs) {
      const file = resolveInside(staging, relative)
      const parentFolder = path.dirname(file)
      if (!folders.has(parentFolder)) {
        await mkdir(parentFolder, {recursive: true})
        folders.add(parentFolder)
      }
      if (!(await linkUnchanged(resolveInside(target, relative), file, content))) await writeFile(file, content)
    }
    await withLock(path.join(parent, `.${base}.lock`), async () => {
      await recoverInterruptedSwap(target, staging, options)
      const hadOld = await exists(target)
      if (hadOld) await rename(target, retired)
      await rename(staging, target)
      swapped = true
    })
  } finally {
    if (!swapped) await rm(staging, {recursive: true, force: true})
  }
  // Outside the lock: removing a large old folder should not hold up another build's swap.
  await removeOrWarn(retired, options)
}

/**
 * Link `file` to `existing` when that is a regular file holding exactly
 * `content`; false when it is not, or when the file system has no hard links
 * (then the caller writes the file).
 */
async function linkUnchanged(existing: string, file: string, content: string): Promise<boolean> {
  try {
    const info = await lstat(existing)
    const bytes = Buffer.from(content)
    if (!info.isFile() || info.size !== bytes.length || !(await readFile(existing)).equals(bytes)) return false
    await link(existing, file)
    return true
  } catch {
    return false
  }
}

/**
 * Put back a folder retired by a swap that was killed between its renames, and
 * remove temporary folders of builds that no longer run.
 */
async function recoverInterruptedSwap(target: string, ours: string, options: WriteOptions): Promise<void> {
  const parent = path.dirname(target)
  const base = path.basename(target)
  const leftovers = (await readdir(parent)).filter((name) => name.startsWith(`.${base}.old-`) || name.startsWith(`.${base}.new-`))
  for (const name of leftovers) {
    const full = path.join(parent, name)
    if (full === ours) continue
    const pid = Number(/-(\d+)-[0-9a-f]+$/.exec(name)?.[1])
    if (name.startsWith(`.${base}.new-`) && isRunning(pid)) continue
    if (name.startsWith(`.${base}.old-`) && !(await exists(target))) await rename(full, target)
    else await removeOrWarn(full, options)
  }
}

/** A leftover that cannot be removed is in the way of nobody: say so, and go on. */
async function removeOrWarn(folder: string, options: WriteOptions): Promise<void> {
  try {
    await rm(folder, {recursive: true, force: true})
  } catch (error) {
    options.onWarning?.(`cannot remove the leftover folder ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); remove it by hand`)
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

/** Who holds a lock: enough to tell a live holder from a process that merely reuses its pid. */
interface LockOwner {
  pid: number
  /** When the process started (Linux: clock ticks since boot, from /proc); absent where the system does not say. */
  started?: string
  token: string
  /** Written by an older catalog, as the bare pid: no start time, no token. */
  legacy?: true
}

/** How long a live holder may keep the lock before the wait gives up: the swap it guards takes milliseconds. */
const stuckAfterMs = 10_000

/** When a process started, where the system tells (Linux's /proc); a reused pid has another start. */
function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 22 is the start time; the command name (field 2) may hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function isAlive(owner: LockOwner): boolean {
  if (!isRunning(owner.pid)) return false
  const started = processStart(owner.pid)
  return owner.started === undefined || started === undefined || owner.started === started
}

function readOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    if (Number.isInteger(value.pid) && typeof value.token === 'string') {
      return {pid: value.pid as number, token: value.token, ...(typeof value.started === 'string' ? {started: value.started} : {})}
    }
  } catch {
    // An older lock holds the bare pid.
  }
  return /^\d+$/.test(text.trim()) ? {pid: Number(text.trim()), token: '', legacy: true} : undefined
}

/**
 * A lock file created exclusively, holding its owner's pid, start time and a
 * token. A lock whose owner is gone, or whose pid now belongs to another
 * process, is taken over; a live one is waited for, and one held longer than
 * the swap could take fails the run with the path to remove. An older
 * catalog's lock (the bare pid) is taken over when that pid is not running,
 * and fails the run at once, naming the file, when it is.
 */
async function withLock<T>(lockPath: string, action: () => Promise<T>): Promise<T> {
  const started = processStart(process.pid)
  const me: LockOwner = {pid: process.pid, ...(started === undefined ? {} : {started}), token: randomBytes(8).toString('hex')}
  const since = Date.now()
  for (;;) {
    try {
      await writeFile(lockPath, JSON.stringify(me), {flag: 'wx'})
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const info = await lstat(lockPath).catch(() => undefined)
    if (!info) continue
    if (!info.isFile()) throw new RunError(`${lockPath} is in the way of the output lock (it is not a file); remove it`)
    const text = await readFile(lockPath, 'utf8').catch(() => '')
    const owner = readOwner(text)
    const age = Date.now() - info.mtimeMs
    // An empty lock is one being written this instant; only a stale one is taken over.
    if (owner === undefined && text === '' && age < 1000) {
      await pause()
      continue
    }
    if (owner === undefined || !isAlive(owner)) {
      await takeOver(lockPath, text)
      continue
    }
    // An older catalog's lock names a running pid, which may be anyone's now: waiting would tell no more.
    if (owner.legacy) {
      throw new RunError(
        `${lockPath} is a lock in an older format that names pid ${owner.pid}, which is running but may not be a build; if no build is running, remove that file`
      )
    }
    // The swap takes milliseconds: a lock held this long, whether we waited for it or found it old, is stuck.
    if (Date.now() - Math.min(since, info.mtimeMs) > stuckAfterMs) {
      throw new RunError(
        `another catalog process (pid ${owner.pid}) has held ${lockPath} for more than ${stuckAfterMs / 1000} s; if no build is running, remove that file`
      )
    }
    await pause()
  }
  try {
    return await action()
  } finally {
    await releaseLock(lockPath, me.token)
  }
}

/**
 * Remove a stale lock without removing a fresh one that another process put
 * in its place meanwhile: move it aside first, and put it back when it turns
 * out not to be the one judged stale.
 */
async function takeOver(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    await rename(lockPath, aside)
  } catch {
    return
  }
  const moved = await readFile(aside, 'utf8').catch(() => staleText)
  if (moved !== staleText) await link(aside, lockPath).catch(() => undefined)
  await rm(aside, {force: true})
}

async function releaseLock(lockPath: string, token: string): Promise<void> {
  const owner = readOwner(await readFile(lockPath, 'utf8').catch(() => ''))
  if (owner?.token === token) await rm(lockPath, {force: true})
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20))
}

/** Files that differ from what would be written, are missing, or would be removed. */
export async function staleOutputs(folder: string, outputs: Outputs): Promise<Array<{path: string; state: 'changed' | 'missing' | 'extra'}>> {
  const stale: Array<{path: string; state: 'changed' | 'missing' | 'extra'}> = []
  const present = new Map(listFolder(folder).map((entry) => [entry.path, entry.regular]))
  for (const [relative, content] of outputs) {
    const regular = present.get(relative)
    if (regular === undefined) stale.push({path: relative, state: 'missing'})
    // Only a regular file is opened: a FIFO or a link in its place is simply not what build writes.
    else if (!regular || !(await readFile(resolveInside(folder, relative))).equals(Buffer.from(content))) stale.push({path: relative, state: 'changed'})
  }
  for (const relative of present.keys()) {
    if (!outputs.has(relative)) stale.push({path: relative, state: 'extra'})
  }
  return stale
}
