/**
 * Never destroy what is not ours, never crash on input (issue 12): the output
 * folder is guarded, reads are bounded and made once, I/O errors are named,
 * the lock tells a live holder from a stale one, and no cache can change a
 * result.
 */
import {execFileSync, spawn, spawnSync} from 'node:child_process'
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import {hasCommand} from '@catalog/test-support'
import {describe, expect, it} from 'vitest'
import {realLock, realSource, replaceOnce, repoRoot, run, snapshot, tempFolder} from './helpers.js'

const bin = path.join(repoRoot, 'packages/cli/bin/catalog.js')

/** A folder with the source, its lock and a stray file, as a repository holds them. */
function repository(): string {
  const folder = tempFolder()
  mkdirSync(path.join(folder, '.git'))
  writeFileSync(path.join(folder, '.git/HEAD'), 'ref: refs/heads/main\n')
  mkdirSync(path.join(folder, 'source'))
  writeFileSync(path.join(folder, 'source/datasets.md'), realSource)
  writeFileSync(path.join(folder, 'source/translations.lock.json'), realLock)
  renameSync(path.join(folder, 'vocabulary.json'), path.join(folder, 'source/vocabulary.json'))
  writeFileSync(path.join(folder, 'notes.txt'), 'mine\n')
  return folder
}

