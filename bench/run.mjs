#!/usr/bin/env node
// `npm run bench`: measure `catalog build` against a bare remark parse of the same
// generated catalog, the rebuild after a one-dataset edit against the cold build,
// peak memory, `catalog check` on the real source, and how soon `catalog watch` has
// written dist/ after a save. Every measurement is a whole process, timed from spawn
// to exit, as a user or CI experiences it.
//
//   node bench/run.mjs [--sizes 100,400,1600] [--runs N] [--timeout SECONDS] [--write] [--keep]
//
// --write replaces the results section of BENCHMARKS.md; see that file for what is
// measured and how to read it.

import {spawn} from 'node:child_process'
import {copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateCatalog} from './generate.mjs'

const root = fileURLToPath(new URL('../', import.meta.url))
const catalogBin = path.join(root, 'packages/cli/bin/catalog.js')
const bareParse = path.join(root, 'bench/bare-parse.mjs')
const maxRssPreload = path.join(root, 'bench/max-rss.mjs')
const benchmarksFile = path.join(root, 'BENCHMARKS.md')
const timeBinary = '/usr/bin/time'

/** The targets BENCHMARKS.md sets: the ratios at `targetSize`, the memory at `memorySize`. */
const targetSize = 400
const memorySize = 1600
const targets = {coldOverBare: 1.0, rebuildOverCold: 0.1, memoryMb: 400, checkSeconds: 0.5, growth: 1.25}

const {values} = parseArgs({
  options: {
    sizes: {type: 'string', default: '100,400,1600'},
    runs: {type: 'string'},
    timeout: {type: 'string', default: '60'},
    seed: {type: 'string', default: '1'},
    write: {type: 'boolean', default: false},
    keep: {type: 'boolean', default: false},
    help: {type: 'boolean', short: 'h'}
  }
})
if (values.help) {
  const usage = readFileSync(fileURLToPath(import.meta.url), 'utf8')
    .split('\n')
    .slice(1, 10)
    .join('\n')
  process.stdout.write(`${usage.replace(/^\/\/ ?/gm, '')}\n`)
  process.exit(0)
}
const sizes = values.sizes.split(',').map(Number)
if (sizes.some((size) => !Number.isInteger(size) || size < 1)) fail(`--sizes takes positive integers, not "${values.sizes}"`)
const timeoutMs = Number(values.timeout) * 1000
const fixedRuns = values.runs === undefined ? undefined : Number(values.runs)
if (!existsSync(path.join(root, 'packages/cli/dist/bin.js'))) fail('the CLI is not built: run `npm run build` first')

/**
 * Runs per measurement: a few at small sizes (best and median mean something),
 * one for the slow whole-file parses at the largest size, so that the whole
 * benchmark stays within minutes on two cores.
 */
function runsFor(kind, size) {
  if (fixedRuns !== undefined) return fixedRuns
  if (kind === 'check' || kind === 'watch') return 5
  if (kind === 'rebuild') return 3
  return size <= 400 ? 3 : 1
}

// --- Measuring one process. ------------------------------------------------------------

const memoryMethod = existsSync(timeBinary)
  ? `GNU time (\`${timeBinary} -f %M\`: the process's maximum resident set size)`
  : '`process.resourceUsage().maxRSS` read at exit by a preload (`node --import bench/max-rss.mjs`)'

/** The measured processes still running, to stop them with the benchmark. */
const running = new Set()

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child)
    process.exit(130)
  })
}

/**
 * Spawn `node ARGS` in `cwd` and measure wall time (spawn to exit), CPU time and
 * peak resident memory. Resolves {ms, cpuMs, rssKb, code, stderr, timedOut}.
 */
