import {parseArgs} from 'node:util'
import {type TranslationLock, translationStatus} from '@catalog/i18n'
import {formatSource} from '@catalog/markdown'
import {checkCatalog, defaultLimits, parseCatalogSource} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
import {validateCatalog} from '@catalog/schema'
import {
  commonHelp,
  commonOptions,
  exitCodes,
  forceHelp,
  forceOption,
  type Io,
  outOption,
  pathOption,
  printDiagnostics,
  readReporter,
  UsageError
} from '../cli-kit.js'
import type {Diagnostic} from '../diagnostics.js'
import {readInput} from '../inputs.js'
import {assertReplaceable, resolveOutFolder} from '../out-folder.js'
import {outputChecks, renderOutputs} from '../outputs.js'
import {readLockFile} from '../read.js'
import {writeOutputsAtomically} from '../write.js'

export const help = `Usage: catalog render --data FILE.json [--out DIR] [--lock FILE] [--force] [--reporter NAME]

Validate a catalog JSON against the schema and the catalog's rules, then render
every output from it alone into DIR, atomically, as \`catalog build\` does from
the source. A script can edit the JSON and regenerate everything. DIR is
guarded as by \`catalog build\`.

  --data FILE      the catalog JSON (e.g. dist/datasets.json, edited)
  --out DIR        the output folder (default: dist)
  --lock FILE      a translation lock for dist/i18n-status.json (default: none)
${forceHelp}${commonHelp}`

export async function renderCommand(args: readonly string[], io: Io): Promise<number> {
  const {values} = parseArgs({
    args: [...args],
    options: {...commonOptions, ...outOption, ...forceOption, data: {type: 'string'}, lock: {type: 'string'}},
    allowPositionals: false,
    strict: true
  })
  if (values.help) {
    io.stdout(help)
    return exitCodes.ok
  }
  const reporter = readReporter(values.reporter)
  if (values.data === undefined) throw new UsageError('render needs --data FILE.json')
  const dataPath = pathOption(values.data, '--data')
  const outPath = pathOption(values.out, '--out')
  const protectedPaths = [{path: dataPath, what: 'the catalog JSON'}, ...(values.lock === undefined ? [] : [{path: values.lock, what: 'the translation lock'}])]
  const folder = await resolveOutFolder(outPath, io.cwd, protectedPaths)
  const fail = (diagnostics: Diagnostic[]): number => {
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const at = (ruleId: string, message: string): Diagnostic => ({file: dataPath, line: 1, column: 1, severity: 'error', ruleId, message})
  // A catalog's JSON is a few times its markdown: the same bound, four times over.
  const read = await readInput(dataPath, io.cwd, 'the catalog JSON', 4 * defaultLimits.maxBytes)
  if ('diagnostic' in read) return fail([read.diagnostic])
  let value: unknown
  try {
    value = JSON.parse(read.bytes.toString('utf8'))
  } catch (error) {
    return fail([at('invalid-json', `the catalog JSON is not JSON: ${(error as Error).message}`)])
  }
  // The schema first: the catalog's own rules assume its shape.
  const validation = validateCatalog(value)
  if (!validation.valid) return fail(validation.violations.map((violation) => at('schema', violation.message)))
  const catalog = validation.catalog
  const findings = checkCatalog(catalog)
  const diagnostics: Diagnostic[] = findings.map((finding) => ({...at(finding.ruleId, `${finding.pointer}: ${finding.message}`), severity: finding.severity}))
  // Then the markdown it regenerates must read back as the same catalog, within the parser's limits, before any
  // renderer reads its texts: what the source could not hold, the JSON may not smuggle into an output.
  if (!diagnostics.some((d) => d.severity === 'error')) {
    const roundTrip = roundTripProblem(catalog)
    if (roundTrip) diagnostics.push(at('render-round-trip', roundTrip))
  }
  if (!diagnostics.some((d) => d.severity === 'error')) {
    diagnostics.push(...outputChecks.flatMap((check) => check(catalog)).map((finding) => ({...at(finding.ruleId, `${finding.pointer}: ${finding.message}`), severity: finding.severity})))
  }
  if (diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)) return fail(diagnostics)
  printDiagnostics(diagnostics, reporter, io)
  let lock: TranslationLock | undefined
  if (values.lock !== undefined) {
    const lockFile = await readLockFile(values.lock, io.cwd)
    if (lockFile.diagnostic) return fail([lockFile.diagnostic])
    lock = lockFile.lock
  }
  const outputs = renderOutputs(catalog, {translationStatus: translationStatus(catalog, lock)})
  assertReplaceable(folder, outPath, outputs, values.force)
  await writeOutputsAtomically(folder, outputs, {onWarning: (message) => io.stderr(`catalog: ${message}\n`)})
  if (reporter === 'text') io.stderr(`catalog: rendered ${outputs.size} files to ${outPath} from ${dataPath} (${catalog.datasets.length} datasets)\n`)
  return exitCodes.ok
}

/**
 * A catalog edited as JSON must read back from the markdown it regenerates:
 * text that would start a new block (a blank line, a raw HTML block, a heading)
 * inside a field, or anything else the parser would read differently, is
 * refused here rather than smuggled into the documents.
 */
function roundTripProblem(catalog: Catalog): string | undefined {
  const {catalog: parsed, file} = parseCatalogSource(formatSource(catalog), 'README.md')
  const error = file.messages.find((message) => message.fatal)
  if (error || !parsed) return `the regenerated markdown does not parse back: ${error?.reason ?? 'no catalog'} [${error?.ruleId ?? 'unknown'}] (README.md line ${error?.line ?? 1})`
  const difference = firstDifference(catalog, parsed, '')
  return difference === undefined ? undefined : `${difference} reads back differently from the regenerated markdown; a text field holds markup that starts another block`
}

/** The JSON pointer of the first place where two JSON values differ. */
function firstDifference(a: unknown, b: unknown, pointer: string): string | undefined {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b) ? undefined : pointer || '/'
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) {
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${pointer}/${key}`)
    if (found !== undefined) return found
  }
  return undefined
}
