import type {FromSchema} from 'json-schema-to-ts'
import type {catalogSchema, sectionNamePattern} from './catalog-schema.js'
import type {SectionName} from './section-name.js'
import type {vocabularySchema} from './vocabulary-schema.js'

/**
 * A validated catalog, derived from the JSON Schema (never written by hand). A string of the section-name
 * pattern is read as the `SectionName` it must be, so that no one parses `lists/N` by hand.
 */
export type Catalog = FromSchema<typeof catalogSchema, {deserialize: [{pattern: {type: 'string'; pattern: typeof sectionNamePattern}; output: SectionName}]}>
export type Dataset = Catalog['datasets'][number]
export type Category = Catalog['categories'][number]
export type Language = Catalog['languages'][number]
export type Fact = Dataset['facts']['items'][number]
export type AccessItem = Dataset['access']['items'][number]
export type TitledList = Dataset['lists'][number]
export type Citation = NonNullable<Dataset['citation']>
export type Quantity = NonNullable<Fact['quantity']>
export type Comparison = NonNullable<Catalog['comparison']>
export type Resources = NonNullable<Catalog['resources']>
/** Text per language code. */
export type LocalizedText = Dataset['title']
/** Ordered texts per language code. */
export type LocalizedList = Comparison['columns']
/** The vocabulary of labels (source/vocabulary.json). */
export type Vocabulary = FromSchema<typeof vocabularySchema>
export type VocabularyLabel = Vocabulary['labels'][number]
