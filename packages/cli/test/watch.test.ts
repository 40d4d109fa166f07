import {EventEmitter} from 'node:events'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {main} from '../src/index.js'
import {reportFailure} from '../src/lib/cli-kit.js'
import {watchCommand} from '../src/lib/commands/watch.js'
import {watchCatalog} from '../src/lib/watch.js'
import {realSource, replaceOnce, run, tempFolder} from './helpers.js'

const debounceMs = 80

/** Poll until `condition` holds, or fail after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 4000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The real source with the first description changed, so that each edit is visible in the output. */
function edited(marker: string): string {
  return replaceOnce(realSource, 'containing over 377,000 images', `containing over 377,000 images (${marker})`)
}

describe('watchCatalog', () => {
  const folder = tempFolder()
  const source = path.join(folder, 'catalog.md')
  const output = (): string => readFileSync(path.join(folder, 'out/datasets.json'), 'utf8')
  const controller = new AbortController()
  const codes: number[] = []
  let stderr = ''
  let watching: Promise<number>

  beforeAll(async () => {
    writeFileSync(source, realSource)
    const io = {
      stdout: () => {},
      stderr: (text: string) => {
        stderr += text
      },
      cwd: folder
    }
    // The real build, as `catalog watch` runs it; only its exit codes are recorded.
    const buildOnce = async (): Promise<number> => {
      const code = await main(['build', '--source', 'catalog.md', '--out', 'out'], io)
      codes.push(code)
      return code
    }
    watching = watchCatalog({source: 'catalog.md', debounceMs, signal: controller.signal, signals: new EventEmitter()}, io, buildOnce)
    await until(() => codes.length === 1, 'the initial build')
  })

  afterAll(() => controller.abort())

  it('builds at start', () => {
    expect(codes).toEqual([0])
    expect(stderr).toMatch(/catalog: built in \d+ ms; watching catalog\.md/)
    expect(output()).toContain('containing over 377,000 images paired')
  })

  it('rebuilds once after an edit', async () => {
    writeFileSync(source, edited('first edit'))
    await until(() => codes.length === 2, 'a rebuild')
    expect(output()).toContain('(first edit)')
    expect(stderr).toMatch(/catalog: rebuilt in \d+ ms/)
    await sleep(debounceMs * 3)
    expect(codes).toHaveLength(2)
  })

  it('rebuilds exactly once after a burst of saves', async () => {
    for (let save = 1; save <= 5; save++) {
      writeFileSync(source, edited(`save ${save}`))
      await sleep(debounceMs / 4)
    }
    await until(() => codes.length === 3, 'one rebuild after the burst')
    await sleep(debounceMs * 3)
    expect(codes).toHaveLength(3)
    expect(output()).toContain('(save 5)')
  })

  it('keeps watching after a broken edit and rebuilds once it is fixed', async () => {
    const before = output()
    writeFileSync(source, replaceOnce(realSource, '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest', '### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest'))
    await until(() => codes.length === 4, 'the failed build')
    expect(codes[3]).toBe(1)
    expect(stderr).toContain('catalog.md:13:1: error: MIMIC-CXR is rated 7 stars')
    expect(stderr).toContain('catalog: build failed; keeping the previous output')
    expect(output()).toBe(before)

    writeFileSync(source, edited('fixed'))
    await until(() => codes.length === 5, 'the rebuild after the fix')
    expect(codes[4]).toBe(0)
    expect(output()).toContain('(fixed)')
  })

  it('does not rebuild when a save leaves the bytes unchanged', async () => {
    writeFileSync(source, edited('fixed'))
    await sleep(debounceMs * 3)
    expect(codes).toHaveLength(5)
  })

  it('ignores other files in the folder', async () => {
    writeFileSync(path.join(folder, 'notes.md'), 'not the catalog')
    await sleep(debounceMs * 3)
    expect(codes).toHaveLength(5)
  })

  it('resolves with 0 when aborted, and stops watching', async () => {
    controller.abort()
    await expect(watching).resolves.toBe(0)
    expect(stderr).toMatch(/catalog: stopped watching\n$/)
    writeFileSync(source, edited('after stop'))
    await sleep(debounceMs * 3)
    expect(codes).toHaveLength(5)
  })
})

