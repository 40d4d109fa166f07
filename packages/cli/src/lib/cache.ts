import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import {mkdir, rm} from 'node:fs/promises'
import path from 'node:path'
import type {SectionCache} from '@catalog/parser'
import {writeFileAtomically} from './files.js'
import {toolFingerprint} from './fingerprint.js'

/**
 * A parse cache kept as one small JSON file per entry, in a folder per
 * version of the tool (its fingerprint, which covers the compiled code and the
 * lock file, names the folder, so a parser or micromark upgrade starts
 * afresh). The parser checks what it gets against the text it parses; this
 * class only stores. A run reads only the entries it asks for and writes only the ones
 * it adds: after a one-dataset edit that is one file, not the whole cache.
 * Each `get` parses the file anew, so the caller owns what it gets (the
 * parser moves positions in place); `set` serialises at once, so the caller
 * may change the value afterwards.
 */
export class FileSectionCache implements SectionCache {
  private readonly added = new Map<string, string>()
  private readonly used = new Set<string>()
  /** The entries on disk when the cache was opened: one listing, so that a missing entry costs no failed read. */
  private readonly stored: ReadonlySet<string>

  private constructor(private readonly folder: string) {
    let names: string[] = []
    try {
      names = readdirSync(folder)
    } catch {
      // No cache yet.
    }
    this.stored = new Set(names)
  }

  static open(folder: string): FileSectionCache {
    return new FileSectionCache(path.join(folder, `sections-${toolFingerprint().slice(0, 16)}`))
  }

  get(key: string): unknown {
    const name = entryName(key)
    let text = this.added.get(name)
    if (text === undefined) {
      if (!this.stored.has(name)) return undefined
      try {
        text = readFileSync(path.join(this.folder, name), 'utf8')
      } catch {
        return undefined
      }
    }
    try {
      const value = JSON.parse(text) as unknown
      this.used.add(name)
      return value
    } catch {
      // A torn or foreign file: parse afresh, and `set` replaces it.
      return undefined
    }
  }

  set(key: string, value: unknown): void {
    const name = entryName(key)
    let text: string
    try {
      text = JSON.stringify(value)
    } catch {
      // A value that cannot be written (too deep to serialise) is simply not kept.
      return
    }
    this.added.set(name, text)
    this.used.add(name)
  }

  /**
   * Write the new entries, each atomically (a temporary file, then a rename),
   * and drop unused ones once they outnumber the used ones, so that the
   * folder follows the source without forgetting the last few edits. A cache
   * that cannot be written is only slower next time.
   */
  async save(): Promise<void> {
    try {
      if (this.added.size > 0) {
        await mkdir(this.folder, {recursive: true})
        await Promise.all([...this.added].map(([name, text]) => writeFileAtomically(path.join(this.folder, name), text)))
        this.added.clear()
      }
      const unused = [...this.stored].filter((name) => !this.used.has(name))
      if (unused.length > this.used.size + 64) await Promise.all(unused.map((name) => rm(path.join(this.folder, name), {force: true})))
    } catch {
      // Ignored on purpose: the cache only saves time.
    }
  }
}

/** A file name for a key: keys are hashes already, but may hold characters no file system takes. */
function entryName(key: string): string {
  return /^[a-z]+:[0-9a-f]{16,}$/.test(key) ? `${key.replace(':', '-')}.json` : `${createHash('sha256').update(key).digest('hex')}.json`
}
