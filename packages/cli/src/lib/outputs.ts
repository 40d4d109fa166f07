import {type Catalog, catalogSchema} from '@catalog/schema'

/** Every file `catalog build` writes, by path relative to the output folder. */
export type Outputs = Map<string, string>

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}

/**
 * Render every output of the catalog in memory. Renderers return strings;
 * only the CLI writes them, all at once.
 */
export function renderOutputs(catalog: Catalog): Outputs {
  return new Map([
    ['datasets.json', json(catalog)],
    ['schema.json', json(catalogSchema)]
  ])
}