describe('watchCatalog and signals', () => {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    it(`stops cleanly on ${signal} with exit code 0`, async () => {
      const folder = tempFolder()
      writeFileSync(path.join(folder, 'catalog.md'), realSource)
      const signals = new EventEmitter()
      let builds = 0
      let stderr = ''
      const watching = watchCatalog(
        {source: 'catalog.md', debounceMs, signals},
        {
          stderr: (text) => {
            stderr += text
          },
          cwd: folder
        },
        async () => {
          builds++
          return 0
        }
      )
      await until(() => builds === 1, 'the initial build')
      expect(signals.listenerCount(signal)).toBe(1)
      signals.emit(signal)
      await expect(watching).resolves.toBe(0)
      // Nothing is left listening: the process can exit.
      expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0)
      expect(stderr).toContain('catalog: stopped watching')
    })
  }

  it('reports a build that throws in one line and keeps watching', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    const controller = new AbortController()
    let builds = 0
    let stderr = ''
    const watching = watchCatalog(
      {source: 'catalog.md', debounceMs, signal: controller.signal, signals: new EventEmitter()},
      {
        stderr: (text) => {
          stderr += text
        },
        cwd: folder
      },
      async () => {
        builds++
        if (builds === 1) throw new Error('renderer exploded\n    at somewhere')
        return 0
      }
    )
    await until(() => builds === 1, 'the initial build')
    writeFileSync(path.join(folder, 'catalog.md'), edited('after the crash'))
    await until(() => builds === 2, 'a rebuild after the crash')
    controller.abort()
    expect(await watching).toBe(0)
    expect(stderr).toContain('catalog: internal error: renderer exploded (please report this bug)\n')
    expect(stderr).not.toContain('at somewhere')
    expect(stderr).toMatch(/rebuilt in \d+ ms/)
  })
})

describe('watchCatalog when things change around the source', () => {
  const watchFolder = async (build: () => Promise<number>) => {
    const root = tempFolder()
    const folder = path.join(root, 'source')
    mkdirSync(folder)
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    const controller = new AbortController()
    let stderr = ''
    const watching = watchCatalog(
      {source: 'source/catalog.md', debounceMs, signal: controller.signal, signals: new EventEmitter()},
      {
        stderr: (text) => {
          stderr += text
        },
        cwd: root
      },
      build
    )
    return {folder, controller, watching, stderr: () => stderr}
  }

  it('keeps rebuilding after its folder is deleted and made again, as a branch switch does', async () => {
    let builds = 0
    const {folder, controller, watching, stderr} = await watchFolder(async () => ++builds && 0)
    await until(() => builds === 1, 'the initial build')
    rmSync(folder, {recursive: true})
    await until(() => stderr().includes('is gone'), 'the folder to be missed')
    mkdirSync(folder)
    writeFileSync(path.join(folder, 'catalog.md'), edited('after the switch'))
    await until(() => builds === 2, 'a rebuild in the new folder')
    writeFileSync(path.join(folder, 'catalog.md'), edited('edited again'))
    await until(() => builds === 3, 'a rebuild on the next save')
    controller.abort()
    expect(await watching).toBe(0)
    expect(stderr().match(/is gone/g)).toHaveLength(1)
  })

  it('rebuilds when the translation lock beside the source changes', async () => {
    let builds = 0
    const {folder, controller, watching} = await watchFolder(async () => ++builds && 0)
    await until(() => builds === 1, 'the initial build')
    writeFileSync(path.join(folder, 'translations.lock.json'), '{}\n')
    await until(() => builds === 2, 'a rebuild for the lock')
    controller.abort()
    expect(await watching).toBe(0)
  })
})

