import path from 'node:path'
import {formatSource} from '@catalog/markdown'
import {parseCatalogSource, positionOf} from '@catalog/parser'
import {commonHelp, commonOptions, exitCodes, type Io, pathOption, printDiagnostics, readReporter, sourceOption, parseCommand} from '../cli-kit.js'
import {writeFileAtomically} from '../files.js'
import {firstDifference, lostWord} from '../guard.js'
import {readCatalog} from '../read.js'

export const help = `Usage: catalog format [--source FILE] [--check] [--reporter NAME] [--strict]

Parse the source and rewrite it in the canonical form (the form \`catalog build\`
regenerates as dist/README.md): same content, house style. Running it twice
changes nothing. A source with errors, or with comments the canonical form
would drop, is left alone.

  --source FILE    the catalog source (default: source/datasets.md)
  --check          write nothing; exit 1 when the source is not canonical
${commonHelp}`

export async function formatCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, {...commonOptions, ...sourceOption, check: {type: 'boolean', default: false}}, help, io)
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  const reporter = readReporter(values.reporter)
  const sourcePath = pathOption(values.source, '--source')
  const read = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  const {catalog, bytes, vocabulary, file} = read
  // Warnings are \`catalog validate\`'s to say (CI annotates them once, from there); format says them only under --strict, which they fail.
  const diagnostics = values.strict ? read.diagnostics : read.diagnostics.filter((d) => d.severity === 'error')
  const failed = diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)
  if (failed || !catalog || !bytes) {
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const current = bytes.toString('utf8')
  const formatted = formatSource(catalog)
  // The catalog keeps no HTML comment (nor its `catalog-disable` directives): formatting would delete them.
  const comments = (text: string): number => text.split('<!--').length - 1
  if (comments(current) > comments(formatted)) {
    const line = current.slice(0, current.indexOf('<!--')).split('\n').length
    diagnostics.push({
      file: sourcePath,
      line,
      column: 1,
      severity: 'error',
      ruleId: 'format-drops-comments',
      message: 'the canonical form keeps no HTML comments; remove them (or the catalog-disable directives) before formatting'
    })
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  // Before anything is written: the canonical form must keep every word of the source, and read back as the same catalog.
  const lost = lostWord(current, formatted)
  const readBack = parseCatalogSource(formatted, sourcePath, vocabulary ? {vocabulary} : {}).catalog
  const difference = lost ? undefined : firstDifference(catalog, readBack)
  if (lost || difference !== undefined) {
    // At the word lost, else at the source of the first value that would read back otherwise.
    const start = lost ?? positionOf(file?.data.pointers ?? new Map(), difference ?? '')?.start
    const where = {line: start?.line ?? 1, column: start?.column ?? 1}
    const what = lost ? `would lose the word \`${lost.word}\`` : 'would not read back as the same catalog'
    diagnostics.push({
      file: sourcePath,
      ...where,
      severity: 'error',
      ruleId: 'format-loses-text',
      message: `the canonical form ${what}, so the source is left as it was: write that part in the catalog's style`
    })
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const canonical = bytes.equals(Buffer.from(formatted, 'utf8'))
  if (values.check && !canonical) {
    const line = firstDifferentLine(current, formatted)
    const canonicalLine = formatted.split('\n')[line - 1]
    const shown =
      canonicalLine === undefined || canonicalLine === ''
        ? 'a blank line'
        : `\`${canonicalLine.length > 60 ? `${canonicalLine.slice(0, 59)}…` : canonicalLine}\``
    diagnostics.push({
      file: sourcePath,
      line,
      column: 1,
      severity: 'error',
      ruleId: 'not-canonical',
      message: `not in canonical form from here (the canonical form has ${shown}); run \`catalog format --source ${sourcePath}\``
    })
  }
  printDiagnostics(diagnostics, reporter, io)
  if (values.check) {
    if (!canonical) return exitCodes.problems
    if (reporter === 'text') io.stderr(`catalog: ${sourcePath} is in canonical form\n`)
    return exitCodes.ok
  }
  if (canonical) {
    if (reporter === 'text') io.stderr(`catalog: ${sourcePath} is already in canonical form\n`)
    return exitCodes.ok
  }
  await writeFileAtomically(path.resolve(io.cwd, sourcePath), formatted)
  if (reporter === 'text') io.stderr(`catalog: formatted ${sourcePath}\n`)
  return exitCodes.ok
}

/** The first line (1-based) where two texts differ, for pointing at a non-canonical spot. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n')
  const right = b.split('\n')
  const index = left.findIndex((line, position) => line !== right[position])
  return (index === -1 ? Math.min(left.length, right.length) : index) + 1
}
