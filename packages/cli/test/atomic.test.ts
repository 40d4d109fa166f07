/**
 * Nothing lost: a build killed at any moment leaves the old output or the new
 * one, never a mix; two builds at once do not corrupt the folder.
 */
import {spawn, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {realSource, replaceOnce, repoRoot, run, snapshot, tempFolder} from './helpers.js'

const bin = path.join(repoRoot, 'packages/cli/bin/catalog.js')

/** Folder contents without modification times: what a reader of dist/ sees. */
function contents(folder: string): Record<string, string> {
  return Object.fromEntries(Object.entries(snapshot(folder)).map(([name, value]) => [name, value.slice(value.indexOf(' ') + 1)]))
}

function build(cwd: string): number | null {
  return spawnSync(process.execPath, [bin, 'build', '--source', 'catalog.md', '--out', 'out'], {cwd, encoding: 'utf8'}).status
}

describe('atomic output', () => {
  it('a build killed at random moments leaves the old output or the new one', {timeout: 300_000}, async () => {
    const folder = tempFolder()
    const edited = replaceOnce(realSource, '**Description:** ISIC is', '**Description:** ISIC, edited, is')
    writeFileSync(path.join(folder, 'catalog.md'), edited)
    expect(build(folder)).toBe(0)
    const next = contents(path.join(folder, 'out'))
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect(build(folder)).toBe(0)
    const old = contents(path.join(folder, 'out'))
    expect(next).not.toEqual(old)

    const started = Date.now()
    expect(build(folder)).toBe(0)
    const duration = Date.now() - started

    // Each attempt kills a build that would replace the current output with the other version,
    // then lets one build finish, so that the next attempt starts from a whole folder again.
    const versions = [
      {source: realSource, output: old},
      {source: edited, output: next}
    ]
    const attempts = 6
    let sawBefore = 0
    let sawAfter = 0
    for (let attempt = 0; attempt < attempts; attempt++) {
      const before = versions[attempt % 2]
      const after = versions[(attempt + 1) % 2]
      if (!before || !after) throw new Error('two versions')
      writeFileSync(path.join(folder, 'catalog.md'), after.source)
      const child = spawn(process.execPath, [bin, 'build', '--source', 'catalog.md', '--out', 'out'], {cwd: folder, stdio: 'ignore'})
      // Listen before killing: a build that finishes first must not leave the test waiting.
      const exited = new Promise((resolve) => child.on('exit', resolve))
      // Spread the kills over the whole run, most of them late, where the writes happen.
      const delay = Math.round(duration * Math.sqrt((attempt + 0.5) / attempts))
      await new Promise((resolve) => setTimeout(resolve, delay))
      child.kill('SIGKILL')
      await exited
      const out = path.join(folder, 'out')
      if (existsSync(out)) {
        const now = contents(out)
        expect([before.output, after.output]).toContainEqual(now)
        if (JSON.stringify(now) === JSON.stringify(before.output)) sawBefore++
        else sawAfter++
      } else {
        // Killed between the two renames: the old folder waits, whole, under its retired name.
        const retired = readdirSync(folder).find((name) => name.startsWith('.out.old-'))
        expect(retired).toBeDefined()
        expect(contents(path.join(folder, retired ?? ''))).toEqual(before.output)
      }
      // The next build puts a retired folder back, removes leftovers and swaps the new output in.
      expect(build(folder)).toBe(0)
      expect(contents(out)).toEqual(after.output)
      expect(readdirSync(folder).filter((name) => name.startsWith('.out.'))).toEqual([])
    }
    expect(sawBefore + sawAfter).toBeGreaterThan(0)
  })

  it('two builds into the same folder at once leave it whole', {timeout: 60_000}, async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect(build(folder)).toBe(0)
    const expected = contents(path.join(folder, 'out'))
    for (let round = 0; round < 2; round++) {
      const runs = [0, 1, 2].map(
        () =>
          new Promise<number | null>((resolve) => {
            const child = spawn(process.execPath, [bin, 'build', '--source', 'catalog.md', '--out', 'out'], {cwd: folder, stdio: 'ignore'})
            child.on('exit', resolve)
          })
      )
      expect(await Promise.all(runs)).toEqual([0, 0, 0])
      expect(contents(path.join(folder, 'out'))).toEqual(expected)
      expect(readdirSync(folder).filter((name) => name.startsWith('.out.'))).toEqual([])
    }
  })

  it('writes only the files that changed: the others keep their inode and modification time', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    const identity = (file: string): string => {
      const info = statSync(path.join(folder, 'out', file))
      return `${info.ino} ${info.mtimeMs}`
    }
    const files = Object.keys(contents(path.join(folder, 'out')))
    const before = Object.fromEntries(files.map((file) => [file, identity(file)]))
    await new Promise((resolve) => setTimeout(resolve, 20))
    writeFileSync(path.join(folder, 'catalog.md'), replaceOnce(realSource, '**Description:** ISIC is', '**Description:** ISIC, edited, is'))
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    const changed = files.filter((file) => identity(file) !== before[file]).sort()
    // What shows ISIC's English description, what lists the others' sizes or hashes, and the translation
    // state (the Portuguese description is now outdated).
    expect(changed).toEqual(
      [
        '.catalog-manifest.json',
        'README.md',
        'datasets.csv',
        'datasets.excel.csv',
        'datasets.json',
        'datasets.jsonld',
        'datapackage.json',
        'en/README.md',
        'feed.json',
        'i18n-status.json',
        'index.html'
      ].sort()
    )
  })
})
