export {renderFeeds, type FeedFiles} from './lib/render.js'
export {defaultFreeAccessTerms, type FeedOptions} from './lib/options.js'
export {
  csvColumns,
  csvRows,
  listSeparator,
  valueParts,
  type Cell,
  type ColumnSource,
  type ColumnType,
  type CsvColumn,
  type QuantityPart
} from './lib/columns.js'
export {renderCsv, lineTerminators, type CsvFlavour} from './lib/csv.js'
export {formulaTriggers, isPlainNumber, needsNeutralising, neutraliseFormula, restoreFormula} from './lib/formula.js'
export {buildDataPackage, type TableSchemaField} from './lib/datapackage.js'
export {buildFeed, feedSchemaVersion, type Feed, type FeedDataset} from './lib/feed.js'
export {buildJsonLd, type LanguageValue, type LocalizedValue} from './lib/jsonld.js'
export {jsonForScript} from './lib/json-for-html.js'
export {freeAccessEvidence, type FreeAccessEvidence} from './lib/free-access.js'
export {canonicalJson, hashCatalog, hashSource} from './lib/hash.js'
export {checkFeeds, excelCellLimit} from './lib/check.js'
