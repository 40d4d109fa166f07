#!/usr/bin/env node
// Bundle the compiled CLI (dist/bin.js and everything it imports, workspace packages
// and dependencies alike) into dist/bundle/, which bin/catalog.js runs. Node then
// loads a few files instead of several hundred: about 0.3 s less for every command
// (`catalog check` without a recorded run went from 0.98 s to 0.70 s). Each command's
// module stays its own chunk, loaded only when run.
//
//   node scripts/bundle.mjs        (run by `npm run build`, after tsc)

import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

const packageRoot = fileURLToPath(new URL('../', import.meta.url))
const outdir = path.join(packageRoot, 'dist/bundle')

/**
 * Modules find their files (templates, manifests, the code the fingerprint and the
 * cache salt hash) next to themselves through `import.meta.url`. In a bundle that
 * would be the bundle's URL, so each use becomes the module's own URL, written
 * relative to the bundle so that the checkout can move.
 */
/** @type {import('esbuild').Plugin} */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(builder) {
    builder.onLoad({filter: /\.m?js$/}, async (args) => {
      const contents = await readFile(args.path, 'utf8')
      if (!contents.includes('import.meta.url')) return undefined
      const relative = path.relative(outdir, args.path).split(path.sep).join('/')
      return {contents: contents.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'js'}
    })
  }
}

// Chunk names are content hashes: without emptying the folder first, every build would leave its
// chunks beside the next one's, and the tool's fingerprint (which hashes this folder) would read them all.
await rm(outdir, {recursive: true, force: true})
await build({
  entryPoints: [path.join(packageRoot, 'dist/bin.js')],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies (handlebars, iconv-lite, ...) call `require`, which an ES module lacks.
  banner: {js: "import {createRequire as createRequireForBundle} from 'node:module'; const require = createRequireForBundle(import.meta.url);"},
  // A package's ES module build first: jsonc-parser's `main` is a UMD wrapper whose `require`s esbuild cannot follow.
  mainFields: ['module', 'main'],
  // citation-js's fetch libraries: catalog never fetches, and loading them took 40 ms of every command.
  alias: {
    'sync-fetch': path.join(packageRoot, 'scripts/no-network/sync-fetch.mjs'),
    'fetch-ponyfill': path.join(packageRoot, 'scripts/no-network/fetch-ponyfill.mjs')
  },
  plugins: [ownUrl],
  logLevel: 'warning'
})
