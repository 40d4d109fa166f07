import type {RuleId} from '../rules.js'
import {edit} from './edit.js'
import type {RuleExamples} from './types.js'

/** The English comparison table's row of BETA, and the Portuguese one. */
const betaRow = '| **BETA** | 500 images | Free |\n'
const betaRowPt = '| **BETA** | 500 imagens | Gratuito |\n'
/** The English heading of BETA, before which a comment can stand. */
/** Export the example's Portuguese half as `pt.po`, as a translator would receive it; and import it back. */
const exportPo = [['i18n', 'export', '--lang', 'pt', '--source', 'catalog.md', '--out', 'pt.po']]
const importPo = ['i18n', 'import', 'pt.po', '--source', 'catalog.md']
const betaHeading = '### ⭐⭐⭐ BETA - A Labelled Chest X-Ray Dataset'
const alphaHeading = '### ⭐⭐⭐⭐ ALPHA - A Chest X-Ray Dataset'
/** ALPHA's English description, and the text of it. */
const alphaDescription = 'ALPHA holds 1,000 chest X-rays with reports.'
/** The same text as `catalog build` writes it into datasets.json. */
const alphaDescriptionJson = `"en": "${alphaDescription}"`

/** A comment on a line of its own before a block of the source. */
const commentBefore = (catalog: string, block: string, comment: string): string => edit(catalog, block, `<!-- ${comment} -->\n\n${block}`)
/** BETA without its rows in both comparison tables. */
const withoutBetaRows = (catalog: string): string => edit(edit(catalog, betaRow, ''), betaRowPt, '')
/** ALPHA's description with a second and third line, `extra` characters in all past the first line's. */
const longDescription = (catalog: string, extra: number): string => {
  const half = Math.ceil((extra - 2) / 2)
  return edit(catalog, alphaDescription, `${alphaDescription}\n${'x'.repeat(half)}\n${'x'.repeat(extra - 2 - half)}`)
}
/** Excel keeps 32,767 characters in a cell; a line may not be over 20,000. */
const excelLimit = 32_767

/** A catalog JSON to render: the one `catalog build` writes, then edited. */
const renderJson = {
  setup: [['build', '--source', 'catalog.md', '--out', 'out']],
  command: ['render', '--data', 'out/datasets.json', '--out', 'site']
} as const

