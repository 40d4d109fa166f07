import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parseArgs} from 'node:util'
import {type TranslationLock, translationStatus} from '@catalog/i18n'
import {checkCatalog} from '@catalog/parser'
import {validateCatalog} from '@catalog/schema'
import {commonHelp, commonOptions, exitCodes, type Io, outOption, printDiagnostics, readReporter, UsageError} from '../cli-kit.js'
import type {Diagnostic} from '../diagnostics.js'
import {renderOutputs} from '../outputs.js'
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
  const diagnostics = findings.map((finding) => ({...at(finding.ruleId, `${finding.pointer}: ${finding.message}`), severity: finding.severity}))
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
