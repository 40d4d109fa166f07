#!/usr/bin/env node
// Committed launcher, so that npm links the `catalog` bin even before the package is built.
// It runs the bundle that `npm run build` writes (scripts/bundle.mjs): a few files to load
// instead of hundreds.
import {existsSync} from 'node:fs'

const bundle = new URL('../dist/bundle/bin.js', import.meta.url)
if (!existsSync(bundle)) {
  process.stderr.write('catalog: the CLI is not built; run `npm run build` at the root of the repository\n')
  process.exit(3)
}
const {run} = await import(bundle.href)
await run()
