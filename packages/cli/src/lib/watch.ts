import {createHash} from 'node:crypto'
import {type FSWatcher, statSync, watch} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {exitCodes, type Io, reportFailure, sourceFiles} from './cli-kit.js'

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

/** How often the watcher makes sure it still watches the folder that is there (an editor or `git checkout` may replace it). */
const recheckMs = 500

/**
 * Build once, then again each time the source or a file beside it that the
 * build reads (the translation lock, the vocabulary) changes, until stopped by Ctrl-C,
 * SIGTERM or the abort signal; resolves with the exit code (0 when stopped
 * so). `buildOnce` runs one build and prints its diagnostics; a failed build
 * keeps watching, and since `catalog build` writes nothing on errors the
 * previous output stays in place. A build that ends in a usage error (exit 2:
 * an output folder it may not replace) stops watching with that code.
 *
 * The source's folder is watched rather than the file, because editors save
 * by writing a new file and renaming it over the old one, which ends a watch
 * on the file itself. The folder itself may be deleted and made again (a
 * branch switch): every half second the watcher checks that it watches the
 * folder that is there now, and watches it afresh when not. Builds never
 * overlap: a change during a build schedules one more build after it. A change
 * that leaves the bytes as they were at the last build (a `touch`, a second
 * event for one save) builds nothing.
 */
export async function watchCatalog(options: WatchOptions, io: Pick<Io, 'stderr' | 'cwd'>, buildOnce: () => Promise<number>): Promise<number> {
  const debounceMs = options.debounceMs ?? 150
  const sourcePath = path.resolve(io.cwd, options.source)
  const folder = path.dirname(sourcePath)
  const watchedFiles = sourceFiles(options.source).map((file) => path.resolve(io.cwd, file.path))
  const watchedNames = new Set(watchedFiles.filter((file) => path.dirname(file) === folder).map((file) => path.basename(file)))
  const signals = options.signals ?? process
  const shownFolder = path.relative(io.cwd, folder) || '.'

  let builtHash: string | undefined
  let building: Promise<void> | undefined
  let pending = false
  let timer: NodeJS.Timeout | undefined
  let watcher: FSWatcher | undefined
  /** The identity (device and inode) of the folder being watched; another one there means it was replaced. */
  let watchedIdentity: string | undefined
  let recheck: NodeJS.Timeout | undefined
  let stopped = false
  let builds = 0
  let finish: (code: number) => void = () => {}
  const finished = new Promise<number>((resolve) => {
    finish = resolve
  })

  const hashInputs = async (): Promise<string | undefined> => {
    const hash = createHash('sha256')
    for (const file of watchedFiles) {
      try {
        hash.update(await readFile(file)).update('\0')
      } catch (error) {
        // A missing source is the build's to report; an editor may also be between unlink and rename.
        if (file === sourcePath) return undefined
        hash.update(`missing ${(error as NodeJS.ErrnoException).code ?? ''}\0`)
      }
    }
    return hash.digest('hex')
  }

  const runBuild = async (): Promise<void> => {
    const hash = await hashInputs()
    if (builds > 0 && hash !== undefined && hash === builtHash) return
    builds++
    const started = performance.now()
    let code: number
    try {
      code = await buildOnce()
    } catch (error) {
      // The build function reports input problems itself; anything thrown is said in one line, as `main` says it.
      code = reportFailure(error, io)
    }
    builtHash = hash
    const elapsed = Math.round(performance.now() - started)
    // A usage error (an output folder that may not be replaced) is the command's, not the source's: watching stops.
    if (code === exitCodes.usage) {
      stop(code)
      return
    }
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

  const scheduleBuild = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      requestBuild()
    }, debounceMs)
  }

  const onChange = (_event: string, filename: string | Buffer | null): void => {
    // Some platforms give no file name; then any change in the folder may be ours.
    if (filename !== null && !watchedNames.has(filename.toString())) return
    scheduleBuild()
  }

  /** Watch the folder that is there now, unless it is the one watched already; a folder that came back may hold a changed source. */
  const ensureWatching = (): void => {
    if (stopped) return
    let identity: string | undefined
    try {
      const info = statSync(folder)
      identity = `${info.dev}:${info.ino}`
    } catch {
      identity = undefined
    }
    if (identity === watchedIdentity && (watcher !== undefined || identity === undefined)) return
    watcher?.close()
    watcher = undefined
    watchedIdentity = identity
    if (identity === undefined) {
      io.stderr(`catalog: ${shownFolder} is gone; waiting for it to come back\n`)
      return
    }
    try {
      const current = watch(folder, onChange)
      current.on('error', () => {
        // The folder went away under the watcher: the next check watches whatever stands there then.
        current.close()
        if (watcher === current) watcher = undefined
      })
      watcher = current
    } catch {
      watchedIdentity = undefined
      return
    }
    if (builds > 0) scheduleBuild()
  }

  const stop = (code: number): void => {
    if (stopped) return
    stopped = true
    if (timer) clearTimeout(timer)
    if (recheck) clearInterval(recheck)
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

  ensureWatching()
  if (!watcher) {
    io.stderr(`catalog: cannot watch ${shownFolder}: the folder of the source does not exist\n`)
    stop(1)
    return finished
  }
  recheck = setInterval(ensureWatching, recheckMs)
  requestBuild()
  return finished
}