describe('the output folder', () => {
  it.each([
    ['.', 'it is the working folder'],
    ['./', 'it is the working folder'],
    ['', '--out is empty'],
    ['  ', '--out is empty'],
    ['source', 'it holds the source'],
    ['source/datasets.md', 'it is the source'],
    ['source/translations.lock.json', 'it is the translation lock'],
    ['source/vocabulary.json', 'it is the vocabulary'],
    ['..', 'it holds the working folder'],
    ['/', 'it holds the working folder']
  ])('refuses --out %j with exit 2, deleting nothing', async (out, message) => {
    const folder = repository()
    const before = snapshot(folder)
    const result = await run(['build', '--source', 'source/datasets.md', '--out', out], folder)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(snapshot(folder)).toEqual(before)
  })

  it('resolves links first: a link to the working folder is the working folder', async () => {
    const folder = repository()
    symlinkSync('.', path.join(folder, 'here'))
    const before = snapshot(folder)
    const result = await run(['build', '--source', 'source/datasets.md', '--out', 'here'], folder)
    expect(result).toMatchObject({code: 2, stderr: expect.stringContaining('it is the working folder')})
    expect(snapshot(folder)).toEqual(before)
  })

  it('refuses a repository and a file, and `render` guards its folder the same way', async () => {
    const folder = repository()
    mkdirSync(path.join(folder, 'vendor/.git'), {recursive: true})
    expect(await run(['build', '--source', 'source/datasets.md', '--out', 'vendor'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('it holds a .git')
    })
    expect(await run(['build', '--source', 'source/datasets.md', '--out', 'notes.txt'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('is a file, not a folder')
    })
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'dist'], folder)).code).toBe(0)
    const before = snapshot(folder)
    expect(await run(['render', '--data', 'dist/datasets.json', '--out', '.'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('it is the working folder')
    })
    expect(await run(['render', '--data', 'dist/datasets.json', '--out', 'dist'], folder)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('it holds the catalog JSON')
    })
    expect(snapshot(folder)).toEqual(before)
  })

  it.each([
    ['.git', [], "it is a repository's .git folder"],
    ['.git', ['--force'], "it is a repository's .git folder"],
    ['.git/objects', ['--force'], "it is inside a repository's .git folder"],
    ['.git/new', [], "it is inside a repository's .git folder"],
    ['projects', ['--force'], `it holds a .git (${path.join('projects', 'deep/repoA/.git')})`],
    ['projects/deep', [], `it holds a .git (${path.join('projects/deep', 'repoA/.git')})`],
    ['worktree', ['--force'], `it holds a .git (${path.join('worktree', '.git')})`]
  ])('refuses --out %j %j: a repository, inside or held at any depth, with exit 2', async (out, flags, message) => {
    const folder = repository()
    mkdirSync(path.join(folder, '.git/objects'))
    mkdirSync(path.join(folder, 'projects/deep/repoA/.git'), {recursive: true})
    writeFileSync(path.join(folder, 'projects/deep/repoA/.git/HEAD'), 'ref: refs/heads/main\n')
    writeFileSync(path.join(folder, 'projects/deep/repoA/work.txt'), 'mine\n')
    // A worktree or a submodule: its .git is a file.
    mkdirSync(path.join(folder, 'worktree'))
    writeFileSync(path.join(folder, 'worktree/.git'), 'gitdir: ../.git/worktrees/w\n')
    const before = snapshot(folder)
    const result = await run(['build', '--source', 'source/datasets.md', '--out', out, ...flags], folder)
    expect(result).toMatchObject({code: 2, stderr: expect.stringContaining(message)})
    expect(snapshot(folder)).toEqual(before)
  })

  it('`render` guards the source and the files beside it as `build` does, with --force too', async () => {
    const folder = repository()
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'dist'], folder)).code).toBe(0)
    writeFileSync(path.join(folder, 'catalog.json'), readFileSync(path.join(folder, 'dist/datasets.json')))
    const before = snapshot(folder)
    for (const out of ['source', 'source/datasets.md', 'source/translations.lock.json', 'source/vocabulary.json']) {
      const result = await run(['render', '--data', 'catalog.json', '--out', out, '--force'], folder)
      expect(result).toMatchObject({code: 2, stderr: expect.stringContaining(`refusing --out ${out}: it`)})
    }
    expect(snapshot(folder)).toEqual(before)
  })

  it('replaces a folder without its manifest only with --force, whatever the names of its files; an empty one at once', async () => {
    const folder = repository()
    mkdirSync(path.join(folder, 'site'))
    writeFileSync(path.join(folder, 'site/README.md'), 'mine\n')
    writeFileSync(path.join(folder, 'site/index.html'), '<h1>\n')
    const before = snapshot(folder)
    const refused = await run(['build', '--source', 'source/datasets.md', '--out', 'site'], folder)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('refusing to replace site: it holds files (README.md, index.html) and no .catalog-manifest.json')
    // Refused before anything is read: not even the cache is written.
    expect(snapshot(folder)).toEqual(before)
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'dist'], folder)).code).toBe(0)
    const rendered = await run(['render', '--data', 'dist/datasets.json', '--out', 'site'], folder)
    expect(rendered.code).toBe(2)
    expect(rendered.stderr).toContain('refusing to replace site: it holds files (README.md, index.html) and no .catalog-manifest.json')
    expect(readFileSync(path.join(folder, 'site/README.md'), 'utf8')).toBe('mine\n')
    // A manifest another tool wrote is no manifest of this one.
    writeFileSync(path.join(folder, 'site/.catalog-manifest.json'), JSON.stringify({files: {'README.md': '0'.repeat(64)}}))
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'site'], folder)).code).toBe(2)
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'site', '--force'], folder)).code).toBe(0)
    expect(readFileSync(path.join(folder, 'site/README.md'), 'utf8')).not.toBe('mine\n')
    mkdirSync(path.join(folder, 'empty/nothing'), {recursive: true})
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'empty'], folder)).code).toBe(0)
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'new/site'], folder)).code).toBe(0)
  })

  it('replaces a folder it wrote, but one holding files it did not write only with --force', async () => {
    const folder = repository()
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'dist'], folder)).code).toBe(0)
    const manifest = JSON.parse(readFileSync(path.join(folder, 'dist/.catalog-manifest.json'), 'utf8')) as {files: Record<string, string>}
    expect(Object.keys(manifest.files)).toContain('datasets.json')
    // A file an earlier build wrote and this one does not (a removed dataset's citation) is still ours.
    manifest.files['bib/removed2020.bib'] = '0'.repeat(64)
    writeFileSync(path.join(folder, 'dist/.catalog-manifest.json'), JSON.stringify(manifest))
    writeFileSync(path.join(folder, 'dist/bib/removed2020.bib'), '@misc{removed2020}\n')
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'dist'], folder)).code).toBe(0)
    expect(existsSync(path.join(folder, 'dist/bib/removed2020.bib'))).toBe(false)

    writeFileSync(path.join(folder, 'dist/CNAME'), 'catalog.example\n')
    const refused = await run(['build', '--source', 'source/datasets.md', '--out', 'dist'], folder)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('refusing to replace dist: it holds files that catalog did not write (CNAME)')
    expect(readFileSync(path.join(folder, 'dist/CNAME'), 'utf8')).toBe('catalog.example\n')
    expect((await run(['build', '--source', 'source/datasets.md', '--out', 'dist', '--force'], folder)).code).toBe(0)
    expect(existsSync(path.join(folder, 'dist/CNAME'))).toBe(false)
  })
})

