import {createHash, randomBytes} from 'node:crypto'
import {readdirSync, readFileSync, statSync} from 'node:fs'
import {mkdir, open, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import type {SectionCache} from '@catalog/parser'
import type {Fragments} from '@catalog/schema'
import {toolFingerprint} from './fingerprint.js'

/**
 * The CLI's one cache: a content-addressed store of JSON values that saves
 * work between runs. It holds what the parser keeps per section (`section:`
 * and `citation:` entries, see @catalog/parser's `SectionCache`) and what the
 * renderers keep per dataset (`fragment:` entries, see @catalog/schema's
 * `Fragments`). Every key is a hash of everything its value is made from;
 * what made it, the tool itself, is the store's salt: one file per tool
 * fingerprint (`toolFingerprint`: the compiled code, the templates and the
 * lock file), whose first line names the whole fingerprint. A new build of
 * the tool starts from an empty store, so no entry outlives the code that
 * wrote it.
 *
 * The file is a log, one entry a line: `<checksum> <key> <JSON>`, where the
 * checksum is the first 16 hex digits of the sha256 of `<key> <JSON>`. The
 * format is our own because what it needs is small and exact: reading the
 * whole store in one read (a rebuild uses nearly every entry), appending
 * only what a run adds, and finding a damaged entry alone. An entry whose
 * checksum, key or JSON does not hold is recomputed and never trusted; a line
 * torn by a killed run or by two runs appending at once is such an entry.
 * When the entries no run used outweigh the used ones, the store is
 * rewritten with the used ones only, atomically.
 */
export class ContentStore implements SectionCache, Fragments {
  /** Entries read from the file: key -> its whole line (checksum, key and JSON), checked when first read. */
  private readonly stored = new Map<string, string>()
  /** Entries this run added: key -> its line, as `stored` holds them (ASCII: half the memory of the JSON it escapes). */
  private readonly added = new Map<string, string>()
  /** Keys this run read or wrote, and the kinds (`section`, `fragment`, ...) it asked for. */
  private readonly used = new Set<string>()
  private readonly kinds = new Set<string>()
  /** Bytes of the file, and whether it must be rewritten (a damaged line, a foreign header). */
  private fileBytes = 0
  private rewrite = false

  private constructor(
    private readonly file: string,
    private readonly header: string
  ) {
    let text: string
    try {
      // The store is ASCII (see `entryLine`), so its bytes are its characters: no UTF-8 to decode.
      text = readFileSync(file, 'latin1')
    } catch {
      return
    }
    this.fileBytes = text.length
    const lines = text.split('\n')
    // The last line of a whole file is empty: each entry ends in a newline.
    if (lines[0] !== header || lines.at(-1) !== '') {
      this.rewrite = true
      if (lines[0] !== header) return
    }
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index] as string
      if (line === '') continue
      const space = line.indexOf(' ', 17)
      if (line[16] !== ' ' || space === -1) {
        this.rewrite = true
        continue
      }
      // The checksum is verified when the entry is read, so that a run pays only for what it uses.
      this.stored.set(line.slice(17, space), line)
    }
  }

  /**
   * The store of this tool's fingerprint for one source in a cache folder.
   * Each source has its own (`source` is its absolute path): two catalogs
   * built in turn from one checkout do not evict each other's entries.
   */
  static open(folder: string, options: {source?: string; fingerprint?: string} = {}): ContentStore {
    const fingerprint = options.fingerprint ?? toolFingerprint()
    const source = createHash('sha256')
      .update(options.source ?? '')
      .digest('hex')
    return new ContentStore(path.join(folder, `store-${fingerprint.slice(0, 16)}-${source.slice(0, 16)}.log`), `catalog-store 1 ${fingerprint}`)
  }

  get(key: string): unknown {
    const name = entryKey(key)
    this.kinds.add(kindOf(name))
    const added = this.added.get(name)
    const json = added === undefined ? this.verified(name) : added.slice(18 + name.length)
    if (json === undefined) return undefined
    try {
      const value = JSON.parse(json) as unknown
      this.used.add(name)
      return value
    } catch {
      this.rewrite = true
      return undefined
    }
  }

  set(key: string, value: unknown): void {
    const name = entryKey(key)
    this.kinds.add(kindOf(name))
    let json: string | undefined
    try {
      json = JSON.stringify(value)
    } catch {
      // A value that cannot be written (too deep to serialise) is simply not kept.
    }
    if (json === undefined) return
    this.added.set(name, entryLine(name, json))
    this.used.add(name)
  }

  /**
   * A rendering (`Fragments`): the stored text for the kind and inputs, else
   * `render`'s, which is stored. A stored value that is no text, or a text
   * that `accept` refuses (a fragment whose text is JSON checks its shape, see
   * `jsonFragment` in @catalog/bibtex), is a miss: rendered again, and the
   * entry replaced.
   */
  fragment(kind: string, inputs: unknown, render: () => string, accept?: (text: string) => boolean): string {
    const key = `fragment:${createHash('sha256').update(kind).update('\0').update(JSON.stringify(inputs)).digest('hex')}`
    const cached = this.get(key)
    if (typeof cached === 'string' && (accept === undefined || accept(cached))) return cached
    if (cached !== undefined) this.rewrite = true
    const text = render()
    this.set(key, text)
    return text
  }

  /** The JSON of a stored entry whose line is whole, else undefined (and the file is rewritten at save). */
  private verified(name: string): string | undefined {
    const line = this.stored.get(name)
    if (line === undefined) return undefined
    if (createHash('sha256').update(line.slice(17)).digest('hex').slice(0, 16) !== line.slice(0, 16)) {
      this.stored.delete(name)
      this.rewrite = true
      return undefined
    }
    return line.slice(18 + name.length)
  }

  /**
   * Append what this run added; or, when a line was damaged or the entries
   * of the kinds this run used that it did not use outweigh the rest, write
   * the store afresh with the entries worth keeping. Entries of kinds the run
   * never asked for (the renderers' fragments, for `catalog validate`) are
   * kept. A store that cannot be written is only slower next time.
   */
  async save(): Promise<void> {
    try {
      const keep = [...this.stored].filter(([name]) => !this.added.has(name) && (this.used.has(name) || !this.kinds.has(kindOf(name))))
      const keptBytes = keep.reduce((sum, [, line]) => sum + line.length + 1, 0)
      const compact = this.rewrite || this.fileBytes - keptBytes > keptBytes + (1 << 20)
      if (!compact && this.added.size === 0) return
      await mkdir(path.dirname(this.file), {recursive: true})
      if (compact || this.fileBytes === 0) {
        // Written beside the store, then renamed over it: a reader sees the old store or the new one.
        const temporary = `${this.file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
        try {
          await writeLines(temporary, 'w', [this.header, ...keep.map(([, line]) => line), ...this.added.values()])
          await rename(temporary, this.file)
        } finally {
          await rm(temporary, {force: true})
        }
        await removeOtherStores(path.dirname(this.file), this.file)
      } else {
        // Appended in chunks of whole lines: a run appending at the same time can only put whole lines between them.
        await writeLines(this.file, 'a', this.added.values())
      }
      this.added.clear()
    } catch {
      // Ignored on purpose: the store only saves time.
    }
  }
}

/** Write lines to a file in chunks of about a megabyte, so that a large store is never one string in memory. */
async function writeLines(file: string, flags: 'w' | 'a', lines: Iterable<string>): Promise<void> {
  const handle = await open(file, flags)
  try {
    let chunk: string[] = []
    let size = 0
    for (const line of lines) {
      chunk.push(line, '\n')
      size += line.length + 1
      if (size >= 1 << 20) {
        await handle.write(chunk.join(''), null, 'latin1')
        chunk = []
        size = 0
      }
    }
    if (chunk.length > 0) await handle.write(chunk.join(''), null, 'latin1')
  } finally {
    await handle.close()
  }
}

/**
 * One line of the log. The JSON is written in ASCII, every other character as
 * a `\\u` escape (which JSON.parse reads back as it was): reading the store
 * then needs no UTF-8 decoding, which costs more than the read itself.
 */
function entryLine(name: string, json: string): string {
  const body = `${name} ${json.replace(/[\u0080-\uffff]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)}`
  return `${createHash('sha256').update(body).digest('hex').slice(0, 16)} ${body}`
}

/** A key as the log writes it: keys are `<kind>:<hex>` already; anything else is hashed into one. */
function entryKey(key: string): string {
  return /^[a-z]+:[0-9a-f]{16,}$/.test(key) ? key : `other:${createHash('sha256').update(key).digest('hex')}`
}

function kindOf(name: string): string {
  return name.slice(0, name.indexOf(':'))
}

/**
 * How long another store is kept unwritten: a checkout switching between two
 * versions of the tool, or building two sources, keeps them warm.
 */
const otherStoreLifetimeMs = 24 * 60 * 60 * 1000

/**
 * Remove what no run is likely to read again: other stores (another version
 * of the tool, another source) and temporary files of killed runs, when not
 * written for a day, and the section folders of the cache this store replaced.
 */
async function removeOtherStores(folder: string, ours: string): Promise<void> {
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name)
    if (full === ours) continue
    if (/^sections-[0-9a-f]{16}$/.test(name)) await rm(full, {recursive: true, force: true})
    else if (/^store-[0-9a-f-]+\.log(?:\.[0-9]+-[0-9a-f]+\.tmp)?$/.test(name) && Date.now() - statSync(full).mtimeMs > otherStoreLifetimeMs) {
      await rm(full, {force: true})
    }
  }
}
