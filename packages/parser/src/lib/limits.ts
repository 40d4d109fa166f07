import type {Limits} from '@catalog/schema'
import {indentation, TopLevelBlocks} from './blocks.js'
import {splitSections} from './sections.js'

/** The limits and their defaults are declared in `@catalog/schema`, beside the rules they raise. */
export {defaultLimits, type Limits} from '@catalog/schema'

export interface LimitProblem {
  ruleId: string
  reason: string
  line: number
  column: number
}

const markupCharacters = /[*_~`[\]<>&\\!]/g
/** Lines that start a block which ends any paragraph before it (and is an inline context of its own, or starts one). */
const paragraphBreak = /^(?:#{1,6}(?:[ \t]|$)|[-*+][ \t]+\S|1[.)][ \t]+\S)/
const atxHeading = /^#{1,6}(?:[ \t]|$)/
const datasetHeading = /^###[ \t]/
const delimiterRow = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

/**
 * Every limit the source breaks, each once, at the first line that breaks
 * it. The byte size is the caller's to check, on the bytes.
 */
export function checkLimits(text: string, limits: Limits): LimitProblem[] {
  const problems: LimitProblem[] = []
  // A final line break ends the last line; it does not start another.
  let lineCount = text.endsWith('\n') ? 0 : 1
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lineCount++
  if (lineCount > limits.maxLines) {
    // Refused on the count alone: nothing else is read of a source this long.
    return [{ruleId: 'too-many-lines', reason: `the source has ${lineCount} lines; the limit is ${limits.maxLines}`, line: limits.maxLines + 1, column: 1}]
  }
  const lines = text.split('\n')
  if (text.endsWith('\n')) lines.pop()
  // What each line holds, for the sections' sums.
  const markersOf = new Uint32Array(lines.length)
  const markupOf = new Uint32Array(lines.length)
  const seen = new Set<string>()
  const flag = (ruleId: string, reason: string, line: number, column = 1): void => {
    if (seen.has(ruleId)) return
    seen.add(ruleId)
    problems.push({ruleId, reason, line, column})
  }
  const blocks = new TopLevelBlocks()
  let blankRun = 0
  let markup = 0
  let listItems = 0
  let datasets = 0
  // micromark's cost for a paragraph grows faster than its markup (emphasis nests, links are resolved across it).
  const paragraph = {mode: 'none' as 'none' | 'paragraph' | 'table', start: 0, markup: 0}
  const addMarkup = (count: number, line: number): void => {
    paragraph.markup += count
    if (paragraph.markup > limits.maxParagraphMarkup) {
      flag(
        'too-much-markup-in-paragraph',
        `the paragraph that starts at line ${paragraph.start} holds more than ${limits.maxParagraphMarkup} markup characters (\`*\`, \`_\`, \`~\`, backticks, brackets, \`<\`, \`>\`, \`&\`, \`\\\\\`, \`!\`); the limit is ${limits.maxParagraphMarkup} per paragraph`,
        line
      )
    }
  }

  lines.forEach((line, index) => {
    const number = index + 1
    checkLineLength(line, number, limits, flag)
    const kind = blocks.next(line, number)
    blankRun = kind === 'blank' ? blankRun + 1 : 0
    if (blankRun > limits.maxBlankLines)
      flag(
        'too-many-blank-lines',
        `more than ${limits.maxBlankLines} blank lines in a row; the limit is ${limits.maxBlankLines}`,
        number - limits.maxBlankLines
      )
    // Code and raw HTML are not read as markdown, unless the top level is uncertain: then every line counts.
    const verbatim = !blocks.uncertain && (kind === 'inside' || kind === 'opener')
    if (kind === 'blank' || verbatim) {
      paragraph.mode = 'none'
      return
    }
    const {columns, rest} = indentation(line)
    if (columns <= 3 && datasetHeading.test(rest) && ++datasets > limits.maxDatasets) {
      flag('too-many-datasets', `the source has more than ${limits.maxDatasets} level-3 headings; the limit is ${limits.maxDatasets} datasets`, number)
    }
    const {depth, markers, content} = containers(columns, rest)
    if (depth > limits.maxDepth) {
      flag(
        'nesting-too-deep',
        `this line nests lists or block quotes ${depth} deep (two columns of indentation count as one level); the limit is ${limits.maxDepth}`,
        number
      )
    }
    listItems += markers
    markersOf[index] = markers
    if (listItems > limits.maxListItems)
      flag(
        'too-many-list-items',
        `the source has more than ${limits.maxListItems} list items and block quote markers; the limit is ${limits.maxListItems}`,
        number
      )
    // The markers in front are containers, not inline markup.
    const marks = content.match(markupCharacters)?.length ?? 0
    markup += marks
    markupOf[index] = marks
    if (markup > limits.maxMarkup) {
      flag(
        'too-much-markup',
        `the source holds more than ${limits.maxMarkup} markup characters (\`*\`, \`_\`, \`~\`, backticks, brackets, \`<\`, \`>\`, \`&\`, \`\\\\\`, \`!\`) outside code blocks; the limit is ${limits.maxMarkup}`,
        number
      )
    }
    // A paragraph is one inline context; a table row, a heading and each list item are others.
    const startsBlock = columns <= 3 && paragraphBreak.test(rest)
    if (paragraph.mode === 'table' && !startsBlock) {
      paragraph.start = number
      paragraph.markup = 0
      addMarkup(marks, number)
      return
    }
    if (paragraph.mode === 'none' || startsBlock) {
      paragraph.mode = paragraph.mode === 'none' && isTableHeader(line, lines[index + 1]) ? 'table' : 'paragraph'
      paragraph.start = number
      paragraph.markup = 0
    }
    addMarkup(marks, number)
    if (columns <= 3 && atxHeading.test(rest)) paragraph.mode = 'none'
  })

  for (const section of splitSections(text).sections) {
    const count = section.text.split('\n').length - (section.text.endsWith('\n') ? 1 : 0)
    const first = section.line + 1
    const sum = (values: Uint32Array): number => values.subarray(section.line, section.line + count).reduce((total, value) => total + value, 0)
    const measures: Array<[string, number, number]> = [
      ['lines', count, limits.maxSectionLines],
      ['list items and block quote markers', sum(markersOf), limits.maxSectionListItems],
      ['inline markup characters', sum(markupOf), limits.maxSectionMarkup]
    ]
    const over = measures.find(([, value, limit]) => value > limit)
    // A line or paragraph over its own limit is the one slip to report; its section adds nothing.
    if (!over || problems.some((problem) => problem.line >= first && problem.line < first + count)) continue
    const [what, value, limit] = over
    const why =
      blocks.uncertain && blocks.uncertain.line >= first ? ` (no heading after line ${blocks.uncertain.line} is cut at: ${blocks.uncertain.reason})` : ''
    flag(
      'section-too-long',
      `the section at lines ${first} to ${first + count - 1} holds ${value} ${what}; the limit is ${limit} a section (a section runs from a heading after a blank line to the next such heading${why}): split it with headings`,
      first
    )
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}

