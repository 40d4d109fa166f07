import {
  commonHelp,
  commonOptions,
  exitCodes,
  type Io,
  outOption,
  pathOption,
  readReporter,
  sourceFiles,
  sourceOption,
  UsageError,
  parseCommand
} from '../cli-kit.js'
import {resolveOutFolder} from '../out-folder.js'
import {watchCatalog, type WatchOptions} from '../watch.js'
import {runCatalogCommand} from './build.js'

export const help = `Usage: catalog watch [--source FILE] [--out DIR] [--debounce MS] [--reporter NAME] [--strict]

Build once, then again each time FILE is saved, printing each build's
diagnostics and how long it took. A build with errors writes nothing, so DIR
keeps the previous output, and watching goes on. A burst of saves builds once.
Stop with Ctrl-C (exit code 0). Only FILE is watched: after changing the
catalog tool itself, restart the command.

  --source FILE    the catalog source (default: source/datasets.md)
  --out DIR        the output folder (default: dist)
  --debounce MS    quiet time after a save before building (default: 150)
${commonHelp}`

/** `catalog watch`; `stop` lets a test end it without a signal. */
export async function watchCommand(args: readonly string[], io: Io, stop: Pick<WatchOptions, 'signal' | 'signals'> = {}): Promise<number> {
  const options = {...commonOptions, ...sourceOption, ...outOption, debounce: {type: 'string', default: '150'}} as const
  const parsed = parseCommand(args, options, help, io)
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  readReporter(values.reporter)
  const debounceMs = Number(values.debounce)
  if (!/^\d+$/.test(values.debounce) || debounceMs > 60_000) throw new UsageError(`--debounce takes milliseconds from 0 to 60000, not "${values.debounce}"`)
  // What the command line gets wrong is said once, with exit 2, before watching: no save could put it right.
  pathOption(values.source, '--source')
  pathOption(values.out, '--out')
  await resolveOutFolder(values.out, io.cwd, sourceFiles(values.source))
  // Each build is exactly `catalog build` with the same options, so watch and build never disagree.
  const buildArgs = ['--source', values.source, '--out', values.out, '--reporter', values.reporter]
  if (values.strict) buildArgs.push('--strict')
  if (!values.cache) buildArgs.push('--no-cache')
  return watchCatalog({source: values.source, debounceMs, ...stop}, io, () => runCatalogCommand('build', buildArgs, io))
}
