// citation-js ships no type declarations: these cover the part this package uses.
declare module '@citation-js/core' {
  /** One CSL-JSON item: `id` and `type` always, the CSL variables besides. */
  export interface CslItem {
    id: string
    type: string
    [variable: string]: unknown
  }

  export interface InputOptions {
    /** Keep the `_graph` record of how the input was parsed (default true). */
    generateGraph?: boolean
    /** Parse as this input type instead of guessing it. */
    forceType?: string
  }

  export const plugins: {
    input: {
      /** Parse input synchronously into CSL-JSON items. */
      chain(input: unknown, options?: InputOptions): CslItem[]
    }
    config: {
      /** A plugin's configuration: `@bibtex` for @citation-js/plugin-bibtex. */
      get(plugin: string): unknown
    }
  }

  export class Cite {
    constructor(data: unknown, options?: InputOptions)
    data: CslItem[]
    format(format: string, options?: Record<string, unknown>): string
  }
}

declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-csl'