function measure(args, {cwd, env = {}}) {
  const statsFile = path.join(os.tmpdir(), `catalog-bench-stats-${process.pid}-${Math.random().toString(36).slice(2)}`)
  const command = existsSync(timeBinary) ? timeBinary : process.execPath
  const commandArgs = existsSync(timeBinary) ? ['-f', '%M %U %S', '-o', statsFile, process.execPath, ...args] : ['--import', maxRssPreload, ...args]
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint()
    // Its own process group, so that a timeout stops GNU time and the node below it together.
    const child = spawn(command, commandArgs, {
      cwd,
      env: {...process.env, ...env, BENCH_STATS_FILE: statsFile},
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true
    })
    running.add(child)
    let stderr = ''
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 20_000) stderr += chunk
    })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      killGroup(child)
    }, timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      running.delete(child)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      let rssKb
      let cpuMs
      if (!timedOut && existsSync(statsFile)) {
        const text = readFileSync(statsFile, 'utf8').trim()
        if (existsSync(timeBinary)) {
          // GNU time writes "Command exited with non-zero status N" before the format line.
          const [kb, user, system] = (text.split('\n').at(-1) ?? '').split(' ').map(Number)
          rssKb = kb
          cpuMs = (user + system) * 1000
        } else {
          const stats = JSON.parse(text)
          rssKb = stats.maxRSS
          cpuMs = (stats.userCPUTime + stats.systemCPUTime) / 1000
        }
      }
      rmSync(statsFile, {force: true})
      resolve({ms, cpuMs, rssKb, code, stderr, timedOut})
    })
  })
}

/** Measure once and say how it went. */
async function once(label, run, runs, args, options) {
  const result = await measure(args, options)
  const shown = result.timedOut ? `timed out after ${timeoutMs / 1000} s` : `${formatMs(result.ms)}, ${formatKb(result.rssKb)}`
  process.stderr.write(`  ${label} ${run + 1}/${runs}: ${shown}${result.code !== 0 && !result.timedOut ? ` (exit ${result.code})` : ''}\n`)
  return result
}

/** Run a measurement `runs` times; `before` prepares each run (clearing a cache, editing the source). */
async function repeat(label, runs, args, options, before = (/** @type {number} */ _run) => {}) {
  const results = []
  for (let run = 0; run < runs; run++) {
    before(run)
    const result = await once(label, run, runs, args, options)
    results.push(result)
    if (result.timedOut) break
  }
  return summarize(results)
}

function summarize(results) {
  const finished = results.filter((result) => !result.timedOut)
  const times = finished.map((result) => result.ms).sort((a, b) => a - b)
  return {
    runs: results.length,
    timedOut: results.some((result) => result.timedOut),
    best: times[0],
    median: times.length === 0 ? undefined : times[Math.floor((times.length - 1) / 2)],
    cpuMedian: median(finished.map((result) => result.cpuMs).filter((value) => value !== undefined)),
    peakKb: Math.max(0, ...finished.map((result) => result.rssKb ?? 0)) || undefined,
    codes: [...new Set(results.map((result) => result.code))],
    stderr: results.at(-1)?.stderr ?? ''
  }
}

function median(numbers) {
  if (numbers.length === 0) return undefined
  const sorted = [...numbers].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 2)]
}

// --- The scenarios. ----------------------------------------------------------------------

/** Every file below a folder and its bytes, to compare two builds byte for byte. */
function readTree(folder) {
  const files = new Map()
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(folder, relative), {withFileTypes: true})) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else files.set(child, readFileSync(path.join(folder, child)))
    }
  }
  if (existsSync(folder)) walk('')
  return files
}

function differences(a, b) {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort()
  return names.filter((name) => !a.has(name) || !b.has(name) || !a.get(name).equals(b.get(name)))
}

