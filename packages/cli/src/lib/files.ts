import {randomBytes} from 'node:crypto'
import {type Dirent, readdirSync} from 'node:fs'
import {chmod, lstat, open, realpath, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'

/**
 * The CLI's dealings with the file system, each in one place: a read that
 * never takes more than a limit, a write that never leaves half a file, one
 * walker of folders, and the words for a failed system call.
 */

/** A file larger than the limit a read allows; nothing past the limit was read. */
export class FileTooLargeError extends Error {
  constructor(
    readonly file: string,
    readonly limit: number,
    /** The size when the file system knows it (a regular file), else undefined (a pipe or a device). */
    readonly size: number | undefined
  ) {
    super(`${file} is ${size === undefined ? 'larger than' : `${size} bytes; the limit is`} ${limit} bytes`)
  }
}

/**
 * Read a file once, and at most `limit` bytes of it. A regular file's size is
 * known before reading, so a large one is refused without reading a byte; a
 * pipe, a FIFO or a device (`/dev/stdin`, `<(cat file)`) is read up to the
 * limit plus one byte, so `/dev/zero` is refused after 16 MiB instead of
 * filling memory. Each call opens the file once: a pipe can only be read once.
 */
export async function readBounded(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, 'r')
  try {
    const info = await handle.stat()
    if (info.isDirectory())
      throw Object.assign(new Error(`EISDIR: illegal operation on a directory, read '${file}'`), {code: 'EISDIR', syscall: 'read', path: file})
    if (info.isFile() && info.size > limit) throw new FileTooLargeError(file, limit, info.size)
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total))
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
      if (total > limit) throw new FileTooLargeError(file, limit, info.isFile() ? info.size : undefined)
    }
    return Buffer.concat(chunks, total)
  } finally {
    await handle.close()
  }
}

/**
 * Replace a file's content so that no reader and no crash ever sees half of
 * it: write a temporary file beside the target, then rename it over. A
 * symlinked target keeps its link (the file it points to is replaced) and a
 * file keeps its permissions.
 */
export async function writeFileAtomically(target: string, content: string | Uint8Array): Promise<void> {
  const real = await realpath(target).catch(() => target)
  const mode = await stat(real).then(
    (info) => info.mode & 0o7777,
    () => undefined
  )
  const temporary = path.join(path.dirname(real), `.${path.basename(real)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temporary, content, {flag: 'wx'})
    if (mode !== undefined) await chmod(temporary, mode)
    await rename(temporary, real)
  } catch (error) {
    await rm(temporary, {force: true})
    throw error
  }
}

/** One entry below a folder: its `/`-separated path relative to the folder, and whether it is a regular file. */
export interface FolderEntry {
  path: string
  /** A regular file; anything else (a link, a FIFO, a socket, a device) is never opened by the CLI. */
  regular: boolean
}

/**
 * Every file below a folder, sorted, without following links (a link or a
 * FIFO is listed, never opened): the one walker behind `check`, the record of
 * a run and the out-folder guard. A folder that does not exist has no entries.
 */
export function listFolder(folder: string): FolderEntry[] {
  const entries: FolderEntry[] = []
  const walk = (relative: string): void => {
    let children: Dirent[]
    try {
      children = readdirSync(path.join(folder, relative), {withFileTypes: true})
    } catch (error) {
      if (relative === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const child of children) {
      const childPath = relative === '' ? child.name : `${relative}/${child.name}`
      if (child.isDirectory()) walk(childPath)
      else entries.push({path: childPath, regular: child.isFile()})
    }
  }
  walk('')
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** Whether a path exists, without following a final link. */
export async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false
  )
}

/**
 * A failed system call in words a person can act on ("cannot mkdir
 * dist/.x: permission denied (EACCES)"), or undefined for any other error.
 */
export function describeSystemError(error: unknown): string | undefined {
  const failure = error as NodeJS.ErrnoException | null
  if (!(error instanceof Error) || typeof failure?.code !== 'string' || !/^E[A-Z0-9]+$/.test(failure.code)) return undefined
  const detail = error.message.replace(/^E[A-Z0-9]+: /, '').replace(/, \w+ '.*'$/s, '')
  const verb = failure.syscall ? `cannot ${failure.syscall}` : 'cannot use'
  return `${verb} ${failure.path ?? 'a file'}: ${detail} (${failure.code})`
}
