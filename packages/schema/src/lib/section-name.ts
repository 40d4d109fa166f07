import type {Dataset} from './types.js'

/**
 * A dataset's sections by name, as `dataset.sections` lists them: one of the
 * five fixed sections, or `lists/N` for the Nth titled list. The one place
 * that reads or writes such a name.
 */
export type SectionName = 'description' | 'facts' | 'tasks' | 'access' | 'citation' | `lists/${number}`

/** A section of a dataset, whichever it is. */
export type Section = NonNullable<
  Dataset['description'] | Dataset['facts'] | Dataset['tasks'] | Dataset['access'] | Dataset['citation'] | Dataset['lists'][number]
>

/** The name of the titled list at `index` of `dataset.lists`. */
export function listSectionName(index: number): SectionName {
  return `lists/${index}`
}

/** The name as it can stand in an HTML id or a file name: `lists/2` gives `lists-2`. */
export function sectionSlug(name: SectionName): string {
  const list = listIndexOf(name)
  return list === undefined ? name : `lists-${list}`
}

/** The index in `dataset.lists` a name stands for, or undefined for a fixed section. */
export function listIndexOf(name: string): number | undefined {
  const match = /^lists\/(\d+)$/.exec(name)
  return match ? Number(match[1]) : undefined
}

/** The section a name stands for, or undefined when the dataset has none such. */
export function sectionOf(dataset: Dataset, name: string): Section | undefined {
  const list = listIndexOf(name)
  if (list !== undefined) return dataset.lists[list]
  switch (name) {
    case 'description':
    case 'facts':
    case 'tasks':
    case 'access':
    case 'citation':
      return dataset[name]
    default:
      return undefined
  }
}

/**
 * The dataset's address: the link of its access entry keyed `url` (the
 * schema requires one for a valid catalog; undefined for a catalog read with
 * errors). The one reading of it that the BibTeX `url`, the feed, the CSV and
 * the JSON-LD share.
 */
export function datasetUrl(dataset: Dataset): string | undefined {
  return dataset.access.items.find((item) => item.key === 'url' && item.url !== undefined)?.url
}