describe('reads', () => {
  it('refuses an empty --source as a usage error', async () => {
    expect(await run(['validate', '--source', ''], tempFolder())).toMatchObject({code: 2, stderr: expect.stringContaining('--source is empty')})
  })

  it('reads a pipe once: /dev/stdin, a process substitution and a FIFO build like the file', () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    // Through a shell's pipe: Node's own child stdin is a socket, which /dev/stdin cannot open.
    const fromStdin = spawnSync('bash', ['-c', `cat catalog.md | "${process.execPath}" "${bin}" validate --source /dev/stdin`], {cwd: folder, encoding: 'utf8'})
    expect(fromStdin.status, fromStdin.stderr).toBe(0)
    // Read through /dev/stdin the source has no vocabulary beside it: its labels are undeclared, and say so.
    expect(fromStdin.stderr).toMatch(/0 errors, \d+ warnings/)
    const substituted = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" build --source <(cat catalog.md) --out out`], {cwd: folder, encoding: 'utf8'})
    expect(substituted.status, substituted.stderr).toBe(0)
    execFileSync('mkfifo', [path.join(folder, 'fifo.md')])
    const writer = spawn('bash', ['-c', 'cat catalog.md > fifo.md'], {cwd: folder})
    const fromFifo = spawnSync(process.execPath, [bin, 'validate', '--source', 'fifo.md'], {cwd: folder, encoding: 'utf8', timeout: 20_000})
    writer.kill()
    expect(fromFifo.status, fromFifo.stderr).toBe(0)
  })

  it('stops reading an endless device at the size limit', () => {
    const result = spawnSync(process.execPath, [bin, 'validate', '--source', '/dev/zero'], {cwd: tempFolder(), encoding: 'utf8', timeout: 20_000})
    expect(result.status).toBe(1)
    expect(result.stderr).toContain('/dev/zero:1:1: error: the source is larger than the limit; the limit is 8388608 bytes [source-too-large]')
  })

  it('never opens a FIFO or a link in the output folder: `check` names it instead of hanging', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    execFileSync('mkfifo', [path.join(folder, 'out/pipe')])
    rmSync(path.join(folder, 'out/feed.json'))
    execFileSync('mkfifo', [path.join(folder, 'out/feed.json')])
    for (const cache of ['--cache', '--no-cache']) {
      const result = await run(['check', '--source', 'catalog.md', '--out', 'out', cache], folder)
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(`${path.join('out', 'pipe')}: would be removed by build`)
      expect(result.stderr).toContain(`${path.join('out', 'feed.json')}: differs from what build writes`)
    }
  })

  it('writes no cache into the working folder when no node_modules stands above the source', async () => {
    const folder = tempFolder()
    rmSync(path.join(folder, 'node_modules'), {recursive: true})
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    const home = tempFolder()
    const previous = process.env['XDG_CACHE_HOME']
    process.env['XDG_CACHE_HOME'] = home
    try {
      expect((await run(['validate', '--source', 'catalog.md'], folder)).code).toBe(0)
    } finally {
      if (previous === undefined) delete process.env['XDG_CACHE_HOME']
      else process.env['XDG_CACHE_HOME'] = previous
    }
    expect(readdirSync(folder).sort()).toEqual(['catalog.md', 'vocabulary.json'])
    expect(readdirSync(path.join(home, 'catalog')).length).toBeGreaterThan(0)
  })
})