export const outputsExamples = {
  // The comparison table.
  'comparison-unknown-dataset': {
    fails: {
      title: 'a comparison row for GAMMA, which the catalog does not hold',
      source: (catalog) => edit(catalog, betaRow, `${betaRow}| **GAMMA** | 200 images | Free |\n`),
      at: '| **GAMMA** |'
    },
    passes: {title: 'rows for the datasets of the catalog only'}
  },
  'comparison-missing-row': {
    fails: {
      title: 'BETA left out of both comparison tables',
      source: withoutBetaRows,
      at: betaHeading
    },
    passes: {
      title: 'BETA left out on purpose, under a disable comment',
      source: (catalog) => commentBefore(withoutBetaRows(catalog), betaHeading, 'catalog-disable comparison-missing-row')
    }
  },
  'comparison-duplicate-row': {
    fails: {
      title: 'a second row for BETA, with its access rewritten',
      source: (catalog) => edit(catalog, betaRow, `${betaRow}| **BETA** | 500 images | Free (registration) |\n`),
      at: '| **BETA** | 500 images | Free (registration) |'
    },
    passes: {
      title: "BETA's one row, with its access rewritten",
      source: (catalog) => edit(catalog, betaRow, '| **BETA** | 500 images | Free (registration) |\n')
    }
  },
  'duplicate-comparison': {
    fails: {
      title: 'a second comparison table in the English half',
      source: (catalog) => edit(catalog, `${betaRow}\n`, `${betaRow}\n| Dataset | Year |\n|---|---|\n| **ALPHA** | 2020 |\n| **BETA** | 2021 |\n\n`),
      at: '| Dataset | Year |'
    },
    passes: {title: 'one comparison table in each half'}
  },
  'comparison-cells': {
    fails: {
      title: 'a pipe in a cell, which splits it in two',
      source: (catalog) => edit(catalog, betaRow, '| **BETA** | 500 images | Free | registration |\n'),
      at: '| **BETA** | 500 images | Free | registration |'
    },
    passes: {
      title: 'the pipe escaped, in one cell',
      source: (catalog) => edit(catalog, betaRow, '| **BETA** | 500 images | Free \\| registration |\n')
    }
  },
  // What the outputs make of a text.
  'formula-like-text': {
    fails: {
      title: 'a key fact that starts with @, as a formula does',
      source: (catalog) => edit(catalog, '- **Institution:** Example Hospital', '- **Institution:** @Example Hospital'),
      at: '- **Institution:** @Example Hospital'
    },
    passes: {
      title: 'the @ handle after the name',
      source: (catalog) => edit(catalog, '- **Institution:** Example Hospital', '- **Institution:** Example Hospital (@example)')
    }
  },
  'excel-cell-too-long': {
    fails: {
      title: 'a description of 32,768 characters',
      source: (catalog) => longDescription(catalog, excelLimit + 1 - alphaDescription.length),
      at: `**Description:** ${alphaDescription}`
    },
    passes: {
      title: 'a description of 32,767 characters',
      source: (catalog) => longDescription(catalog, excelLimit - alphaDescription.length)
    }
  },
  'list-item-separator': {
    fails: {
      title: 'a label that holds a semicolon',
      source: (catalog) => edit(catalog, '- Edema\n', '- Edema; mild\n'),
      at: '- Edema; mild'
    },
    passes: {
      title: 'the same label with a comma',
      source: (catalog) => edit(catalog, '- Edema\n', '- Edema, mild\n')
    }
  },
  'page-raw-html': {
    fails: {
      title: 'a line break in HTML in a description',
      source: (catalog) => edit(catalog, 'X-rays with reports.', 'X-rays<br>with reports.'),
      at: 'X-rays<br>with reports.'
    },
    passes: {
      title: 'the line break in markdown',
      source: (catalog) => edit(catalog, 'X-rays with reports.', 'X-rays\\\nwith reports.')
    }
  },
  'page-unsafe-link': {
    fails: {
      title: 'a link in http in a description',
      source: (catalog) => edit(catalog, 'with reports.', 'with [reports](http://example.org/alpha/reports).'),
      at: '[reports](http://example.org/alpha/reports)'
    },
    passes: {
      title: 'the same link in https',
      source: (catalog) => edit(catalog, 'with reports.', 'with [reports](https://example.org/alpha/reports).')
    }
  },
  // Disable comments.
  'unused-disable': {
    fails: {
      title: 'a comment that disables the missing-row rule for BETA, which has its rows',
      source: (catalog) => commentBefore(catalog, betaHeading, 'catalog-disable comparison-missing-row'),
      at: '<!-- catalog-disable comparison-missing-row -->'
    },
    passes: {
      title: 'the same comment with the rows of BETA left out',
      source: (catalog) => commentBefore(withoutBetaRows(catalog), betaHeading, 'catalog-disable comparison-missing-row')
    }
  },
  'disable-not-allowed': {
    fails: {
      title: 'a comment that disables url-not-https too, over an http link in a text',
      source: (catalog) =>
        commentBefore(
          edit(catalog, 'with reports.', 'with [reports](http://example.org/alpha/reports).'),
          alphaHeading,
          'catalog-disable url-not-https page-unsafe-link'
        ),
      at: '<!-- catalog-disable url-not-https page-unsafe-link -->'
    },
    passes: {
      title: 'the comment disabling the page warning alone',
      source: (catalog) =>
        commentBefore(edit(catalog, 'with reports.', 'with [reports](http://example.org/alpha/reports).'), alphaHeading, 'catalog-disable page-unsafe-link')
    }
  },
  // What the commands refuse.
  'invalid-lock': {
    fails: {
      title: 'a translation lock of a version this tool does not know',
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      change: {'translations.lock.json': (lock) => edit(lock, '"version": 2', '"version": 3')},
      command: ['i18n', '--source', 'catalog.md'],
      file: 'translations.lock.json',
      at: '"version": 3'
    },
    passes: {
      title: 'the lock as `catalog i18n accept` wrote it',
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      command: ['i18n', '--source', 'catalog.md']
    }
  },
  'po-syntax': {
    fails: {
      title: 'a PO file whose translation holds an unescaped quote',
      setup: exportPo,
      change: {'pt.po': (po) => edit(po, 'msgstr "BETA contém 500 radiografias', 'msgstr "BETA contém "500" radiografias')},
      command: importPo,
      file: 'pt.po',
      at: 'msgstr "BETA contém "500"'
    },
    passes: {
      title: 'the quote escaped',
      setup: exportPo,
      change: {'pt.po': (po) => edit(po, 'msgstr "BETA contém 500 radiografias', 'msgstr "BETA contém \\"500\\" radiografias')},
      command: importPo
    }
  },
  'po-unknown-entry': {
    fails: {
      title: 'a PO entry whose msgctxt was mistyped',
      setup: exportPo,
      change: {'pt.po': (po) => edit(po, 'msgctxt "beta:description"', 'msgctxt "beta:descripton"')},
      command: importPo,
      file: 'pt.po',
      at: 'msgctxt "beta:descripton"'
    },
    passes: {title: 'the PO file as exported', setup: exportPo, command: importPo}
  },
  'po-unwritable': {
    fails: {
      title: 'a line break in the translation of a one-line text',
      setup: exportPo,
      change: {'pt.po': (po) => edit(po, 'msgstr "BETA contém 500 radiografias de tórax', 'msgstr "BETA contém 500\\n"\n"radiografias de tórax')},
      command: importPo,
      file: 'pt.po',
      at: 'msgctxt "beta:description"'
    },
    passes: {
      title: 'the same words on one line',
      setup: exportPo,
      change: {'pt.po': (po) => edit(po, 'radiografias de tórax com rótulos."', 'radiografias de tórax, com rótulos."')},
      command: importPo
    }
  },
  'po-stale-entry': {
    fails: {
      title: 'a translation of an English description reworded since the export',
      setup: exportPo,
      change: {
        'catalog.md': (text) => edit(text, 'BETA holds 500 chest X-rays with labels.', 'BETA holds 500 frontal chest X-rays with labels.'),
        'pt.po': (po) => edit(po, 'msgstr "BETA contém 500 radiografias de tórax', 'msgstr "BETA reúne 500 radiografias de tórax')
      },
      command: [...importPo, '--strict'],
      file: 'pt.po',
      at: 'msgctxt "beta:description"'
    },
    passes: {
      title: 'the same translation of the English as exported',
      setup: exportPo,
      change: {'pt.po': (po) => edit(po, 'msgstr "BETA contém 500 radiografias de tórax', 'msgstr "BETA reúne 500 radiografias de tórax')},
      command: [...importPo, '--strict']
    }
  },
  'not-canonical': {
    fails: {
      title: 'a table written in another style than the canonical one',
      source: (catalog) => edit(catalog, '| Dataset | Size | Access |\n|---|---|---|\n', '| Dataset | Size | Access |\n|:--|---|---|\n'),
      command: ['format', '--source', 'catalog.md', '--check'],
      at: '|:--|---|---|'
    },
    passes: {
      title: 'the table as `catalog format` writes it',
      command: ['format', '--source', 'catalog.md', '--check']
    }
  },
  'format-drops-comments': {
    fails: {
      title: 'a note in an HTML comment',
      source: (catalog) => edit(catalog, "every rule's example edits.\n", "every rule's example edits.\n\n<!-- To do: add the CT datasets. -->\n"),
      command: ['format', '--source', 'catalog.md'],
      at: '<!-- To do: add the CT datasets. -->'
    },
    passes: {
      title: 'the same note in the overview',
      source: (catalog) => edit(catalog, "every rule's example edits.\n", "every rule's example edits. To do: add the CT datasets.\n"),
      command: ['format', '--source', 'catalog.md']
    }
  },
  'format-loses-text': {
    fails: {
      title: 'an access link with a title, which the catalog does not keep',
      source: (catalog) => edit(catalog, '(https://example.org/alpha/)', '(https://example.org/alpha/ "Project home")'),
      command: ['format', '--source', 'catalog.md'],
      at: '"Project home"'
    },
    passes: {
      title: 'the title as the link text',
      source: (catalog) => edit(catalog, '[https://example.org/alpha/](https://example.org/alpha/)', '[Project home](https://example.org/alpha/)'),
      command: ['format', '--source', 'catalog.md']
    }
  },
  'invalid-json': {
    fails: {
      title: 'quotes left unescaped in the title',
      ...renderJson,
      change: {'out/datasets.json': (json) => edit(json, '"title": "Example Imaging', '"title": "Example "Imaging"')},
      file: 'out/datasets.json',
      at: '"title": "Example "Imaging"'
    },
    passes: {
      title: 'the quotes escaped',
      ...renderJson,
      change: {'out/datasets.json': (json) => edit(json, '"title": "Example Imaging', '"title": "Example \\"Imaging\\"')}
    }
  },
  'render-round-trip': {
    fails: {
      title: 'a description that ends with a line of stars, a separator in markdown',
      ...renderJson,
      change: {'out/datasets.json': (json) => edit(json, alphaDescriptionJson, `"en": "${alphaDescription}\\n***"`)},
      file: 'out/datasets.json',
      at: alphaDescription
    },
    passes: {
      title: 'the stars on the line of the text',
      ...renderJson,
      change: {'out/datasets.json': (json) => edit(json, alphaDescriptionJson, `"en": "${alphaDescription} ***"`)}
    }
  }
} satisfies Partial<Record<RuleId, RuleExamples>>
