import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {cacheFolder, lockPathOf} from './cli-kit.js'
import type {Diagnostic} from './diagnostics.js'
import {toolFingerprint} from './fingerprint.js'
import type {Outputs} from './outputs.js'

/**
 * What a full run found for one exact input: its diagnostics and the hash of
 * every file it would write. `catalog check` reuses it to judge `dist/` by
 * hashing files, without parsing or rendering, whenever the source, the lock
 * and the tool itself are byte for byte the same as in that run.
 */
export interface CheckRecord {
  diagnostics: Diagnostic[]
  /** Why `--strict` would fail on the translation state; empty when it would not. */
  strictFailures: string[]
  outputs: Record<string, string>
}

/** The key of a run's inputs: the tool, the source's place and bytes, the lock's bytes. */
export async function inputKey(sourcePath: string, cwd: string): Promise<string | undefined> {
  const hash = createHash('sha256').update(toolFingerprint()).update('\0').update(path.resolve(cwd, sourcePath)).update('\0')
  try {
    hash.update(await readFile(path.resolve(cwd, sourcePath)))
  } catch {
    return undefined
  }
  hash.update('\0')
  hash.update(await readFile(path.resolve(cwd, lockPathOf(sourcePath))).catch(() => Buffer.from('no lock')))
  return hash.digest('hex')
}

const keptRecords = 16

// Diagnostics name the source and the lock as the command line spelt them; a record keeps placeholders.
const placeholders = {source: '\u0000source', lock: '\u0000lock'}

function respell(diagnostics: Diagnostic[], from: {source: string; lock: string}, to: {source: string; lock: string}): Diagnostic[] {
  return diagnostics.map((d) => ({...d, file: d.file === from.source ? to.source : d.file === from.lock ? to.lock : d.file}))
}

export async function readCheckRecord(cwd: string, sourcePath: string, key: string): Promise<CheckRecord | undefined> {
  try {
    const record = JSON.parse(await readFile(path.join(cacheFolder(cwd, sourcePath), `check-${key}.json`), 'utf8')) as CheckRecord
    return {...record, diagnostics: respell(record.diagnostics, placeholders, {source: sourcePath, lock: lockPathOf(sourcePath)})}
  } catch {
    return undefined
  }
}

/** Keep the record of this run, and the few newest others (other sources, other checkouts). */
export async function writeCheckRecord(cwd: string, sourcePath: string, key: string, diagnostics: Diagnostic[], strictFailures: string[], outputs: Outputs): Promise<void> {
  const record: CheckRecord = {
    diagnostics: respell(diagnostics, {source: sourcePath, lock: lockPathOf(sourcePath)}, placeholders),
    strictFailures,
    outputs: Object.fromEntries([...outputs].map(([file, content]) => [file, sha256(content)]))
  }
  try {
    const folder = cacheFolder(cwd, sourcePath)
    await mkdir(folder, {recursive: true})
    const target = path.join(folder, `check-${key}.json`)
    await writeFile(`${target}.${process.pid}.tmp`, JSON.stringify(record))
    await rename(`${target}.${process.pid}.tmp`, target)
    const records = (await readdir(folder)).filter((name) => /^check-[0-9a-f]+\.json$/.test(name))
    if (records.length > keptRecords) {
      const byAge = await Promise.all(records.map(async (name) => ({name, time: (await stat(path.join(folder, name))).mtimeMs})))
      byAge.sort((a, b) => b.time - a.time)
      await Promise.all(byAge.slice(keptRecords).map(({name}) => rm(path.join(folder, name), {force: true})))
    }
  } catch {
    // The record only saves time.
  }
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}

/** Every file below a folder with its hash, by path relative to it (`/`-separated). */
export async function hashFolder(folder: string, prefix = ''): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  let entries
  try {
    entries = await readdir(path.join(folder, prefix), {withFileTypes: true})
  } catch {
    return result
  }
  for (const entry of entries) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) Object.assign(result, await hashFolder(folder, relative))
    else result[relative] = sha256(await readFile(path.join(folder, relative)))
  }
  return result
}

/** Compare a folder's hashes with a record's: what differs, is missing, or would be removed. */
export function compareHashes(actual: Record<string, string>, expected: Record<string, string>): Array<{path: string; state: 'changed' | 'missing' | 'extra'}> {
  const stale: Array<{path: string; state: 'changed' | 'missing' | 'extra'}> = []
  for (const [file, hash] of Object.entries(expected)) {
    if (actual[file] === undefined) stale.push({path: file, state: 'missing'})
    else if (actual[file] !== hash) stale.push({path: file, state: 'changed'})
  }
  for (const file of Object.keys(actual).sort()) if (expected[file] === undefined) stale.push({path: file, state: 'extra'})
  return stale
}