describe('catalog watch', () => {
  it('is a command of the CLI, with its help', async () => {
    const result = await run(['watch', '--help'], tempFolder())
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('Usage: catalog watch')
    expect(result.stdout).toContain('--debounce MS')
  })

  it('refuses a debounce that is no number of milliseconds', async () => {
    const io = {stdout: () => {}, stderr: () => {}, cwd: tempFolder()}
    await expect(watchCommand(['--debounce', 'soon'], io)).rejects.toThrow('--debounce takes milliseconds')
  })

  it.each([
    [['--source', ''], '--source is empty'],
    [['--out', ''], '--out is empty'],
    [['--out', '.'], 'it is the working folder'],
    [['--out', 'source'], 'it holds the source']
  ])('refuses %j with exit 2 before watching', async (args, message) => {
    const folder = tempFolder()
    mkdirSync(path.join(folder, 'source'))
    writeFileSync(path.join(folder, 'source/datasets.md'), realSource)
    const controller = new AbortController()
    // Were it to watch, the abort would end it with 0 after a while.
    const timer = setTimeout(() => controller.abort(), 3000)
    const {io, stderrOf} = capture(folder)
    // As `main` runs it: what it throws is said, with its exit code.
    const code = await watchCommand(args, io, {signal: controller.signal, signals: new EventEmitter()})
      .catch((error: unknown) => reportFailure(error, io))
      .finally(() => clearTimeout(timer))
    expect({code, stderr: stderrOf()}).toEqual({code: 2, stderr: expect.stringContaining(message)})
    expect(stderrOf()).not.toContain('watching')
  })

  it('stops with exit 2 when a build is refused its output folder', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    mkdirSync(path.join(folder, 'site'))
    writeFileSync(path.join(folder, 'site/README.md'), 'mine\n')
    const {io, stderrOf} = capture(folder)
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), 5000)
    const code = await watchCommand(['--source', 'catalog.md', '--out', 'site'], io, {signal: controller.signal, signals: new EventEmitter()})
    clearTimeout(timer)
    expect(code).toBe(2)
    expect(stderrOf()).toContain('refusing to replace site')
    expect(readFileSync(path.join(folder, 'site/README.md'), 'utf8')).toBe('mine\n')
  })

  it('builds with the options of `catalog build`, reports with the chosen reporter and stops on abort', async () => {
    const folder = tempFolder()
    writeFileSync(path.join(folder, 'catalog.md'), realSource)
    let stdout = ''
    let stderr = ''
    const io = {
      stdout: (text: string) => {
        stdout += text
      },
      stderr: (text: string) => {
        stderr += text
      },
      cwd: folder
    }
    const controller = new AbortController()
    const args = ['--source', 'catalog.md', '--out', 'site', '--debounce', String(debounceMs), '--reporter', 'github']
    const watching = watchCommand(args, io, {signal: controller.signal, signals: new EventEmitter()})
    await until(() => stderr.includes('built in'), 'the initial build')
    expect(readFileSync(path.join(folder, 'site/datasets.json'), 'utf8')).toContain('"mimic-cxr"')
    expect(stdout).toContain('::warning file=catalog.md,line=67,col=1,title=missing-translation::')

    writeFileSync(
      path.join(folder, 'catalog.md'),
      replaceOnce(realSource, '### ⭐⭐⭐⭐ MIMIC-CXR - The Largest', '### ⭐⭐⭐⭐⭐⭐⭐ MIMIC-CXR - The Largest')
    )
    await until(() => stderr.includes('build failed'), 'the failed build')
    expect(stdout).toContain('::error file=catalog.md,line=13,col=1,title=rating-range::')
    controller.abort()
    expect(await watching).toBe(0)
  })
})

/** An `Io` in `folder` that keeps what is written to stderr. */
function capture(folder: string): {io: {stdout: (text: string) => void; stderr: (text: string) => void; cwd: string}; stderrOf: () => string} {
  let stderr = ''
  return {
    io: {
      stdout: () => {},
      stderr: (text: string) => {
        stderr += text
      },
      cwd: folder
    },
    stderrOf: () => stderr
  }
}
