import {createHash} from 'node:crypto'
import {type FSWatcher, watch} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import type {Io} from './cli-kit.js'

export interface WatchOptions {
  /** The catalog source, relative to `io.cwd`. */
  source: string
  /** Quiet time after the last change before a rebuild, in milliseconds (default 150): an editor's burst of saves builds once. */
  debounceMs?: number
  /** Stops watching when aborted; the promise then resolves with 0. */
  signal?: AbortSignal
  /** Where SIGINT and SIGTERM come from (default `process`); a test passes its own emitter. */
  signals?: Pick<NodeJS.EventEmitter, 'once' | 'off'>
}

const stopSignals = ['SIGINT', 'SIGTERM'] as const

/**
 * Build once, then again each time the source changes, until stopped by
 * Ctrl-C, SIGTERM or the abort signal; resolves with the exit code (0 when
 * stopped so). `buildOnce` runs one build and prints its diagnostics; a failed
 * build keeps watching, and since `catalog build` writes nothing on errors the
 * previous output stays in place.
 *
 * The source's folder is watched rather than the file, because editors save
 * by writing a new file and renaming it over the old one, which ends a watch
 * on the file itself. Builds never overlap: a change during a build schedules
 * one more build after it. A change that leaves the bytes as they were at the
 * last build (a `touch`, a second event for one save) builds nothing.
 */
export async function watchCatalog(options: WatchOptions, io: Pick<Io, 'stderr' | 'cwd'>, buildOnce: () => Promise<number>): Promise<number> {
  const debounceMs = options.debounceMs ?? 150
  const sourcePath = path.resolve(io.cwd, options.source)
  const folder = path.dirname(sourcePath)
  const name = path.basename(sourcePath)
  const signals = options.signals ?? process

  let builtHash: string | undefined
  let building: Promise<void> | undefined
  let pending = false
  let timer: NodeJS.Timeout | undefined
  let watcher: FSWatcher | undefined
  let stopped = false
  let builds = 0
  let finish: (code: number) => void = () => {}
  const finished = new Promise<number>((resolve) => {
    finish = resolve
  })

  const hashSource = async (): Promise<string | undefined> => {
    try {
      return createHash('sha256')
        .update(await readFile(sourcePath))
        .digest('hex')
    } catch {
      // A missing source is the build's to report; an editor may also be between unlink and rename.
      return undefined
    }
  }

  const runBuild = async (): Promise<void> => {
    const hash = await hashSource()
    if (builds > 0 && hash !== undefined && hash === builtHash) return
    builds++
    const started = performance.now()
    let code: number
    try {
      code = await buildOnce()
    } catch (error) {
      // The build function reports input problems itself; anything thrown is a bug, said in one line.
      const message = error instanceof Error ? error.message : String(error)
      io.stderr(`catalog: internal error: ${message.split('\n')[0]} (please report this bug)\n`)
      code = 3
    }
    builtHash = hash
    const elapsed = Math.round(performance.now() - started)
    if (code === 0) io.stderr(`catalog: ${builds === 1 ? 'built' : 'rebuilt'} in ${elapsed} ms; watching ${options.source} (Ctrl-C to stop)\n`)
    else io.stderr(`catalog: build failed; keeping the previous output; watching ${options.source} (Ctrl-C to stop)\n`)
  }

  /** Build now, or once more after the build in progress. */
  const requestBuild = (): void => {
    if (stopped) return
    if (building) {
      pending = true
      return
    }
    building = runBuild().finally(() => {
      building = undefined
      if (pending && !stopped) {
        pending = false
        requestBuild()
      }
    })
  }

  const onChange = (_event: string, filename: string | Buffer | null): void => {
    // Some platforms give no file name; then any change in the folder may be ours.
    if (filename !== null && filename.toString() !== name) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      requestBuild()
    }, debounceMs)
  }

  const stop = (code: number): void => {
    if (stopped) return
    stopped = true
    if (timer) clearTimeout(timer)
    watcher?.close()
    for (const signal of stopSignals) signals.off(signal, onSignal)
    options.signal?.removeEventListener('abort', onAbort)
    // Let a build in progress finish its atomic swap before saying we are done.
    void Promise.resolve(building).then(() => {
      io.stderr('catalog: stopped watching\n')
      finish(code)
    })
  }
  const onSignal = (): void => stop(0)
  const onAbort = (): void => stop(0)

  if (options.signal?.aborted) return 0
  for (const signal of stopSignals) signals.once(signal, onSignal)
  options.signal?.addEventListener('abort', onAbort, {once: true})

  try {
    watcher = watch(folder, onChange)
  } catch (error) {
    io.stderr(`catalog: cannot watch ${path.relative(io.cwd, folder) || '.'}: ${(error as Error).message}\n`)
    stop(1)
    return finished
  }
  watcher.on('error', (error) => {
    io.stderr(`catalog: stopped watching ${path.relative(io.cwd, folder) || '.'}: ${error.message}\n`)
    stop(1)
  })
  requestBuild()
  return finished
}
