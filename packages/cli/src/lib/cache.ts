import {mkdir, readFile, rename, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {cacheSalt, type SectionCache} from '@catalog/parser'


/**
 * A parse cache backed by one JSON file per code version (the salt names
 * the file, so a parser or remark upgrade starts afresh). Entries not used by
 * a run are dropped when it saves, so the file tracks the current source.
 */
export class FileSectionCache implements SectionCache {
  private readonly stored = new Map<string, unknown>()
  private readonly used = new Map<string, unknown>()
  private changed = false

  private constructor(private readonly file: string) {}

  static async open(folder: string): Promise<FileSectionCache> {
    const cache = new FileSectionCache(path.join(folder, `sections-${cacheSalt()}.json`))
    try {
      const entries = JSON.parse(await readFile(cache.file, 'utf8')) as Record<string, unknown>
      for (const [key, nodes] of Object.entries(entries)) cache.stored.set(key, nodes)
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return cache
  }

  get(key: string): unknown {
    const value = this.stored.get(key)
    if (value !== undefined) this.used.set(key, value)
    return value
  }

  set(key: string, value: unknown): void {
    this.used.set(key, value)
    this.changed = true
  }

  /** Write the entries this run used, atomically; a cache that cannot be written is only slower next time. */
  async save(): Promise<void> {
    if (!this.changed && this.used.size === this.stored.size) return
    try {
      await mkdir(path.dirname(this.file), {recursive: true})
      const temporary = `${this.file}.${process.pid}.tmp`
      await writeFile(temporary, JSON.stringify(Object.fromEntries(this.used)))
      await rename(temporary, this.file)
    } catch {
      // Ignored on purpose: the cache only saves time.
    }
  }
}