async function benchSize(size) {
  process.stderr.write(`N = ${size}\n`)
  const folder = mkdtempSync(path.join(os.tmpdir(), `catalog-bench-${size}-`))
  const {text, datasets} = generateCatalog(size, {seed: Number(values.seed)})
  const source = path.join(folder, 'catalog.md')
  writeFileSync(source, text)
  const cache = path.join(folder, 'cache')
  const env = {CATALOG_CACHE_DIR: cache}
  const clearCache = () => {
    rmSync(cache, {recursive: true, force: true})
    // Where the cache lives when CATALOG_CACHE_DIR is not honoured: node_modules/.cache/catalog under the cwd.
    rmSync(path.join(folder, 'node_modules'), {recursive: true, force: true})
  }
  const build = (out) => [catalogBin, 'build', '--source', 'catalog.md', '--out', out]

  // Bare parse and cold build alternate, so that both meet the same load on a shared machine.
  const runs = runsFor('cold', size)
  const bareRuns = []
  const coldRuns = []
  for (let run = 0; run < runs; run++) {
    if (!bareRuns.some((result) => result.timedOut)) bareRuns.push(await once('bare parse', run, runs, [bareParse, 'catalog.md'], {cwd: folder}))
    if (coldRuns.some((result) => result.timedOut)) continue
    clearCache()
    coldRuns.push(await once('cold build', run, runs, build('dist'), {cwd: folder, env}))
  }
  const bare = summarize(bareRuns)
  const cold = summarize(coldRuns)
  if (cold.codes.some((code) => code !== 0) && !cold.timedOut) {
    fail(`catalog build failed on the generated catalog (N = ${size}):\n${cold.stderr}`)
  }

  // The last cold run left the cache warm for the unedited source. Time builds that each
  // follow an edit of one dataset's description: every run re-parses one changed section.
  let rebuild
  let identical
  if (!cold.timedOut) {
    const edited = datasets[Math.floor(size / 2)]
    const line = `**Description:** ${edited.description}`
    if (text.indexOf(line) === -1 || text.indexOf(line) !== text.lastIndexOf(line)) fail(`cannot find one description of ${edited.name} to edit`)
    rebuild = await repeat('rebuild after one edit', runsFor('rebuild', size), build('dist'), {cwd: folder, env}, (run) => {
      writeFileSync(source, text.replace(line, `${line} Edited in run ${run + 1}.`))
    })
    // The incremental output must equal a cold build of the same source, byte for byte.
    clearCache()
    await measure(build('dist-cold'), {cwd: folder, env})
    const mismatched = differences(readTree(path.join(folder, 'dist')), readTree(path.join(folder, 'dist-cold')))
    identical = mismatched.length === 0 ? true : mismatched
  }
  if (values.keep) process.stderr.write(`  kept ${folder}\n`)
  else rmSync(folder, {recursive: true, force: true})
  return {size, bytes: Buffer.byteLength(text), bare, cold, rebuild, identical}
}

/**
 * `catalog check` on the real source and the committed dist/: with an empty
 * cache (a fresh clone that never built), with the store but no recorded run
 * (a checkout that built, then changed an input), and with a recorded run.
 */
async function benchCheck() {
  process.stderr.write('catalog check on source/datasets.md\n')
  const cache = mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-check-'))
  const options = {cwd: root, env: {CATALOG_CACHE_DIR: cache}}
  const args = [catalogBin, 'check']
  const clear = () => rmSync(cache, {recursive: true, force: true})
  const forgetRuns = () => {
    for (const name of existsSync(cache) ? readdirSync(cache) : []) if (name.startsWith('check-')) rmSync(path.join(cache, name))
  }
  const cold = await repeat('check, cold cache', runsFor('check'), args, options, clear)
  const store = await repeat('check, store but no recorded run', runsFor('check'), args, options, forgetRuns)
  const warm = await repeat('check, recorded run', runsFor('check'), args, options)
  clear()
  return {cold, store, warm, bytes: statSync(path.join(root, 'source/datasets.md')).size}
}

/**
 * How soon `catalog watch` has written dist/ after a save, in a copy of `files`
 * (the source first): the watcher builds once, then each run writes the source
 * with one description edited and times until the watcher says it rebuilt, which
 * it says after dist/ is written (checked: dist/datasets.json holds the edit).
 * The watcher's default quiet time after a save (150 ms) is part of it, as it is
 * of what a maintainer waits for.
 */
