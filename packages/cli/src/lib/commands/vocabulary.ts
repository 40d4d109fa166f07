import path from 'node:path'
import {valueParts} from '@catalog/feeds'
import {commonOptions, exitCodes, type Io, pathOption, printDiagnostics, sourceOption, vocabularyPathOf, parseCommand} from '../cli-kit.js'
import {writeFileAtomically} from '../files.js'
import {readCatalog} from '../read.js'
import {serializeVocabulary, updateVocabulary} from '../vocabulary.js'

export const help = `Usage: catalog vocabulary [--source FILE] [--write | --check]

Write the vocabulary beside the source (vocabulary.json): every label the
catalog uses, with a stable key and its text in each language. The halves
pair each dataset's parts by these keys, a label close to a declared one is
reported as a slip, and the CSV's columns follow their order.

Every existing entry is kept in its place; a label the source uses undeclared
is added (its translations as the halves pair them, the most common where
datasets disagree), after the others. Prints the result, or with --write
replaces the file; --check exits 1 when the file would change.

  --source FILE    the catalog source (default: source/datasets.md)
  --write          write vocabulary.json beside the source
  --check          write nothing; exit 1 when vocabulary.json is not up to date
  -h, --help       show this help
`

export async function vocabularyCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(
    args,
    {...sourceOption, cache: commonOptions.cache, write: {type: 'boolean', default: false}, check: {type: 'boolean', default: false}},
    help,
    io
  )
  if (!parsed) return exitCodes.ok
  const {values} = parsed
  const sourcePath = pathOption(values.source, '--source')
  const vocabularyPath = vocabularyPathOf(sourcePath)
  const {file, catalog, diagnostics, vocabulary} = await readCatalog(sourcePath, io.cwd, {cache: values.cache})
  // Labels can be declared from a source that still has errors (a slip elsewhere); not from one that cannot be read.
  const read = file?.data.catalog ?? catalog
  if (!read || !file) {
    printDiagnostics(diagnostics, 'text', io)
    return exitCodes.problems
  }
  const primary = read.languages[0]?.code ?? ''
  const {vocabulary: updated, conflicts} = updateVocabulary(vocabulary, file.data.undeclared ?? [], primary, valueParts(read.datasets))
  for (const conflict of conflicts) io.stderr(`catalog: ${conflict}\n`)
  const text = serializeVocabulary(updated)
  const added = updated.labels.length - (vocabulary?.labels.length ?? 0)
  if (values.check) {
    const current = vocabulary ? serializeVocabulary(vocabulary) : undefined
    if (current === text) {
      io.stderr(`catalog: ${vocabularyPath} declares every label the source uses\n`)
      return exitCodes.ok
    }
    io.stderr(`catalog: ${vocabularyPath} is not up to date (${added} labels to add); run \`catalog vocabulary --write\`\n`)
    return exitCodes.problems
  }
  if (!values.write) {
    io.stdout(text)
    return exitCodes.ok
  }
  await writeFileAtomically(path.resolve(io.cwd, vocabularyPath), text)
  io.stderr(`catalog: wrote ${vocabularyPath} (${updated.labels.length} labels, ${added} new)\n`)
  return exitCodes.ok
}
