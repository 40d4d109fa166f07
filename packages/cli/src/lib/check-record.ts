import {createHash} from 'node:crypto'
import {mkdir, readdir, readFile, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {cacheFolder, sourceFiles} from './cli-kit.js'
import type {Diagnostic} from './diagnostics.js'
import {listFolder, writeFileAtomically} from './files.js'
import {toolFingerprint} from './fingerprint.js'

/**
 * What a full run found for one exact input and one exact output folder: its
 * diagnostics. `catalog check` reuses it to say "fresh" without parsing or
 * rendering, when the source, the lock and the tool are byte for byte those of
 * the run, and the output folder holds exactly the files that run wrote. The
 * record is named by both, so a changed file in the folder finds no record
 * (the full check then runs and names it), and one record cannot answer for
 * another folder's content.
 */
export interface CheckRecord {
  /** The record's own name, repeated inside: a file copied or edited under another name is not trusted. */
  name: string
  diagnostics: Diagnostic[]
  /** Why `--strict` would fail on the translation state; empty when it would not. */
  strictFailures: string[]
}

/**
 * The key of a run's inputs: the tool, the source's place, the bytes of the
 * source and of each file beside it (or their absence), and the year, which
 * bounds a citation's year (`bibtex-year-range`): a record from last year
 * answers for nothing.
 */
export function inputKey(sourceAbsolutePath: string, inputs: ReadonlyArray<Uint8Array | undefined>): string {
  const hash = createHash('sha256').update(toolFingerprint()).update('\0').update(sourceAbsolutePath)
  hash.update('\0').update(String(new Date().getUTCFullYear()))
  for (const bytes of inputs)
    hash
      .update('\0')
      .update(bytes === undefined ? 'absent' : `${bytes.length}:`)
      .update(bytes ?? '')
  return hash.digest('hex')
}

/** The digest of an output folder's files, by path: what a record is keyed by besides the inputs. */
export function outputsDigest(hashes: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256')
  for (const file of [...hashes.keys()].sort())
    hash
      .update(file)
      .update('\0')
      .update(hashes.get(file) ?? '')
      .update('\0')
  return hash.digest('hex')
}

/**
 * The hash of every file below a folder, as it is now; undefined when the
 * folder holds anything but regular files (a link or a FIFO is never opened,
 * and no build writes one).
 */
export async function hashFolder(folder: string): Promise<Map<string, string> | undefined> {
  const entries = listFolder(folder)
  if (entries.some((entry) => !entry.regular)) return undefined
  const hashes = await Promise.all(entries.map(async (entry) => [entry.path, sha256(await readFile(path.join(folder, entry.path)))] as const))
  return new Map(hashes)
}

const keptRecords = 16

// Diagnostics name the source and the files beside it as the command line spelt them; a record keeps placeholders.
const placeholder = (index: number): string => `\u0000input${index}`

function respell(diagnostics: Diagnostic[], from: readonly string[], to: readonly string[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const index = from.indexOf(d.file)
    return index === -1 ? d : {...d, file: to[index] ?? d.file}
  })
}

function spellings(sourcePath: string): {given: string[]; placeholders: string[]} {
  const given = sourceFiles(sourcePath).map((file) => file.path)
  return {given, placeholders: given.map((_, index) => placeholder(index))}
}

function recordName(key: string, digest: string): string {
  return `check-${createHash('sha256').update(key).update('\0').update(digest).digest('hex')}.json`
}

/** The record of a run with these inputs that wrote exactly this folder; undefined when there is none, or none to trust. */
export async function readCheckRecord(cwd: string, sourcePath: string, key: string, digest: string): Promise<CheckRecord | undefined> {
  const name = recordName(key, digest)
  try {
    const record = JSON.parse(await readFile(path.join(cacheFolder(cwd, sourcePath), name), 'utf8')) as unknown
    if (!isCheckRecord(record) || record.name !== name) return undefined
    const {given, placeholders} = spellings(sourcePath)
    return {...record, diagnostics: respell(record.diagnostics, placeholders, given)}
  } catch {
    return undefined
  }
}

function isCheckRecord(value: unknown): value is CheckRecord {
  const record = value as Partial<CheckRecord> | null
  const isDiagnostic = (d: unknown): boolean => {
    const candidate = d as Partial<Diagnostic> | null
    return (
      typeof candidate?.file === 'string' &&
      Number.isInteger(candidate.line) &&
      Number.isInteger(candidate.column) &&
      ['error', 'warning', 'notice'].includes(candidate.severity as string) &&
      typeof candidate.ruleId === 'string' &&
      typeof candidate.message === 'string'
    )
  }
  return (
    typeof record?.name === 'string' &&
    Array.isArray(record.diagnostics) &&
    record.diagnostics.every(isDiagnostic) &&
    Array.isArray(record.strictFailures) &&
    record.strictFailures.every((reason) => typeof reason === 'string')
  )
}

/** Keep the record of this run, and the few newest others (other sources, other checkouts). */
export async function writeCheckRecord(
  cwd: string,
  sourcePath: string,
  key: string,
  digest: string,
  diagnostics: Diagnostic[],
  strictFailures: string[]
): Promise<void> {
  const name = recordName(key, digest)
  const {given, placeholders} = spellings(sourcePath)
  const record: CheckRecord = {name, diagnostics: respell(diagnostics, given, placeholders), strictFailures}
  try {
    const folder = cacheFolder(cwd, sourcePath)
    await mkdir(folder, {recursive: true})
    await writeFileAtomically(path.join(folder, name), JSON.stringify(record))
    const records = (await readdir(folder)).filter((file) => /^check-[0-9a-f]+\.json$/.test(file))
    if (records.length > keptRecords) {
      const byAge = await Promise.all(records.map(async (file) => ({file, time: (await stat(path.join(folder, file))).mtimeMs})))
      byAge.sort((a, b) => b.time - a.time)
      await Promise.all(byAge.slice(keptRecords).map(({file}) => rm(path.join(folder, file), {force: true})))
    }
  } catch {
    // The record only saves time.
  }
}

function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex')
}
