import type {RuleId} from '../rules.js'
import {defaultLimits} from '../limits.js'
import {edit} from './edit.js'
import {exampleSource, exampleVocabulary} from './example-catalog.js'
import type {RuleExamples} from './types.js'

// The limits every source is read with by default.
const {
  maxBytes,
  maxLineLength,
  maxLines,
  maxBlankLines,
  maxSectionLines,
  maxDepth,
  maxListItems,
  maxSectionListItems,
  maxMarkup,
  maxParagraphMarkup,
  maxDatasets
} = defaultLimits

const overview = "A small catalog that every rule's example edits.\n"
const firstDataset = '### ⭐⭐⭐⭐ ALPHA - A Chest X-Ray Dataset\n'

/** The catalog in UTF-8, but for one text saved in a single-byte encoding (as a Latin-1 editor would). */
function savedAs(catalog: string, find: string, encoding: 'latin1'): Uint8Array {
  const [before = '', after = ''] = edit(catalog, find, '\u0000').split('\u0000')
  return Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(find, encoding), Buffer.from(after, 'utf8')])
}

/** The overview followed by a comment of `notes` lines: `notes` + 3 lines more (a blank line and the comment's delimiters). */
function withComment(catalog: string, notes: number): string {
  return edit(catalog, overview, `${overview}\n<!--\n${'A note.\n'.repeat(notes)}-->\n`)
}

/**
 * The overview followed by a comment that makes the source `bytes` long, in
 * lines as long as allowed of a character of three bytes: the parser has a
 * third as many characters to read as in ASCII.
 */
function withCommentOfBytes(catalog: string, bytes: number): string {
  const frame = Buffer.byteLength('\n<!--\n-->\n')
  const line = `${'注'.repeat(maxLineLength)}\n`
  const size = Buffer.byteLength(line)
  const left = bytes - Buffer.byteLength(catalog) - frame
  const full = Math.floor(left / size)
  const rest = left - full * size
  return edit(
    catalog,
    overview,
    `${overview}\n<!--\n${line.repeat(full)}${rest > 0 ? `${'注'.repeat(Math.floor((rest - 1) / 3))}${'x'.repeat((rest - 1) % 3)}\n` : ''}-->\n`
  )
}

/** The catalog's lines. */
const catalogLines = exampleSource.split('\n').length - 1

/** `count` made-up English datasets, each a heading and the `body` it is given, put before the first dataset. */
function withDatasets(catalog: string, count: number, body: (name: string) => string): string {
  const datasets = Array.from({length: count}, (_, index) => `### ⭐⭐⭐ GEN${index + 1} - A Generated Dataset\n\n${body(`GEN${index + 1}`)}\n`)
  return edit(catalog, firstDataset, `${datasets.join('')}${firstDataset}`)
}

/** The line of the first blank line after the overview's text. */
const afterOverview = exampleSource.split('\n').indexOf(overview.trimEnd()) + 2

/** The vocabulary with an entry more, for a fact the catalog does not use. */
const withEntry = (key: string): string =>
  edit(
    exampleVocabulary,
    '    {"key":"time-period"',
    `    {"key":"${key}","kind":"fact","labels":{"en":"Image Count","pt":"Número de Imagens"}},\n    {"key":"time-period"`
  )

