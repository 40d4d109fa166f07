#!/usr/bin/env node
// `npm run bench:limits`: a source at each of the parser's input limits, built as a
// user would, a whole process each: `catalog build --no-cache`, then `catalog build`
// with an empty store (what a first build does: it also writes every section's
// entry) and again with that store; with each one's wall time and peak memory. Each source sits just under its limit, in the shape that costs micromark most
// for that limit, and within every other limit. The targets: under 30 s and 1 GB each.
//
//   node bench/limits.mjs [--only NAME,...] [--write] [--keep]
//
// --write replaces the limits block of BENCHMARKS.md.

import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {generateCatalog} from './generate.mjs'

const root = fileURLToPath(new URL('../', import.meta.url))
const catalogBin = path.join(root, 'packages/cli/bin/catalog.js')
const benchmarksFile = path.join(root, 'BENCHMARKS.md')
const {defaultLimits: limits} = await import(path.join(root, 'packages/parser/dist/lib/limits.js'))
const targets = {seconds: 30, megabytes: 1024}

const {values} = parseArgs({options: {only: {type: 'string'}, write: {type: 'boolean', default: false}, keep: {type: 'boolean', default: false}}})
if (!existsSync(path.join(root, 'packages/cli/dist/bundle/bin.js'))) {
  process.stderr.write('bench/limits: the CLI is not built: run `npm run build` first\n')
  process.exit(2)
}

/**
 * A document of sections, each opened by a heading after a blank line and
 * holding `perSection` of the units (a unit is one or more lines).
 */
function sections(units, perSection) {
  const out = ['# T', '']
  for (let start = 0; start < units.length; start += perSection)
    out.push(`## Part ${start / perSection + 1}`, '', ...units.slice(start, start + perSection), '')
  return `${out.join('\n')}\n`
}

/** As many copies of a unit as fit under a count, a line each. */
const times = (count, make) => Array.from({length: count}, (_, index) => make(index))

/** The largest generated catalog (in the style of source/datasets.md) within every limit. */
function largestRealistic() {
  let low = 100
  let high = 4000
  const fits = (size) => {
    const text = generateCatalog(size, {seed: 1}).text
    const lines = text.split('\n').length
    const markup = text.match(/[*_~`[\]<>&\\!]/g)?.length ?? 0
    return (
      lines <= limits.maxLines &&
      markup <= limits.maxMarkup * 0.98 &&
      Buffer.byteLength(text) <= limits.maxBytes &&
      (text.match(/^### /gm)?.length ?? 0) <= limits.maxDatasets
    )
  }
  while (high - low > 25) {
    const middle = Math.floor((low + high) / 2)
    if (fits(middle)) low = middle
    else high = middle
  }
  return {size: low, text: generateCatalog(low, {seed: 1}).text}
}

const realistic = largestRealistic()
const perSection = (unitLines) => Math.floor((limits.maxSectionLines - 4) / unitLines)

/** Each case: what it holds, and its source. */
const cases = [
  {name: 'realistic', limit: `the largest generated catalog within every limit (${realistic.size} datasets)`, source: () => realistic.text},
  {
    name: 'bytes',
    limit: `maxBytes ${limits.maxBytes}: plain text in lines of ${limits.maxLineLength} characters`,
    source: () =>
      sections(
        times(Math.floor((limits.maxBytes - 65_536) / (limits.maxLineLength + 1)), () =>
          'lorem ipsum '.repeat(limits.maxLineLength / 12).slice(0, limits.maxLineLength)
        ),
        perSection(1)
      )
  },
  {
    name: 'lines',
    limit: `maxLines ${limits.maxLines}: table rows, ${limits.maxSectionLines} lines a section`,
    source: () =>
      sections(
        times(Math.floor((limits.maxLines - 100) / (perSection(1) + 4)), () =>
          ['| a | b |', '| - | - |', ...times(perSection(1) - 2, (index) => `| ${index} | x |`)].join('\n')
        ),
        1
      )
  },
  {
    name: 'blank-lines',
    limit: `maxBlankLines ${limits.maxBlankLines}: runs of blank lines`,
    source: () =>
      sections(
        times(Math.floor((limits.maxLines - 100) / (limits.maxBlankLines + 1)), () => `text${'\n'.repeat(limits.maxBlankLines - 1)}`),
        4
      )
  },
  {
    name: 'list-items',
    limit: `maxListItems ${limits.maxListItems}: one item a line, ${limits.maxSectionListItems} a section`,
    source: () =>
      sections(
        times(limits.maxListItems - 100, (index) => `- item ${index}`),
        limits.maxSectionListItems
      )
  },
  {
    name: 'depth',
    limit: `maxDepth ${limits.maxDepth}: lists nested ${limits.maxDepth} deep on every line`,
    source: () =>
      sections(
        times(Math.floor((limits.maxListItems - 100) / limits.maxDepth), () => `${'- '.repeat(limits.maxDepth)}x`),
        Math.floor(limits.maxSectionListItems / limits.maxDepth)
      )
  },
  {
    name: 'section',
    limit: `maxSectionLines ${limits.maxSectionLines}: table rows in one section`,
    source: () => sections([['| a | b |', '| - | - |', ...times(limits.maxSectionLines - 8, (index) => `| ${index} | x |`)].join('\n')], 1)
  },
  {
    name: 'markup',
    limit: `maxMarkup ${limits.maxMarkup}: links, ${limits.maxParagraphMarkup / 2} to a paragraph`,
    source: () =>
      sections(
        times(Math.floor(limits.maxMarkup / limits.maxParagraphMarkup) - 1, () => `${'[a](https://a.b) '.repeat(limits.maxParagraphMarkup / 2 - 1)}\n`),
        Math.floor(limits.maxSectionMarkup / limits.maxParagraphMarkup)
      )
  },
  {
    name: 'paragraph-markup',
    limit: `maxParagraphMarkup ${limits.maxParagraphMarkup}: emphasis nested as deep as a paragraph allows`,
    source: () =>
      sections(
        times(
          Math.floor(limits.maxMarkup / limits.maxParagraphMarkup) - 1,
          () => `${'*'.repeat(limits.maxParagraphMarkup / 2 - 1)}x${'*'.repeat(limits.maxParagraphMarkup / 2 - 1)}\n`
        ),
        Math.floor(limits.maxSectionMarkup / limits.maxParagraphMarkup)
      )
  },
  {
    name: 'datasets',
    limit: `maxDatasets ${limits.maxDatasets}: minimal datasets, every one valid`,
    source: () => {
      const dataset = (index) =>
        `### ⭐⭐⭐ D${index} - Dataset ${index}\n\n**Description:** Dataset ${index}.\n\n**Key Features:**\n- **Size:** ${index} images\n\n**Access:**\n- **URL:** [https://example.org/${index}](https://example.org/${index})\n`
      return `# T\n\n## 🇬🇧 English\n\n## 📊 Datasets\n\n${times(limits.maxDatasets - 1, dataset).join('\n')}\n## 📋 Comparison\n\n| Dataset | Size |\n| --- | --- |\n${times(limits.maxDatasets - 1, (index) => `| D${index} | ${index} |`).join('\n')}\n`
    }
  }
].filter((entry) => !values.only || values.only.split(',').includes(entry.name))

function measure(file, folder, cache) {
  const args = [catalogBin, 'build', ...(cache ? [] : ['--no-cache']), '--source', file, '--out', path.join(folder, 'out')]
  const env = {...process.env, CATALOG_CACHE_DIR: path.join(folder, 'cache')}
  const started = performance.now()
  const result = existsSync('/usr/bin/time')
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], {env, encoding: 'utf8', maxBuffer: 1 << 28})
    : spawnSync(process.execPath, ['--import', path.join(root, 'bench/max-rss.mjs'), ...args], {
        env: {...env, BENCH_STATS_FILE: path.join(folder, 'stats.json')},
        encoding: 'utf8',
        maxBuffer: 1 << 28
      })
  const seconds = (performance.now() - started) / 1000
  const kilobytes = existsSync('/usr/bin/time')
    ? Number(result.stderr.trim().split('\n').at(-1))
    : JSON.parse(readFileSync(path.join(folder, 'stats.json'), 'utf8')).maxRSS
  const rules = [...new Set([...result.stderr.matchAll(/\[([a-z0-9-]+)\]$/gm)].map((match) => match[1]))]
  return {seconds, megabytes: kilobytes / 1024, code: result.status, rules}
}

