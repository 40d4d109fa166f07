import type {RuleId} from '../rules.js'
import {edit} from './edit.js'
import {exampleVocabulary} from './example-catalog.js'
import type {RuleExamples} from './types.js'

/** The example catalog's title line, with the blank line after it. */
const titleLine = '# Example Imaging Datasets / Datasets de Imagem de Exemplo\n\n'

/** The catalog without its halves: its title, then its related resources. */
function withoutHalves(catalog: string): string {
  const halves = catalog.indexOf('## 🇬🇧 English')
  const resources = catalog.indexOf('## Related Resources')
  if (halves === -1 || resources === -1) throw new Error('the example catalog has no English half or no related resources')
  return catalog.slice(0, halves) + catalog.slice(resources)
}

export const structureExamples = {
  'missing-title': {
    fails: {
      title: 'a catalog that starts at its English half',
      source: (catalog) => edit(catalog, titleLine, ''),
      at: 1
    },
    passes: {
      title: 'a title of a few words',
      source: (catalog) => edit(catalog, titleLine, '# Example Imaging Datasets\n\n')
    }
  },
  'duplicate-title': {
    fails: {
      title: 'a title for each half',
      source: (catalog) =>
        edit(edit(catalog, titleLine, '# Example Imaging Datasets\n\n'), '## 🇧🇷 Português', '# Datasets de Imagem de Exemplo\n\n## 🇧🇷 Português'),
      at: '# Datasets de Imagem de Exemplo'
    },
    passes: {
      title: 'the English title alone',
      source: (catalog) => edit(catalog, titleLine, '# Example Imaging Datasets\n\n')
    }
  },
  'missing-language': {
    fails: {
      title: 'a title and resources, with no half',
      source: withoutHalves,
      at: 1
    },
    passes: {
      title: 'the same under an English half heading',
      source: (catalog) => edit(withoutHalves(catalog), '## Related Resources', '## 🇬🇧 English\n\n## Related Resources')
    }
  },
  'unknown-language': {
    fails: {
      title: 'a half named `Portugese`',
      source: (catalog) => edit(catalog, '## 🇧🇷 Português', '## 🇧🇷 Portugese'),
      at: '## 🇧🇷 Portugese'
    },
    passes: {
      title: 'the half named `Portuguese`',
      source: (catalog) => edit(catalog, '## 🇧🇷 Português', '## 🇧🇷 Portuguese')
    }
  },
  'duplicate-language': {
    fails: {
      title: 'the second half named `English` again',
      source: (catalog) => edit(catalog, '## 🇧🇷 Português', '## 🇧🇷 English'),
      at: '## 🇧🇷 English'
    },
    passes: {
      title: 'the second half named `Portuguese`',
      source: (catalog) => edit(catalog, '## 🇧🇷 Português', '## 🇧🇷 Portuguese')
    }
  },
  'outside-language': {
    fails: {
      title: 'a notes section before the English half',
      source: (catalog) => edit(catalog, '## 🇬🇧 English', '## 📌 Notes\n\nTwo datasets.\n\n---\n\n## 🇬🇧 English'),
      at: '## 📌 Notes'
    },
    passes: {
      title: 'the note in the English overview',
      source: (catalog) => edit(catalog, "every rule's example edits.\n", "every rule's example edits.\n\nTwo datasets.\n")
    }
  },
  'unexpected-heading': {
    fails: {
      title: 'a level-4 heading in the overview',
      source: (catalog) => edit(catalog, "every rule's example edits.\n", "every rule's example edits.\n\n#### Scope\n\nTwo datasets.\n"),
      at: '#### Scope'
    },
    passes: {
      title: 'the same words as a bold line',
      source: (catalog) => edit(catalog, "every rule's example edits.\n", "every rule's example edits.\n\n**Scope**\n\nTwo datasets.\n")
    }
  },
  'unexpected-content': {
    fails: {
      title: 'a paragraph without a label in a dataset',
      source: (catalog) => edit(catalog, 'with reports.\n', 'with reports.\n\nEach comes with its report.\n'),
      at: 'Each comes with its report.'
    },
    passes: {
      title: 'the same words in the description',
      source: (catalog) => edit(catalog, 'with reports.\n', 'with reports. Each comes with its report.\n')
    }
  },
  'raw-html': {
    fails: {
      title: 'an HTML block in a dataset',
      source: (catalog) => edit(catalog, 'with reports.\n', 'with reports.\n\n<div>Each comes with its report.</div>\n'),
      at: '<div>'
    },
    passes: {
      title: 'the same words in an HTML comment',
      source: (catalog) => edit(catalog, 'with reports.\n', 'with reports.\n\n<!-- Each comes with its report. -->\n')
    }
  },
  'malformed-dataset-heading': {
    fails: {
      title: 'a dataset heading without its stars',
      source: (catalog) => edit(catalog, '### ⭐⭐⭐⭐ ALPHA - A Chest', '### ALPHA - A Chest'),
      at: '### ALPHA - A Chest'
    },
    passes: {
      title: 'the heading with its stars and an en dash',
      source: (catalog) => edit(catalog, '### ⭐⭐⭐⭐ ALPHA - A Chest', '### ⭐⭐⭐⭐ ALPHA – A Chest')
    }
  },
  'empty-section': {
    fails: {
      title: 'a `**Labels:**` label with nothing after it',
      source: (catalog) => edit(catalog, '- Disease classification\n', '- Disease classification\n\n**Labels:**\n'),
      at: '**Labels:**'
    },
    passes: {
      title: 'the label with its list, in both halves',
      source: (catalog) =>
        edit(
          edit(catalog, '- Disease classification\n', '- Disease classification\n\n**Labels:**\n- Edema\n'),
          '- Classificação de doenças\n',
          '- Classificação de doenças\n\n**Rótulos:**\n- Edema\n'
        )
    }
  },
  'duplicate-section': {
    fails: {
      title: 'a dataset with two descriptions',
      source: (catalog) => edit(catalog, 'with reports.\n', 'with reports.\n\n**Description:** Each comes with its report.\n'),
      at: '**Description:** Each comes'
    },
    passes: {
      title: 'one description of two sentences',
      source: (catalog) => edit(catalog, 'with reports.\n', 'with reports. Each comes with its report.\n')
    }
  },
  'malformed-resource': {
    fails: {
      title: 'a resource with words after its link',
      source: (catalog) =>
        edit(catalog, '- [Example Resources](https://example.org/resources)', '- [Example Resources](https://example.org/resources) - more datasets'),
      at: '- [Example Resources]'
    },
    passes: {
      title: 'the words inside the link',
      source: (catalog) =>
        edit(catalog, '- [Example Resources](https://example.org/resources)', '- [Example Resources - more datasets](https://example.org/resources)')
    }
  },
  'unpaired-link': {
    fails: {
      title: 'a license that links in the Portuguese half only',
      source: (catalog) => edit(catalog, '- **Licença:** CC BY 4.0', '- **Licença:** [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)'),
      at: '- **Licença:** [CC BY 4.0]'
    },
    passes: {
      title: 'the license linked in both halves',
      source: (catalog) =>
        edit(
          edit(catalog, '- **License:** CC BY 4.0', '- **License:** [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)'),
          '- **Licença:** CC BY 4.0',
          '- **Licença:** [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/)'
        )
    }
  },
  'empty-id': {
    fails: {
      title: 'a category titled in Cyrillic only',
      source: (catalog) => edit(catalog, '## 📊 Chest X-Ray Datasets', '## 📊 Рентген грудной клетки'),
      at: '## 📊 Рентген'
    },
    passes: {
      title: 'the title in Latin letters',
      source: (catalog) => edit(catalog, '## 📊 Chest X-Ray Datasets', '## 📊 Rentgen grudnoy kletki')
    }
  },
  'unknown-label': {
    fails: {
      title: 'a fact labelled `Sise`',
      source: (catalog) => edit(catalog, '- **Size:** 1,000 images', '- **Sise:** 1,000 images'),
      at: '- **Sise:**'
    },
    passes: {
      title: 'the fact labelled `Size`'
    }
  },
  'undeclared-label': {
    fails: {
      title: 'a new fact in both halves, not in the vocabulary',
      source: (catalog) =>
        edit(
          edit(catalog, '- **Size:** 500 images\n', '- **Size:** 500 images\n- **Modality:** X-ray\n'),
          '- **Tamanho:** 500 imagens\n',
          '- **Tamanho:** 500 imagens\n- **Modalidade:** Raio-X\n'
        ),
      at: '- **Modality:**'
    },
    passes: {
      title: 'the same fact, declared',
      source: (catalog) =>
        edit(
          edit(catalog, '- **Size:** 500 images\n', '- **Size:** 500 images\n- **Modality:** X-ray\n'),
          '- **Tamanho:** 500 imagens\n',
          '- **Tamanho:** 500 imagens\n- **Modalidade:** Raio-X\n'
        ),
      files: {
        'vocabulary.json': edit(
          exampleVocabulary,
          '    {"key":"tasks"',
          '    {"key":"modality","kind":"fact","labels":{"en":"Modality","pt":"Modalidade"}},\n    {"key":"tasks"'
        )
      }
    }
  }
} satisfies Partial<Record<RuleId, RuleExamples>>