describe('failures outside the input', () => {
  it('names a folder it cannot write, with exit 1 and no internal error', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    writeFileSync(path.join(folder, 'blocker'), 'a file where a folder should go')
    const result = await run(['build', '--source', 'catalog.md', '--out', 'blocker/out'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toMatch(/catalog: cannot mkdir .*blocker.*: (not a directory|file already exists) \((ENOTDIR|EEXIST)\)/)
    expect(result.stderr).not.toContain('internal error')
  })

  // Permissions do not stop root: the run drops to nobody where it can, else it needs not to be root.
  const asUser = (args: string[], cwd: string) =>
    process.getuid?.() === 0
      ? spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, bin, ...args], {cwd, encoding: 'utf8'})
      : spawnSync(process.execPath, [bin, ...args], {cwd, encoding: 'utf8'})
  const canDropPrivileges = process.getuid?.() !== 0 || hasCommand('setpriv')

  it.skipIf(!canDropPrivileges)('names a read-only folder, and goes on past a leftover it cannot remove', () => {
    const folder = tempFolder()
    chmodSync(folder, 0o755)
    const nobody = (file: string) => (process.getuid?.() === 0 ? chownSync(file, 65534, 65534) : undefined)
    const site = path.join(folder, 'site')
    mkdirSync(site)
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    chmodSync(site, 0o555)
    const readOnly = asUser(['build', '--source', 'catalog.md', '--out', 'site/out', '--no-cache'], folder)
    expect(readOnly.status, readOnly.stderr).toBe(1)
    expect(readOnly.stderr).toMatch(/catalog: cannot mkdir .*site\/\.out\.new-.*: permission denied \(EACCES\)/)

    chmodSync(site, 0o755)
    nobody(site)
    expect(asUser(['build', '--source', 'catalog.md', '--out', 'site/out', '--no-cache'], folder).status).toBe(0)
    // What a killed swap left behind, owned by someone else: it stays, and every build still works.
    const leftover = path.join(site, '.out.old-1-deadbeef')
    mkdirSync(leftover)
    writeFileSync(path.join(leftover, 'x'), 'x')
    chmodSync(leftover, 0o555)
    for (let build = 0; build < 2; build++) {
      const result = asUser(['build', '--source', 'catalog.md', '--out', 'site/out', '--no-cache'], folder)
      expect(result.status, result.stderr).toBe(0)
      expect(result.stderr).toContain(`catalog: cannot remove the leftover folder ${leftover} (EACCES); remove it by hand`)
    }
    chmodSync(leftover, 0o755)
  })

  it('ends quietly with its own exit code when the reader of its output goes away', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    for (const closed of ['stdout', 'stderr'] as const) {
      const child = spawn(process.execPath, [bin, 'validate', '--source', 'catalog.md', '--reporter', closed === 'stdout' ? 'json' : 'text'], {
        cwd: folder,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      child[closed].destroy()
      let other = ''
      child[closed === 'stdout' ? 'stderr' : 'stdout'].on('data', (chunk: Buffer) => {
        other += chunk.toString()
      })
      const code = await new Promise((resolve) => child.on('exit', resolve))
      expect({closed, code, other: other.includes('Error') ? other : ''}).toEqual({closed, code: 0, other: ''})
    }
  })
})

describe('the output lock', () => {
  const lockedFolder = () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    return folder
  }

  it('takes over a lock whose pid now belongs to another process', async () => {
    const folder = lockedFolder()
    writeFileSync(path.join(folder, '.out.lock'), JSON.stringify({pid: 1, started: '-1', token: 'gone'}))
    const started = Date.now()
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(existsSync(path.join(folder, '.out.lock'))).toBe(false)
  })

  it('fails within seconds, naming the file, when a lock held too long cannot be told from a live one', async () => {
    const folder = lockedFolder()
    const lock = path.join(folder, '.out.lock')
    writeFileSync(lock, JSON.stringify({pid: process.pid, token: 'another run in this process'}))
    utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000))
    const started = Date.now()
    const result = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`has held ${lock} for more than 10 s; if no build is running, remove that file`)
  })

  it("fails at once, naming the file, on an older catalog's lock (a bare pid) whose pid is running; takes it over when it is not", async () => {
    const folder = lockedFolder()
    const lock = path.join(folder, '.out.lock')
    writeFileSync(lock, '1')
    const started = Date.now()
    const result = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(Date.now() - started).toBeLessThan(5000)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`catalog: ${lock} is a lock in an older format that names pid 1`)
    expect(result.stderr).toContain('if no build is running, remove that file')
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    writeFileSync(lock, `${gone}\n`)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    expect(existsSync(lock)).toBe(false)
  })

  it('fails at once on a lock that is a folder', async () => {
    const folder = lockedFolder()
    mkdirSync(path.join(folder, '.out.lock'))
    const result = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(result).toMatchObject({code: 1, stderr: expect.stringContaining('.out.lock is in the way of the output lock (it is not a file); remove it')})
  })
})

