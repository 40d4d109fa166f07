import type {Catalog} from '@catalog/schema'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {ParserOptions} from './build.js'
import {decodeSource} from './decode.js'
import {detectMojibake} from './encoding.js'
import {hasErrors, report} from './messages.js'
import {remarkCatalog} from './plugin.js'

export interface ParseResult {
  /** The catalog, when the source has no errors. */
  catalog?: Catalog
  /** The file, with every problem as a message. */
  file: VFile
}

/**
 * Parse a catalog source. `file.value` may hold the raw bytes (decoded here,
 * with binary files, invalid UTF-8 and mojibake refused) or text. Every
 * problem lands on `file.messages`; the catalog is returned only when none of
 * them is an error.
 */
export function parseCatalog(file: VFile, options: ParserOptions = {}): ParseResult {
  if (typeof file.value !== 'string') {
    const decoded = decodeSource(file.value)
    if (!decoded.ok) {
      report(file, 'error', decoded.ruleId, decoded.reason, {line: decoded.line, column: decoded.column})
      return {file}
    }
    file.value = decoded.text
  }
  if (file.value.charCodeAt(0) === 0xfeff) file.value = file.value.slice(1)
  const text = file.value
  if (text.trim() === '') {
    report(file, 'error', 'empty-file', text === '' ? 'the file is empty' : 'the file holds only white space', {line: 1, column: 1})
    return {file}
  }
  const damage = detectMojibake(text)
  if (damage) {
    report(
      file,
      'error',
      'encoding',
      `the text is UTF-8 that was decoded as ${damage.encodingName} and saved again ("${damage.damaged}" should read "${damage.repaired}"); run \`catalog fix-encoding ${file.path || 'FILE'} --write\``,
      damage.point
    )
    return {file}
  }
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkCatalog, options)
  processor.runSync(processor.parse(file), file)
  const catalog = file.data.catalog
  return hasErrors(file) || !catalog ? {file} : {catalog, file}
}

/** Parse text or bytes from a path (the path only names the file in messages). */
export function parseCatalogSource(value: string | Uint8Array, path: string, options: ParserOptions = {}): ParseResult {
  return parseCatalog(new VFile({path, value}), options)
}