const rows = []
for (const entry of cases) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'catalog-limits-'))
  const file = path.join(folder, `${entry.name}.md`)
  writeFileSync(file, entry.source())
  const bytes = Buffer.byteLength(readFileSync(file))
  const result = measure(file, folder, false)
  const first = measure(file, folder, true)
  const stored = measure(file, folder, true)
  const runs = [result, first, stored]
  const met = runs.every((run) => run.seconds < targets.seconds && run.megabytes < targets.megabytes)
  rows.push({...entry, bytes, ...result, first, stored, met})
  process.stderr.write(
    `bench/limits: ${entry.name}: ${runs.map((run) => `${run.seconds.toFixed(1)} s ${Math.round(run.megabytes)} MB`).join(' / ')}, exit ${result.code}${result.rules.length ? ` (${result.rules.slice(0, 3).join(', ')})` : ''}\n`
  )
  if (!values.keep) rmSync(folder, {recursive: true, force: true})
}

const machine = `${os.cpus()[0]?.model.trim() ?? 'CPU'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
const table = [
  `Measured on ${new Date().toISOString().slice(0, 10)}; ${machine}. One whole process each: \`catalog build --no-cache\`; \`catalog build\` with an empty store (a first build, which also writes the store); and \`catalog build\` again, from that store. Peak memory is the maximum resident set size.`,
  '',
  '| case | source | size | wall: no store / first / stored | peak memory: no store / first / stored | exit | what it reports | under 30 s and 1 GB |',
  '| --- | --- | ---: | ---: | ---: | :---: | --- | :---: |',
  ...rows.map(
    (row) =>
      `| ${row.name} | ${row.limit} | ${(row.bytes / 2 ** 20).toFixed(1)} MiB | ${[row, row.first, row.stored].map((run) => `${run.seconds.toFixed(1)} s`).join(' / ')} | ${[row, row.first, row.stored].map((run) => `${Math.round(run.megabytes)} MB`).join(' / ')} | ${row.code} | ${
        row.rules
          .slice(0, 2)
          .map((rule) => `\`${rule}\``)
          .join(', ') || '—'
      } | ${row.met ? 'yes' : '**no**'} |`
  )
].join('\n')
process.stdout.write(`${table}\n`)

if (values.write) {
  const text = readFileSync(benchmarksFile, 'utf8')
  const start = '<!-- bench:limits:start -->'
  const end = '<!-- bench:limits:end -->'
  if (!text.includes(start) || !text.includes(end)) throw new Error(`BENCHMARKS.md has no ${start} … ${end} block`)
  writeFileSync(benchmarksFile, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`)
}
if (rows.some((row) => !row.met)) process.exitCode = 1
