#!/usr/bin/env node
// Does parsing sections on worker threads pay on this machine? Parses every section of
// a generated N-dataset catalog on one thread, then on THREADS threads (this one and
// workers taking sections in turn from one shared counter), and prints both wall
// times. `catalog build` parses on one thread because, on the two-core machine in
// BENCHMARKS.md, two threads were slower than one; run this on another machine to see
// whether that still holds there.
//
//   node bench/parallel.mjs [--size 400] [--threads 2] [--runs 3]

import {availableParallelism} from 'node:os'
import {parseArgs} from 'node:util'
import {isMainThread, parentPort, Worker, workerData} from 'node:worker_threads'
import {parseSection, splitSections} from '../packages/parser/dist/index.js'
import {generateCatalog} from './generate.mjs'

/** Take sections from the shared counter until none are left; return how many were taken. */
function parseShare(texts, next) {
  let taken = 0
  for (let index = Atomics.add(next, 0, 1); index < texts.length; index = Atomics.add(next, 0, 1)) {
    parseSection(texts[index])
    taken++
  }
  return taken
}

if (!isMainThread) {
  parentPort?.postMessage(parseShare(workerData.texts, workerData.next))
} else {
  const {values} = parseArgs({
    options: {
      size: {type: 'string', default: '400'},
      threads: {type: 'string', default: String(Math.max(2, availableParallelism()))},
      runs: {type: 'string', default: '3'}
    }
  })
  const texts = splitSections(generateCatalog(Number(values.size), {seed: 1}).text).sections.map((section) => section.text)
  const threads = Number(values.threads)

  async function timeParse(count) {
    const next = new Int32Array(new SharedArrayBuffer(4))
    const started = performance.now()
    const workers = Array.from({length: count - 1}, () => {
      const worker = new Worker(new URL(import.meta.url), {workerData: {texts, next}})
      return new Promise((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
      })
    })
    const shares = [parseShare(texts, next), ...(await Promise.all(workers))]
    return {ms: performance.now() - started, shares}
  }

  const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]
  const runs = Number(values.runs)
  const one = []
  const many = []
  let shares = []
  for (let run = 0; run < runs; run++) {
    one.push((await timeParse(1)).ms)
    const result = await timeParse(threads)
    many.push(result.ms)
    shares = result.shares
  }
  const [a, b] = [median(one), median(many)]
  console.log(`${texts.length} sections of a ${values.size}-dataset catalog, ${availableParallelism()} cores available, median of ${runs} runs`)
  console.log(`1 thread:  ${(a / 1000).toFixed(2)} s`)
  console.log(
    `${threads} threads: ${(b / 1000).toFixed(2)} s (sections per thread in the last run: ${shares.join(', ')}), ${(a / b).toFixed(2)}x the speed of one thread`
  )
}
