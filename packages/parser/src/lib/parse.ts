import type {Catalog} from '@catalog/schema'
import {unified} from 'unified'
import {VFile} from 'vfile'
import type {ParserOptions} from './build.js'
import {sourceText} from './decode.js'
import {detectMojibake} from './encoding.js'
import {checkLimits, defaultLimits, type Limits} from './limits.js'
import {hasErrors, report} from './messages.js'
import {remarkCatalog} from './plugin.js'
import {sectionReader} from './records.js'
import {parseIncrementally, type SectionReader} from './sections.js'

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
  const limits: Limits = {...defaultLimits, ...options.limits}
  const size = typeof file.value === 'string' ? Buffer.byteLength(file.value) : file.value.byteLength
  if (size > limits.maxBytes) {
    report(file, 'error', 'source-too-large', `the source is ${size} bytes; the limit is ${limits.maxBytes}`, {line: 1, column: 1})
    return {file}
  }
  const decoded = sourceText(file.value)
  if (!decoded.ok) {
    report(file, 'error', decoded.ruleId, decoded.reason, {line: decoded.line, column: decoded.column})
    return {file}
  }
  file.value = decoded.text
  const text = file.value
  if (text.trim() === '') {
    report(file, 'error', 'empty-file', text === '' ? 'the file is empty' : 'the file holds only white space', {line: 1, column: 1})
    return {file}
  }
  const overLimits = checkLimits(text, limits)
  if (overLimits.length > 0) {
    for (const problem of overLimits) report(file, 'error', problem.ruleId, problem.reason, {line: problem.line, column: problem.column})
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
  // Parsed section by section, so that a cache can serve the unchanged ones; a dataset's section and the
  // comparison's stand in the tree as their records (see `readSectionRecord`), which is what the cache keeps.
  const tree = parseIncrementally(text, options.cache, sectionReader as SectionReader<unknown>)
  unified().use(remarkCatalog, options).runSync(tree, file)
  const catalog = file.data.catalog
  return hasErrors(file) || !catalog ? {file} : {catalog, file}
}

/** Parse text or bytes from a path (the path only names the file in messages). */
export function parseCatalogSource(value: string | Uint8Array, path: string, options: ParserOptions = {}): ParseResult {
  return parseCatalog(new VFile({path, value}), options)
}
