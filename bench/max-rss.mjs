// Preload for machines without GNU time: `node --import bench/max-rss.mjs SCRIPT`
// writes the process's peak resident memory and CPU time, as the kernel counts
// them, to $BENCH_STATS_FILE when it exits. Worker threads share the process,
// so their memory is included.
import {writeFileSync} from 'node:fs'

// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by bench/run.mjs for this preload, not a turbo task's input
const target = process.env.BENCH_STATS_FILE
if (target) {
  process.on('exit', () => {
    const {maxRSS, userCPUTime, systemCPUTime} = process.resourceUsage()
    writeFileSync(target, JSON.stringify({maxRSS, userCPUTime, systemCPUTime}))
  })
}