async function benchWatch(label, files, marker) {
  process.stderr.write(`catalog watch, ${label}\n`)
  const folder = mkdtempSync(path.join(os.tmpdir(), 'catalog-bench-watch-'))
  for (const [name, from] of Object.entries(files)) {
    if (typeof from === 'string' && existsSync(from)) copyFileSync(from, path.join(folder, name))
    else if (typeof from !== 'string') writeFileSync(path.join(folder, name), from.text)
  }
  const sourceName = Object.keys(files)[0]
  const source = path.join(folder, sourceName)
  const text = readFileSync(source, 'utf8')
  const line = text.split('\n').find((candidate) => candidate.startsWith(marker))
  if (!line) fail(`no line starting with ${marker} in ${sourceName}`)
  const child = spawn(process.execPath, [catalogBin, 'watch', '--source', sourceName, '--out', 'dist'], {
    cwd: folder,
    env: {...process.env, CATALOG_CACHE_DIR: path.join(folder, 'cache')},
    stdio: ['ignore', 'ignore', 'pipe'],
    detached: true
  })
  running.add(child)
  let stderr = ''
  let waiting
  child.stderr.on('data', (chunk) => {
    stderr += chunk
    if (waiting?.test(stderr)) waiting.resolve()
  })
  const until = (pattern) =>
    /** @type {Promise<void>} */ (
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`catalog watch did not say ${pattern} within ${timeoutMs / 1000} s:\n${stderr}`)), timeoutMs)
        waiting = {
          test: (output) => pattern.test(output),
          resolve: () => {
            clearTimeout(timer)
            waiting = undefined
            resolve()
          }
        }
        if (pattern.test(stderr)) waiting.resolve()
      })
    )
  const times = []
  try {
    await until(/built in \d+ ms/)
    const runs = runsFor('watch')
    for (let run = 0; run < runs; run++) {
      stderr = ''
      const edit = `Saved in watch run ${run + 1}.`
      const started = process.hrtime.bigint()
      writeFileSync(source, text.replace(line, `${line} ${edit}`))
      await until(/rebuilt in \d+ ms|build failed/)
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      if (!readFileSync(path.join(folder, 'dist/datasets.json'), 'utf8').includes(edit))
        fail(`catalog watch said it rebuilt, but dist/ lacks the edit:\n${stderr}`)
      process.stderr.write(`  save to dist/ ${run + 1}/${runs}: ${formatMs(ms)}\n`)
      times.push(ms)
      // Apart, so that each save is one burst of its own.
      await new Promise((resolve) => setTimeout(resolve, 300))
    }
  } finally {
    killGroup(child)
    running.delete(child)
    rmSync(folder, {recursive: true, force: true})
  }
  const sorted = times.toSorted((a, b) => a - b)
  return {label, runs: times.length, median: median(times), best: sorted[0], bytes: Buffer.byteLength(text)}
}

// --- Reporting. ----------------------------------------------------------------------------

function formatMs(ms) {
  if (ms === undefined) return '—'
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`
}

function formatKb(kb) {
  return kb === undefined ? '—' : `${Math.round(kb / 1024)} MB`
}

function formatBytes(bytes) {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`
}

/** A time, or a lower bound when the run was stopped. */
function showTime(summary) {
  if (!summary) return '—'
  if (summary.timedOut && summary.median === undefined) return `> ${timeoutMs / 1000} s`
  return formatMs(summary.median)
}

function ratio(a, b) {
  return a === undefined || b === undefined ? undefined : a / b
}

function showRatio(value, bound) {
  if (value === undefined) return bound ?? '—'
  return `${value.toFixed(value < 0.1 ? 3 : 2)}×`
}

function machine() {
  const cpus = os.cpus()
  return {
    cpu: `${cpus[0]?.model.trim() ?? 'unknown'} × ${cpus.length}`,
    memory: `${Math.round(os.totalmem() / 1024 ** 3)} GiB`,
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    load: os
      .loadavg()
      .map((value) => value.toFixed(1))
      .join(', ')
  }
}