function checkLineLength(line: string, number: number, limits: Limits, flag: (ruleId: string, reason: string, line: number, column?: number) => void): void {
  // A line has at least as many UTF-16 units as characters: only a long one needs counting.
  if (line.length <= limits.maxLineLength) return
  let characters = 0
  let column = 0
  for (let offset = 0; offset < line.length; offset += (line.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1) {
    characters++
    if (characters === limits.maxLineLength + 1) column = offset + 1
  }
  if (characters > limits.maxLineLength)
    flag('line-too-long', `line ${number} is ${characters} characters long; the limit is ${limits.maxLineLength}`, number, column)
}

/**
 * The list and quote markers a line starts with, and how deep it nests:
 * its markers, plus a level for every two columns of leading indentation
 * (the least a nested list item is indented by).
 */
function containers(columns: number, rest: string): {depth: number; markers: number; content: string} {
  let markers = 0
  let remaining = rest
  for (;;) {
    const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))[ \t]*/.exec(remaining)
    if (!marker) return {depth: Math.floor(columns / 2) + markers, markers, content: remaining}
    markers++
    remaining = remaining.slice(marker[0].length)
  }
}

/** A GFM table starts here: a row of cells, then a delimiter row with as many. */
function isTableHeader(line: string, next: string | undefined): boolean {
  // Only a table at the top level: inside a list or a quote, a line after it may be a lazy paragraph line instead of a row.
  if (next === undefined || !line.includes('|') || indentation(line).columns > 1 || /^\s*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])/.test(line)) return false
  const {columns, rest} = indentation(next)
  if (columns > 3 || !rest.includes('|') || !delimiterRow.test(rest)) return false
  return cellCount(line) === cellCount(rest)
}

function cellCount(row: string): number {
  const trimmed = row
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '')
  return trimmed.split(/(?<!\\)\|/).length
}