export const inputExamples = {
  'unreadable-file': {
    fails: {title: 'a folder where the source should be', files: {'catalog.md': {folder: true}}, at: 1},
    passes: {title: 'the source as a file'}
  },
  'empty-file': {
    fails: {title: 'a source of blank lines only', source: () => '\n\n   \n', at: 1},
    passes: {title: 'the source with its text'}
  },
  'binary-file': {
    fails: {
      title: 'a source ending in NUL bytes, as a crashed save leaves it',
      source: (catalog) => Buffer.concat([Buffer.from(catalog, 'utf8'), Buffer.alloc(16)]),
      at: 1
    },
    passes: {title: 'the same source without them', source: (catalog) => Buffer.from(catalog, 'utf8')}
  },
  'invalid-utf8': {
    fails: {title: 'one heading saved in Latin-1', source: (catalog) => savedAs(catalog, 'Visão Geral', 'latin1'), at: 'Geral'},
    passes: {title: 'the same heading in UTF-8', source: (catalog) => Buffer.from(catalog, 'utf8')}
  },
  'control-character': {
    fails: {
      title: 'an escape character pasted into a description',
      source: (catalog) => edit(catalog, 'ALPHA holds 1,000 chest X-rays with reports.', 'ALPHA holds 1,000 chest X-rays\u001b with reports.'),
      at: 'ALPHA holds 1,000 chest X-rays'
    },
    passes: {
      title: 'a tab in the same place',
      source: (catalog) => edit(catalog, 'ALPHA holds 1,000 chest X-rays with reports.', 'ALPHA holds 1,000 chest X-rays\t with reports.')
    }
  },
  encoding: {
    fails: {
      title: 'a word saved as UTF-8 read as Mac Roman',
      source: (catalog) => edit(catalog, 'Um pequeno catálogo', 'Um pequeno cat√°logo'),
      at: 'Um pequeno cat'
    },
    passes: {title: 'the word as it should read'}
  },
  'invalid-vocabulary': {
    fails: {title: 'a fact key declared twice', files: {'vocabulary.json': withEntry('size')}, file: 'vocabulary.json', at: '"Image Count"'},
    passes: {title: 'the new fact under a key of its own', files: {'vocabulary.json': withEntry('image-count')}}
  },
  'source-too-large': {
    fails: {title: 'a source one byte over the limit', source: (catalog) => withCommentOfBytes(catalog, maxBytes + 1), at: 1},
    passes: {title: 'a source right at the limit', source: (catalog) => withCommentOfBytes(catalog, maxBytes)}
  },
  'line-too-long': {
    fails: {
      title: 'an overview line one character over the limit',
      source: (catalog) => edit(catalog, overview, `${overview.trimEnd().padEnd(maxLineLength + 1, ' It edits.')}\n`),
      at: 'A small catalog'
    },
    passes: {title: 'the line right at the limit', source: (catalog) => edit(catalog, overview, `${overview.trimEnd().padEnd(maxLineLength, ' It edits.')}\n`)}
  },
  'too-many-lines': {
    // The line over the limit is the last: the shared resources' link.
    fails: {
      title: 'a comment that makes the source one line too long',
      source: (catalog) => withComment(catalog, maxLines + 1 - catalogLines - 3),
      at: '[Example Resources]'
    },
    // A source of as many lines as allowed takes seconds to parse: the near miss is the catalog as it is.
    passes: {title: 'the catalog at its own length'}
  },
  'too-many-blank-lines': {
    // The overview's text is followed by one blank line already.
    fails: {
      title: 'one blank line too many after the overview',
      source: (catalog) => edit(catalog, overview, `${overview}${'\n'.repeat(maxBlankLines)}`),
      at: afterOverview
    },
    passes: {title: 'as many blank lines as allowed', source: (catalog) => edit(catalog, overview, `${overview}${'\n'.repeat(maxBlankLines - 1)}`)}
  },
  'section-too-long': {
    // The overview's section is its heading, a blank line, the text, a blank line, the rule and a blank line, and the comment's lines.
    fails: {title: 'an overview one line over the limit', source: (catalog) => withComment(catalog, maxSectionLines - 6 - 3 + 1), at: '### Overview'},
    passes: {title: 'an overview right at the limit', source: (catalog) => withComment(catalog, maxSectionLines - 6 - 3)}
  },
  'nesting-too-deep': {
    fails: {
      title: 'a quote nested one level too deep in the overview',
      source: (catalog) => edit(catalog, overview, `${overview}\n${'> '.repeat(maxDepth + 1)}A quote.\n`),
      at: 'A quote.'
    },
    passes: {title: 'the quote as deep as allowed', source: (catalog) => edit(catalog, overview, `${overview}\n${'> '.repeat(maxDepth)}A quote.\n`)}
  },
  'too-much-markup': {
    // Each made-up dataset's description holds as much markup as a paragraph may; ALPHA's is the first over the limit.
    fails: {
      title: 'datasets that together hold more markup than allowed',
      source: (catalog) =>
        withDatasets(
          catalog,
          maxMarkup / maxParagraphMarkup,
          (name) => `**Description:** ${name} ${'*tag* '.repeat((maxParagraphMarkup - 4) / 2).trimEnd()}\n`
        ),
      at: '**Description:** ALPHA holds'
    },
    // Some 200 datasets take seconds to parse: the near miss is the catalog as it is.
    passes: {title: 'the catalog with its own markup'}
  },
  'too-much-markup-in-paragraph': {
    fails: {
      title: 'an overview paragraph with one markup character too many',
      source: (catalog) => edit(catalog, overview, `${overview.trimEnd()}${' &'.repeat(maxParagraphMarkup + 1)}\n`),
      at: 'A small catalog'
    },
    passes: {
      title: 'the paragraph with as many as allowed',
      source: (catalog) => edit(catalog, overview, `${overview.trimEnd()}${' &'.repeat(maxParagraphMarkup)}\n`)
    }
  },
  'too-many-list-items': {
    // Each made-up dataset holds as many tasks as a section may; ALPHA's first key fact is the first item over the limit.
    fails: {
      title: 'datasets that together hold more list items than allowed',
      source: (catalog) => withDatasets(catalog, maxListItems / maxSectionListItems, () => `**Tasks:**\n${'- Segmentation\n'.repeat(maxSectionListItems)}`),
      at: '- **Size:** 1,000 images'
    },
    // Some 60,000 list items take seconds to parse: the near miss is the catalog as it is.
    passes: {title: 'the catalog with its own lists'}
  },
  'too-many-datasets': {
    // The catalog has six level-3 headings; the last, the Portuguese BETA, is the first over the limit.
    fails: {
      title: 'more datasets than allowed',
      source: (catalog) => withDatasets(catalog, maxDatasets + 1 - 6, (name) => `**Description:** ${name} holds chest X-rays.\n`),
      at: '### ⭐⭐⭐ BETA - Um Dataset'
    },
    // Some 4,000 datasets take seconds to parse: the near miss is the catalog as it is.
    passes: {title: 'the catalog with its own datasets'}
  }
} satisfies Partial<Record<RuleId, RuleExamples>>