function report(results, check, watches, host) {
  const lines = []
  lines.push(
    `Measured on ${new Date().toISOString().slice(0, 10)}; machine: ${host.cpu}, ${host.memory} RAM, ${host.os}, Node ${host.node}; load average (1, 5, 15 min) at the start ${host.startLoad}, at the end ${host.load}.`
  )
  lines.push(`Wall times are medians of whole processes (best in brackets; runs per cell in the notes); peak memory by ${memoryMethod}.`)
  lines.push('')
  lines.push(
    '| N | source | bare parse | cold build | cold / bare | rebuild after one edit | rebuild / cold | peak bare | peak cold | peak cold / bare | cold per dataset | rebuild = cold |'
  )
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|')
  for (const r of results) {
    const coldOverBare = ratio(r.cold.median, r.bare.median)
    const lowerBound = r.bare.timedOut && r.cold.median !== undefined ? `< ${(r.cold.median / timeoutMs).toFixed(2)}×` : undefined
    lines.push(
      [
        r.size,
        formatBytes(r.bytes),
        `${showTime(r.bare)}${r.bare.best !== undefined ? ` (${formatMs(r.bare.best)})` : ''}`,
        `${showTime(r.cold)}${r.cold.best !== undefined ? ` (${formatMs(r.cold.best)})` : ''}`,
        showRatio(coldOverBare, lowerBound),
        r.rebuild ? `${showTime(r.rebuild)} (${formatMs(r.rebuild.best)})` : '—',
        showRatio(ratio(r.rebuild?.median, r.cold.median)),
        formatKb(r.bare.peakKb),
        formatKb(r.cold.peakKb),
        showRatio(ratio(r.cold.peakKb, r.bare.peakKb)),
        r.cold.median === undefined ? '—' : `${(r.cold.median / r.size).toFixed(1)} ms`,
        r.identical === true ? 'yes' : r.identical === undefined ? '—' : `**no**: ${r.identical.join(', ')}`
      ]
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |')
    )
  }
  const checkCodes = [...new Set([...check.cold.codes, ...check.store.codes, ...check.warm.codes])].filter((code) => code !== null)
  lines.push('')
  lines.push(
    `\`catalog check\` on \`source/datasets.md\` (${formatBytes(check.bytes)}) against the committed \`dist/\`: ` +
      `${showTime(check.cold)} with an empty cache (a fresh clone that never built; best ${formatMs(check.cold.best)}), ` +
      `${showTime(check.store)} with the store but no recorded run (best ${formatMs(check.store.best)}), ` +
      `${showTime(check.warm)} from a recorded run (best ${formatMs(check.warm.best)}); exit codes ${checkCodes.join(', ')}` +
      `${checkCodes.every((code) => code === 0) ? '' : ' (1 means dist/ was stale at that moment)'}.`
  )
  if (watches.length > 0) {
    lines.push('')
    lines.push(
      `\`catalog watch\`, from the save of a one-description edit to \`dist/\` written (the watcher's default 150 ms quiet time included; medians of ${watches[0].runs}, best in brackets): ` +
        `${watches.map((watch) => `${watch.label} (${formatBytes(watch.bytes)}) ${formatMs(watch.median)} (${formatMs(watch.best)})`).join('; ')}.`
    )
  }
  lines.push('')
  lines.push(
    `CPU time (user + system, medians): ${results.map((r) => `N = ${r.size}: bare ${formatMs(r.bare.cpuMedian)}, cold ${formatMs(r.cold.cpuMedian)}, rebuild ${formatMs(r.rebuild?.cpuMedian)}`).join('; ')}.`
  )
  lines.push(
    `Runs per cell: ${results.map((r) => `N = ${r.size}: bare ${r.bare.runs}, cold ${r.cold.runs}, rebuild ${r.rebuild?.runs ?? 0}`).join('; ')}; check ${check.cold.runs} + ${check.store.runs} + ${check.warm.runs}. A process still running after ${timeoutMs / 1000} s is stopped and shown as a bound.`
  )
  lines.push('')
  lines.push(...verdicts(results, check))
  return `${lines.join('\n')}\n`
}