describe('caches that cannot lie', () => {
  const cacheEntries = (folder: string): string[] => {
    const root = path.join(folder, 'node_modules/.cache/catalog')
    return readdirSync(root, {recursive: true, withFileTypes: true})
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
  }
  const bytesOf = (folder: string) => Object.fromEntries(Object.entries(snapshot(folder)).map(([file, entry]) => [file, entry.slice(entry.indexOf(' ') + 1)]))

  it.each([
    ['{}', () => '{}'],
    ['[]', () => '[]'],
    ['null', () => 'null'],
    ['another entry', (_: string, others: string[]) => readFileSync(others[0] ?? '', 'utf8')]
  ])('parses afresh behind entries that hold %s, and builds what a build without cache builds', async (_, replacement) => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'cold', '--no-cache'], folder)).code).toBe(0)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'first'], folder)).code).toBe(0)
    const entries = cacheEntries(folder)
    expect(entries.filter((file) => path.basename(file).startsWith('check-'))).toHaveLength(1)
    entries.forEach((file, index) => {
      writeFileSync(file, replacement(file, [...entries.slice(index + 1), ...entries.slice(0, index)]))
    })
    const again = await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(again.code, again.stderr).toBe(0)
    expect(bytesOf(path.join(folder, 'out'))).toEqual(bytesOf(path.join(folder, 'cold')))
    expect((await run(['check', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
  })

  it('does not call a tampered folder fresh, whatever the recorded run says', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    writeFileSync(path.join(folder, 'out/index.html'), '<script>alert(1)</script>')
    // Whoever tampers with the page may rewrite every record too: none is named for this folder's content.
    for (const file of cacheEntries(folder).filter((name) => path.basename(name).startsWith('check-'))) {
      const record = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      writeFileSync(file, JSON.stringify({...record, outputs: {'index.html': 'anything'}}))
    }
    const result = await run(['check', '--source', 'catalog.md', '--out', 'out'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`${path.join('out', 'index.html')}: differs from what build writes`)
  })
})

describe('files the commands write', () => {
  it('format keeps a linked source linked, and its permissions', async () => {
    const folder = tempFolder()
    mkdirSync(path.join(folder, 'real'))
    const target = path.join(folder, 'real/datasets.md')
    writeFileSync(target, realSource.replace('## 📊 Large-Scale Chest X-Ray Datasets\n', '## 📊 Large-Scale Chest X-Ray Datasets\n\n\n'))
    chmodSync(target, 0o640)
    symlinkSync('real/datasets.md', path.join(folder, 'catalog.md'))
    const result = await run(['format', '--source', 'catalog.md'], folder)
    expect(result.code, result.stderr).toBe(0)
    expect(lstatSync(path.join(folder, 'catalog.md')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(path.join(folder, 'catalog.md'))).toBe('real/datasets.md')
    expect(readFileSync(target, 'utf8')).toBe(realSource)
    expect(statSync(target).mode & 0o777).toBe(0o640)
  })
})

describe('hostile JSON through `render --data`', () => {
  it('refuses a description the markdown could not hold, before any renderer reads it', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    expect((await run(['build', '--source', 'catalog.md', '--out', 'out'], folder)).code).toBe(0)
    const catalog = JSON.parse(readFileSync(path.join(folder, 'out/datasets.json'), 'utf8')) as {datasets: Array<{description: {text: Record<string, string>}}>}
    const first = catalog.datasets[0]
    if (!first) throw new Error('a dataset')
    first.description.text['en'] = `${'*'.repeat(9000)}x${'*'.repeat(9000)}`
    writeFileSync(path.join(folder, 'edited.json'), JSON.stringify(catalog))
    const result = await run(['render', '--data', 'edited.json', '--out', 'rendered'], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[render-round-trip]')
    expect(result.stderr).toContain('too-much-markup-in-paragraph')
    expect(existsSync(path.join(folder, 'rendered'))).toBe(false)
  })

  it('escapes what a diagnostic echoes, so nothing reaches the terminal raw', async () => {
    const folder = tempFolder()
    const name = 'cat\u001b[2Jalog.md'
    writeFileSync(path.join(folder, name), replaceOnce(realSource, '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest', '### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest'))
    const result = await run(['validate', '--source', name], folder)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('cat\\u001b[2Jalog.md:13:1: error:')
    expect(result.stderr).not.toContain('\u001b')
  })
})
