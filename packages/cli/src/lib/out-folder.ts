import {type Dirent, existsSync, lstatSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {realpath} from 'node:fs/promises'
import path from 'node:path'
import {UsageError} from './cli-kit.js'
import {listFolder} from './files.js'

/**
 * The manifest of an output folder: every other file with its sha256. It marks
 * the folder as this tool's (a folder that holds files but none is not
 * replaced without `--force`), and lets anyone check a download. Declared
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
 * nothing touched, `--force` or not) when it is empty, when it is or holds
 * the working folder, the source or a file beside it that the command reads,
 * when it is a `.git` or inside one, or when it holds a `.git` at any depth
 * (a repository, a submodule or a worktree is never an output folder).
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
  // A file system may ignore case: `.GIT` can be the repository's `.git`.
  const parts = folder.split(path.sep)
  if (parts.at(-1)?.toLowerCase() === '.git') throw new UsageError(`refusing --out ${out}: it is a repository's .git folder`)
  if (parts.some((part) => part.toLowerCase() === '.git')) throw new UsageError(`refusing --out ${out}: it is inside a repository's .git folder`)
  if (existsSync(folder) && !statSync(folder).isDirectory()) {
    throw new UsageError(`refusing --out ${out}: it is a file, not a folder`)
  }
  const git = gitBelow(folder)
  if (git !== undefined) {
    throw new UsageError(`refusing --out ${out}: it holds a .git (${path.join(out, git)}), so it is or holds a repository, not an output folder`)
  }
  return folder
}

/**
 * Refuse to replace a folder that this tool did not write, unless `force`:
 * an empty folder, or none, is replaced; any other must hold this tool's
 * manifest (`.catalog-manifest.json`), and every file in it must be one the
 * manifest lists. A file is ours by its name in the manifest, not by its
 * bytes: a merge or a checkout that converts line ends changes the bytes of
 * outputs, and rebuilding is how they are put right.
 */
export function assertReplaceable(folder: string, out: string, force: boolean): void {
  if (force || !existsSync(folder)) return
  const entries = listFolder(folder)
  if (entries.length === 0) return
  const name = (paths: readonly string[]): string => paths.slice(0, 3).join(', ') + (paths.length > 3 ? ` and ${paths.length - 3} more` : '')
  const listed = manifestFiles(folder)
  if (listed === undefined) {
    throw new UsageError(
      `refusing to replace ${out}: it holds files (${name(entries.map((entry) => entry.path))}) and no ${manifestPath} of catalog's, so catalog did not write it; empty it, choose another --out, or pass --force to replace the folder with everything in it`
    )
  }
  const foreign = entries.filter((entry) => !entry.regular || (entry.path !== manifestPath && !listed.has(entry.path))).map((entry) => entry.path)
  if (foreign.length === 0) return
  throw new UsageError(
    `refusing to replace ${out}: it holds files that catalog did not write (${name(foreign)}); move them away, choose another --out, or pass --force to replace the folder with everything in it`
  )
}

/** The files a build listed in the folder's manifest; undefined when there is no manifest this tool wrote (none, a link, not its JSON). */
function manifestFiles(folder: string): Set<string> | undefined {
  const file = path.join(folder, manifestPath)
  try {
    if (!lstatSync(file).isFile()) return undefined
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as unknown
    if (typeof manifest !== 'object' || manifest === null) return undefined
    const {generator, files} = manifest as {generator?: unknown; files?: unknown}
    if (generator !== 'catalog build' || typeof files !== 'object' || files === null || Array.isArray(files)) return undefined
    return new Set(Object.keys(files))
  } catch {
    return undefined
  }
}

/** The first `.git` (a repository's folder, or the file that points a worktree or a submodule at one) at any depth below a folder; links are not followed. */
function gitBelow(folder: string): string | undefined {
  const pending = ['']
  for (let relative = pending.pop(); relative !== undefined; relative = pending.pop()) {
    let children: Dirent[]
    try {
      children = readdirSync(path.join(folder, relative), {withFileTypes: true})
    } catch {
      continue
    }
    for (const child of children) {
      const childPath = relative === '' ? child.name : path.join(relative, child.name)
      if (child.name.toLowerCase() === '.git') return childPath
      if (child.isDirectory()) pending.push(childPath)
    }
  }
  return undefined
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
