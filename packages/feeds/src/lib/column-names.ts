/**
 * Hands out column names. A key's columns are `<key>_<suffix>` with hyphens
 * turned into underscores; when one of them is taken (a fact and a list
 * both called `Diagnostic Categories`, or a fact called `Title`), the whole
 * group gets its section as a prefix (`list_diagnostic_categories_en`), then
 * a number, so names stay unique and a group stays together.
 */
export class NameAllocator {
  readonly #taken = new Set<string>()
  readonly #reserved = new Set<string>()

  /** Keep a name free for a fixed column added later. */
  reserve(name: string): void {
    this.#reserved.add(name)
  }

  take(name: string): void {
    if (this.#taken.has(name)) throw new Error(`column "${name}" is given twice`)
    this.#taken.add(name)
  }

  #isTaken(name: string): boolean {
    return this.#taken.has(name) || this.#reserved.has(name)
  }

  allocate(key: string, section: string, suffixes: readonly string[]): {base: string; renamedFrom?: string} {
    const wanted = key.replaceAll('-', '_')
    const candidates = [wanted, `${section}_${wanted}`]
    for (let attempt = 0; ; attempt++) {
      const base = candidates[attempt] ?? `${section}_${wanted}_${attempt}`
      const free = suffixes.every((suffix) => !this.#isTaken(`${base}_${suffix}`))
      if (free) return base === wanted ? {base} : {base, renamedFrom: wanted}
    }
  }
}
