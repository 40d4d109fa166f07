import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {type TranslationLock, translationStatus} from '@catalog/i18n'
import {formatSource} from '@catalog/markdown'
import {checkCatalog, parseCatalogSource} from '@catalog/parser'
import type {Catalog} from '@catalog/schema'
import {validateCatalog} from '@catalog/schema'
import {commonHelp, commonOptions, exitCodes, type Io, outOption, printDiagnostics, readReporter, UsageError} from '../cli-kit.js'
import type {Diagnostic} from '../diagnostics.js'
import {outputChecks, renderOutputs} from '../outputs.js'
import {readLockFile} from '../read.js'
import {writeOutputsAtomically} from '../write.js'

export const help = `Usage: catalog render --data FILE.json [--out DIR] [--lock FILE] [--reporter NAME]

Validate a catalog JSON against the schema and the catalog's rules, then render
every output from it alone into DIR, atomically, as \`catalog build\` does from
the source. A script can edit the JSON and regenerate everything.

  --data FILE      the catalog JSON (e.g. dist/datasets.json, edited)
  --out DIR        the output folder (default: dist)
  --lock FILE      a translation lock for dist/i18n-status.json (default: none)
${commonHelp}`

export async function renderCommand(args: readonly string[], io: Io): Promise<number> {
  const {values} = parseArgs({
    args: [...args],
    options: {...commonOptions, ...outOption, data: {type: 'string'}, lock: {type: 'string'}},
    allowPositionals: false,
    strict: true
  })
  if (values.help) {
    io.stdout(help)
    return exitCodes.ok
  }
  const reporter = readReporter(values.reporter)
  const dataPath = values.data
  if (dataPath === undefined) throw new UsageError('render needs --data FILE.json')
  const fail = (diagnostics: Diagnostic[]): number => {
    printDiagnostics(diagnostics, reporter, io)
    return exitCodes.problems
  }
  const at = (ruleId: string, message: string): Diagnostic => ({file: dataPath, line: 1, column: 1, severity: 'error', ruleId, message})
  let value: unknown
  try {
    value = JSON.parse(await readFile(path.resolve(io.cwd, dataPath), 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return fail([at(code ? 'unreadable-file' : 'invalid-json', code === 'ENOENT' ? 'cannot read the catalog: no such file' : `cannot read the catalog: ${(error as Error).message}`)])
  }
  // The schema first: the catalog's own rules assume its shape.
  const validation = validateCatalog(value)
  if (!validation.valid) return fail(validation.violations.map((violation) => at('schema', violation.message)))
  const catalog = validation.catalog
  const findings = checkCatalog(catalog)
  if (!findings.some((finding) => finding.severity === 'error')) findings.push(...outputChecks.flatMap((check) => check(catalog)))
  const diagnostics: Diagnostic[] = findings.map((finding) => ({...at(finding.ruleId, `${finding.pointer}: ${finding.message}`), severity: finding.severity}))
  const roundTrip = roundTripProblem(catalog)
  if (roundTrip) diagnostics.push(at('render-round-trip', roundTrip))
  if (diagnostics.some((d) => d.severity === 'error') || (values.strict && diagnostics.length > 0)) return fail(diagnostics)
  printDiagnostics(diagnostics, reporter, io)
  let lock: TranslationLock | undefined
  if (values.lock !== undefined) {
    const lockFile = await readLockFile(values.lock, io.cwd)
    if (lockFile.diagnostic) return fail([lockFile.diagnostic])
    lock = lockFile.lock
  }
  const outputs = renderOutputs(catalog, {translationStatus: translationStatus(catalog, lock)})
  await writeOutputsAtomically(path.resolve(io.cwd, values.out), outputs)
  if (reporter === 'text') io.stderr(`catalog: rendered ${outputs.size} files to ${values.out} from ${dataPath} (${catalog.datasets.length} datasets)\n`)
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
  if (error || !parsed) return `the regenerated markdown does not parse back: ${error?.reason ?? 'no catalog'} (README.md line ${error?.line ?? 1})`
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
