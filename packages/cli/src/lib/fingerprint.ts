import {createHash} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {listFolder} from './files.js'

let fingerprint: string | undefined

/**
 * A hash of the code that turns a source into `dist/`: the compiled code,
 * templates and manifests of this package and of every `@catalog/*` package it
 * loads, and the workspace's lock file (the exact versions of everything
 * else). Two runs with the same fingerprint and the same inputs write the same
 * bytes, which is what lets `catalog check` trust a recorded result.
 */
export function toolFingerprint(): string {
  fingerprint ??= fingerprintOf(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..'))
  return fingerprint
}

/**
 * The fingerprint of the tool whose CLI package lies at `cliRoot`: its
 * manifest, compiled code and templates, those of every `@catalog/*` package
 * it depends on (found as Node finds them from there), and the nearest
 * `package-lock.json` above it.
 */
export function fingerprintOf(cliRoot: string): string {
  const hash = createHash('sha256')
  const manifestPath = path.join(cliRoot, 'package.json')
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {dependencies?: Record<string, string>}
  const resolve = createRequire(manifestPath).resolve
  const roots = [cliRoot]
  for (const name of Object.keys(manifest.dependencies ?? {}).filter((dependency) => dependency.startsWith('@catalog/'))) {
    // The package's entry point is <root>/dist/index.js.
    roots.push(path.resolve(path.dirname(resolve(name)), '..'))
  }
  for (const root of roots.sort()) {
    const below = (folder: string): string[] => listFolder(path.join(root, folder)).map((entry) => path.join(root, folder, entry.path))
    for (const file of [path.join(root, 'package.json'), ...below('dist'), ...below('templates')]) {
      if (file.endsWith('.map') || file.endsWith('.d.ts')) continue
      hash
        .update(path.relative(path.dirname(root), file))
        .update('\0')
        .update(readFileSync(file))
        .update('\0')
    }
  }
  for (let folder = cliRoot; ; folder = path.dirname(folder)) {
    const lock = path.join(folder, 'package-lock.json')
    if (existsSync(lock)) {
      hash.update(readFileSync(lock))
      break
    }
    if (path.dirname(folder) === folder) break
  }
  return hash.digest('hex')
}
