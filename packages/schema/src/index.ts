export {catalogSchema} from './lib/catalog-schema.js'
export {validateCatalog, type SchemaViolation} from './lib/validate.js'
export type * from './lib/types.js'
export type {Finding} from './lib/finding.js'
