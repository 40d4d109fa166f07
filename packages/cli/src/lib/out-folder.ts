import {existsSync, readFileSync, statSync} from 'node:fs'
import {realpath} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from './cli-kit.js'
import {listFolder} from './files.js'
import type {Outputs} from './outputs.js'

/**
 * The manifest of an output folder: every other file with its sha256. It marks
 * the folder as this tool's (a folder without one, holding other files, is
 * not replaced without `--force`), and lets anyone check a download. Declared
 * here, not beside the renderers: `catalog check` answered from a recorded run
 * loads this module and must not load them.
 */
export const manifestPath = '.catalog-manifest.json'

/** A file the command reads, which the output folder must never swallow. */
export interface ProtectedPath {
  /** As the user wrote it (for messages). */
  path: string
  /** What it is: `the source`, `the translation lock`, … */
  what: string
}

/**
 * Where `build` and `render` may write: the real path of `--out`, links
 * resolved. The folder is replaced whole, so it is refused (a usage error,
 * nothing touched) when it is empty, when it is or holds the working folder,
 * the source or a file beside it that the command reads, or when it holds a
 * `.git` (a repository is never an output folder).
 */
export async function resolveOutFolder(out: string, cwd: string, protectedPaths: readonly ProtectedPath[]): Promise<string> {
  if (out.trim() === '') throw new UsageError('--out is empty; name the output folder, e.g. `--out dist`')
  const folder = await realPathOf(path.resolve(cwd, out))
  const guarded: ProtectedPath[] = [{path: cwd, what: 'the working folder'}, ...protectedPaths]
  for (const guard of guarded) {
    const real = await realPathOf(path.resolve(cwd, guard.path))
    if (real === folder || real.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep)) {
      const relation = real === folder ? 'is' : 'holds'
      throw new UsageError(
        `refusing --out ${out}: it ${relation} ${guard.what} (${guard.path}), and building replaces the whole folder; choose a folder of its own, such as \`--out dist\``
      )
    }
  }
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new UsageError(`refusing --out ${out}: it is a file, not a folder`)
  }
  if (existsSync(path.join(folder, '.git'))) {
    throw new UsageError(`refusing --out ${out}: it holds a .git, so it is a repository, not an output folder`)
  }
  return folder
}

/**
 * Refuse to replace a folder that holds files this tool did not write: a file
 * is ours when the last build listed it in its manifest
 * (`.catalog-manifest.json`) or when this build writes it. `--force` replaces
 * the folder anyway.
 */
export function assertReplaceable(folder: string, out: string, outputs: Outputs, force: boolean): void {
  if (force || !existsSync(folder)) return
  const ours = new Set([...outputs.keys(), ...previousManifest(folder)])
  const foreign = listFolder(folder)
    .filter((entry) => !entry.regular || !ours.has(entry.path))
    .map((entry) => entry.path)
  if (foreign.length === 0) return
  const named = foreign.slice(0, 3).join(', ') + (foreign.length > 3 ? ` and ${foreign.length - 3} more` : '')
  throw new UsageError(
    `refusing to replace ${out}: it holds files that catalog did not write (${named}); move them away, choose another --out, or pass --force to replace the folder with everything in it`
  )
}

/** The files the previous build listed in its manifest; none when there is no readable manifest. */
function previousManifest(folder: string): string[] {
  try {
    const manifest = JSON.parse(readFileSync(path.join(folder, manifestPath), 'utf8')) as {files?: unknown}
    return manifest.files && typeof manifest.files === 'object' ? Object.keys(manifest.files) : []
  } catch {
    return []
  }
}

/** The real path of a file or folder that may not exist yet: its nearest existing ancestor's real path, and the rest. */
async function realPathOf(absolute: string): Promise<string> {
  const rest: string[] = []
  for (let current = absolute; ; current = path.dirname(current)) {
    try {
      return path.join(await realpath(current), ...rest.reverse())
    } catch {
      if (path.dirname(current) === current) return absolute
      rest.push(path.basename(current))
    }
  }
}