function verdicts(results, check) {
  const at = results.find((r) => r.size === targetSize)
  const lines = [`Targets (ratios at N = ${targetSize}, memory at N = ${memorySize}, on this machine):`, '']
  const line = (name, value, limit, shown, unit = '×') => {
    const state = value === undefined ? 'not measured' : value <= limit ? 'met' : 'not met'
    lines.push(`- ${name}: ${shown} (target ≤ ${limit}${unit}) — **${state}**`)
  }
  if (at) {
    // A bare parse stopped at the timeout bounds the ratio from above.
    const bound = at.bare.timedOut && at.cold.median !== undefined ? at.cold.median / timeoutMs : undefined
    const coldOverBare = ratio(at.cold.median, at.bare.median) ?? bound
    line('cold build / bare parse', coldOverBare, targets.coldOverBare, bound === undefined ? showRatio(coldOverBare) : `< ${bound.toFixed(2)}×`)
    const rebuildOverCold = ratio(at.rebuild?.median, at.cold.median)
    line('rebuild after one edit / cold build', rebuildOverCold, targets.rebuildOverCold, showRatio(rebuildOverCold))
  } else {
    lines.push(`- N = ${targetSize} was not in --sizes; the ratio targets were not checked.`)
  }
  const large = results.find((r) => r.size === memorySize)
  if (large) {
    const mb = large.cold.peakKb === undefined ? undefined : large.cold.peakKb / 1024
    line(`peak memory of a cold build at N = ${memorySize}`, mb, targets.memoryMb, formatKb(large.cold.peakKb), ' MB')
  } else {
    lines.push(`- N = ${memorySize} was not in --sizes; the memory target was not checked.`)
  }
  const seconds = (summary) => (summary.median === undefined ? (summary.timedOut ? Infinity : undefined) : summary.median / 1000)
  line('`catalog check` on the real source without a recorded run, store warm', seconds(check.store), targets.checkSeconds, showTime(check.store), ' s')
  line(
    '`catalog check` on the real source without a recorded run or a store (a fresh clone)',
    seconds(check.cold),
    targets.checkSeconds,
    showTime(check.cold),
    ' s'
  )
  // Flat: the time per dataset should not grow with N.
  const timed = results.filter((r) => r.cold.median !== undefined)
  for (let index = 1; index < timed.length; index++) {
    const [small, larger] = [timed[index - 1], timed[index]]
    const growth = larger.cold.median / larger.size / (small.cold.median / small.size)
    const bareGrowth =
      larger.bare.median !== undefined && small.bare.median !== undefined ? larger.bare.median / larger.size / (small.bare.median / small.size) : undefined
    lines.push(
      `- time per dataset from N = ${small.size} to ${larger.size} (1.00× is flat): cold build ${growth.toFixed(2)}×` +
        `${bareGrowth === undefined ? '' : `, bare parse ${bareGrowth.toFixed(2)}×`} — **${growth <= targets.growth ? 'flat' : 'growing'}** (target ≤ ${targets.growth}×)`
    )
  }
  if (results.some((r) => Array.isArray(r.identical))) lines.push('- **the incremental rebuild differs from a cold build** (see the table): a correctness bug.')
  return lines
}

const resultsStart = '<!-- bench:results:start -->'
const resultsEnd = '<!-- bench:results:end -->'

function writeBenchmarks(block) {
  const section = `${resultsStart}\n${block}${resultsEnd}`
  if (!existsSync(benchmarksFile)) {
    writeFileSync(benchmarksFile, `# Benchmarks\n\nRun \`npm run bench -- --write\` to measure and fill in the results.\n\n## Results\n\n${section}\n`)
    return
  }
  const current = readFileSync(benchmarksFile, 'utf8')
  const start = current.indexOf(resultsStart)
  const end = current.indexOf(resultsEnd)
  if (start === -1 || end === -1) fail(`${benchmarksFile} has no ${resultsStart} … ${resultsEnd} section to replace`)
  writeFileSync(benchmarksFile, current.slice(0, start) + section + current.slice(end + resultsEnd.length))
}

/** @returns {never} */
function fail(message) {
  process.stderr.write(`bench: ${message}\n`)
  process.exit(1)
}

// --- Main. -------------------------------------------------------------------------------

const host = machine()
process.stderr.write(`${host.cpu}, ${host.memory}, ${host.os}, Node ${host.node}; peak memory by ${memoryMethod}\n`)
const results = []
for (const size of sizes) results.push(await benchSize(size))
const check = await benchCheck()
const watches = [
  await benchWatch(
    'the real source',
    Object.fromEntries(['datasets.md', 'vocabulary.json', 'translations.lock.json'].map((name) => [name, path.join(root, 'source', name)])),
    '**Description:**'
  )
]
if (sizes.includes(targetSize)) {
  watches.push(await benchWatch(`N = ${targetSize}`, {'catalog.md': {text: generateCatalog(targetSize, {seed: Number(values.seed)}).text}}, '**Description:**'))
}
const block = report(results, check, watches, {...host, startLoad: host.load, load: machine().load})
process.stdout.write(`\n${block}`)
if (values.write) {
  writeBenchmarks(block)
  process.stderr.write(`bench: wrote the results into ${path.relative(process.cwd(), benchmarksFile) || benchmarksFile}\n`)
}
