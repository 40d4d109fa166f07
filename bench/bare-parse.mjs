#!/usr/bin/env node
// The baseline the benchmark compares `catalog build` with: read FILE and parse it
// into mdast with remark-parse and remark-gfm, exactly the parse the catalog parser
// starts with, and nothing else.
//
//   node bench/bare-parse.mjs FILE

import {readFileSync} from 'node:fs'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import {unified} from 'unified'

const [file] = process.argv.slice(2)
if (!file) {
  process.stderr.write('Usage: node bench/bare-parse.mjs FILE\n')
  process.exit(2)
}
const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8'))
// Touch the result, so that nothing could ever optimise the parse away.
process.stdout.write(`${tree.children.length} top-level nodes\n`)
