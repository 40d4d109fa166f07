/**
 * Where a renderer keeps, between runs, what it renders per dataset: a page
 * card, a markdown block, a BibTeX entry. `kind` names the renderer and the
 * fragment (`markdown/dataset`); `inputs` is everything the fragment shows,
 * as plain JSON. The store answers with the text rendered before for the same
 * kind and the same inputs by the same code (it is salted by the tool's
 * fingerprint), or calls `render` and keeps its text. So a renderer must pass
 * as `inputs` every value `render` reads: a view model the template prints
 * is the surest such key.
 */
export interface Fragments {
  /**
   * `accept`, where given, says whether a stored text can be what `render` made: a stored text it refuses
   * (the store is a file anyone can edit) is a miss, rendered again and kept in its place.
   */
  fragment(kind: string, inputs: unknown, render: () => string, accept?: (text: string) => boolean): string
}

/** No store: every fragment is rendered. */
export const renderEveryTime: Fragments = {fragment: (_kind, _inputs, render) => render()}
