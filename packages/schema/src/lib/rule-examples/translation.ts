import type {RuleId} from '../rules.js'
import {edit} from './edit.js'
import {exampleSource} from './example-catalog.js'
import type {RuleExamples} from './types.js'

/** The English and the Portuguese BETA headings. */
const betaEnglish = '### ⭐⭐⭐ BETA - A Labelled Chest X-Ray Dataset'
const betaPortuguese = '### ⭐⭐⭐ BETA - Um Dataset de Raio-X de Tórax Rotulado'

/** The number of the first line holding `text` after the line holding `after`, in the example catalog. */
const lineAfter = (after: string, text: string): number => {
  const lines = exampleSource.split('\n')
  return lines.findIndex((line, index) => index > lines.findIndex((candidate) => candidate.includes(after)) && line.includes(text)) + 1
}

/** An edit in the English half and one in the Portuguese half, each of its first occurrence (the English half comes first). */
const both = (catalog: string, english: readonly [string, string], portuguese: readonly [string, string]): string =>
  edit(edit(catalog, ...english), ...portuguese)

/** An edit of the Portuguese half alone: of the first occurrence after its heading. */
const inPortuguese = (catalog: string, find: string, replace: string): string => {
  const half = catalog.indexOf('## 🇧🇷 Português')
  return catalog.slice(0, half) + edit(catalog.slice(half), find, replace)
}

/** A third dataset, GAMMA, after BETA in each half, with its comparison rows; its category heading stands before BETA or GAMMA in each half. */
const withGamma = (catalog: string, categoryBefore: {en: 'BETA' | 'GAMMA'; pt: 'BETA' | 'GAMMA'}): string => {
  const citation =
    '**Citation:**\n```bibtex\n@misc{poe2022gamma,\n  title={GAMMA, a chest CT dataset},\n  author={Poe, Edgar},\n  year={2022},\n  url={https://example.org/gamma/}\n}\n```'
  const english = `### ⭐⭐⭐ GAMMA - A Chest CT Dataset

**Description:** GAMMA holds 200 chest CT scans.

**Key Features:**
- **Size:** 200 scans

**Access:**
- **URL:** [https://example.org/gamma/](https://example.org/gamma/)

${citation}

---

`
  const portuguese = `### ⭐⭐⭐ GAMMA - Um Dataset de TC de Tórax

**Descrição:** GAMMA contém 200 tomografias de tórax.

**Características Principais:**
- **Tamanho:** 200 exames

**Acesso:**
- **URL:** [https://example.org/gamma/](https://example.org/gamma/)

${citation.replace('**Citation:**', '**Citação:**')}

---

`
  let text = both(
    catalog,
    ['## 📋 Dataset Comparison', `${english}## 📋 Dataset Comparison`],
    ['## 📋 Comparação de Datasets', `${portuguese}## 📋 Comparação de Datasets`]
  )
  text = both(
    text,
    ['| **BETA** | 500 images | Free |\n', '| **BETA** | 500 images | Free |\n| **GAMMA** | 200 scans | Free |\n'],
    ['| **BETA** | 500 imagens | Gratuito |\n', '| **BETA** | 500 imagens | Gratuito |\n| **GAMMA** | 200 exames | Gratuito |\n']
  )
  const heading = {en: '## 🫁 Chest CT Datasets\n\n', pt: '## 🫁 Datasets de TC de Tórax\n\n'}
  const before = {
    en: categoryBefore.en === 'BETA' ? betaEnglish : '### ⭐⭐⭐ GAMMA - A Chest',
    pt: categoryBefore.pt === 'BETA' ? betaPortuguese : '### ⭐⭐⭐ GAMMA - Um Dataset'
  }
  return both(text, [before.en, `${heading.en}${before.en}`], [before.pt, `${heading.pt}${before.pt}`])
}

export const translationExamples = {
  'missing-translation': {
    fails: {
      title: 'a key fact left out of the Portuguese half',
      source: (catalog) => edit(catalog, '- **Instituição:** Hospital de Exemplo\n', ''),
      at: '- **Institution:** Example Hospital'
    },
    passes: {
      title: 'the key fact left out of both halves',
      source: (catalog) => both(catalog, ['- **Institution:** Example Hospital\n', ''], ['- **Instituição:** Hospital de Exemplo\n', ''])
    }
  },
  'orphan-translation': {
    fails: {
      title: 'a key fact only the Portuguese half has',
      source: (catalog) => edit(catalog, '- **Tamanho:** 500 imagens\n', '- **Tamanho:** 500 imagens\n- **Instituição:** Hospital Beta\n'),
      at: '- **Instituição:** Hospital Beta'
    },
    passes: {
      title: 'the key fact in both halves',
      source: (catalog) =>
        both(
          catalog,
          ['- **Size:** 500 images\n', '- **Size:** 500 images\n- **Institution:** Beta Hospital\n'],
          ['- **Tamanho:** 500 imagens\n', '- **Tamanho:** 500 imagens\n- **Instituição:** Hospital Beta\n']
        )
    }
  },
  'rating-mismatch': {
    fails: {
      title: 'a Portuguese heading with one star more',
      source: (catalog) => edit(catalog, betaPortuguese, '### ⭐⭐⭐⭐ BETA - Um Dataset de Raio-X de Tórax Rotulado'),
      at: '### ⭐⭐⭐⭐ BETA - Um Dataset'
    },
    passes: {
      title: 'one star more in both headings',
      source: (catalog) =>
        both(
          catalog,
          [betaEnglish, '### ⭐⭐⭐⭐ BETA - A Labelled Chest X-Ray Dataset'],
          [betaPortuguese, '### ⭐⭐⭐⭐ BETA - Um Dataset de Raio-X de Tórax Rotulado']
        )
    }
  },
  'heading-mismatch': {
    fails: {
      title: 'the Portuguese heading writing the name `Beta`',
      source: (catalog) => edit(catalog, betaPortuguese, '### ⭐⭐⭐ Beta - Um Dataset de Raio-X de Tórax Rotulado'),
      at: '### ⭐⭐⭐ Beta - Um Dataset'
    },
    passes: {
      title: 'both headings writing `Beta`',
      source: (catalog) =>
        both(
          catalog,
          [betaEnglish, '### ⭐⭐⭐ Beta - A Labelled Chest X-Ray Dataset'],
          [betaPortuguese, '### ⭐⭐⭐ Beta - Um Dataset de Raio-X de Tórax Rotulado']
        )
    }
  },
  'category-mismatch': {
    fails: {
      title: 'BETA under the chest CT category in the Portuguese half alone',
      source: (catalog) => withGamma(catalog, {en: 'GAMMA', pt: 'BETA'}),
      at: betaPortuguese
    },
    passes: {
      title: 'BETA under the chest CT category in both halves',
      source: (catalog) => withGamma(catalog, {en: 'BETA', pt: 'BETA'})
    }
  },
  'url-mismatch': {
    fails: {
      title: 'the Portuguese half linking to another page',
      source: (catalog) =>
        inPortuguese(
          catalog,
          '- **URL:** [https://example.org/beta/](https://example.org/beta/)',
          '- **URL:** [https://example.org/beta/](https://example.org/beta/pt/)'
        ),
      at: '(https://example.org/beta/pt/)'
    },
    passes: {
      title: 'both halves linking to that page',
      source: (catalog) =>
        both(
          catalog,
          ['- **URL:** [https://example.org/beta/](https://example.org/beta/)', '- **URL:** [https://example.org/beta/](https://example.org/beta/pt/)'],
          ['- **URL:** [https://example.org/beta/](https://example.org/beta/)', '- **URL:** [https://example.org/beta/](https://example.org/beta/pt/)']
        )
    }
  },
  'citation-mismatch': {
    fails: {
      title: 'the Portuguese citation with another year',
      source: (catalog) => inPortuguese(catalog, '  year={2021}', '  year={2022}'),
      // The Portuguese BETA's citation block, at its opening fence (a line the English half has too).
      at: lineAfter(betaPortuguese, '```bibtex')
    },
    passes: {
      title: 'that year in both citations',
      source: (catalog) => both(catalog, ['  year={2021}', '  year={2022}'], ['  year={2021}', '  year={2022}'])
    }
  },
  'list-length-mismatch': {
    fails: {
      title: 'a third label in the Portuguese list alone',
      source: (catalog) => edit(catalog, '- Pneumonia\n\n**Acesso:**', '- Pneumonia\n- Derrame pleural\n\n**Acesso:**'),
      at: '**Rótulos:**'
    },
    passes: {
      title: 'the third label in both lists',
      source: (catalog) =>
        both(
          catalog,
          ['- Pneumonia\n\n**Access:**', '- Pneumonia\n- Pleural effusion\n\n**Access:**'],
          ['- Pneumonia\n\n**Acesso:**', '- Pneumonia\n- Derrame pleural\n\n**Acesso:**']
        )
    }
  },
  'number-mismatch': {
    fails: {
      title: 'a Portuguese size of 600 images for 500',
      source: (catalog) => edit(catalog, '- **Tamanho:** 500 imagens', '- **Tamanho:** 600 imagens'),
      at: '- **Tamanho:** 600 imagens'
    },
    passes: {
      title: 'a size of 600 images in both halves',
      source: (catalog) => both(catalog, ['- **Size:** 500 images', '- **Size:** 600 images'], ['- **Tamanho:** 500 imagens', '- **Tamanho:** 600 imagens'])
    }
  },
  'section-order': {
    fails: {
      title: 'the Portuguese labels before the key features',
      source: (catalog) =>
        edit(
          catalog,
          '**Características Principais:**\n- **Tamanho:** 500 imagens\n\n**Rótulos:**\n- Edema\n- Pneumonia\n',
          '**Rótulos:**\n- Edema\n- Pneumonia\n\n**Características Principais:**\n- **Tamanho:** 500 imagens\n'
        ),
      at: betaPortuguese
    },
    passes: {
      title: 'the labels before the key features in both halves',
      source: (catalog) =>
        both(
          catalog,
          [
            '**Key Features:**\n- **Size:** 500 images\n\n**Labels:**\n- Edema\n- Pneumonia\n',
            '**Labels:**\n- Edema\n- Pneumonia\n\n**Key Features:**\n- **Size:** 500 images\n'
          ],
          [
            '**Características Principais:**\n- **Tamanho:** 500 imagens\n\n**Rótulos:**\n- Edema\n- Pneumonia\n',
            '**Rótulos:**\n- Edema\n- Pneumonia\n\n**Características Principais:**\n- **Tamanho:** 500 imagens\n'
          ]
        )
    }
  },
  'outdated-translation': {
    fails: {
      title: 'an English description reworded after its translation was confirmed',
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      change: {'catalog.md': (text) => edit(text, 'ALPHA holds 1,000 chest X-rays with reports.', 'ALPHA holds 1,000 chest X-rays with their reports.')},
      command: ['i18n', '--source', 'catalog.md', '--strict'],
      at: '**Descrição:** ALPHA'
    },
    passes: {
      title: 'the same rewording, confirmed again',
      source: (catalog) => edit(catalog, 'ALPHA holds 1,000 chest X-rays with reports.', 'ALPHA holds 1,000 chest X-rays with their reports.'),
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      command: ['i18n', '--source', 'catalog.md', '--strict']
    }
  },
  'unconfirmed-translation': {
    fails: {
      title: 'a Portuguese description the lock has never confirmed',
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      change: {'translations.lock.json': (lock) => lock.replace(/\n\s*"description": "BETA holds[^\n]*/, '')},
      command: ['i18n', '--source', 'catalog.md', '--strict'],
      at: '**Descrição:** BETA'
    },
    passes: {
      title: 'the description confirmed',
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      command: ['i18n', '--source', 'catalog.md', '--strict']
    }
  },
  untranslated: {
    fails: {
      title: 'a Portuguese description copied from the English',
      source: (catalog) =>
        edit(catalog, '**Descrição:** BETA contém 500 radiografias de tórax com rótulos.', '**Descrição:** BETA holds 500 chest X-rays with labels.'),
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      command: ['i18n', '--source', 'catalog.md', '--strict'],
      at: '**Descrição:** BETA holds'
    },
    passes: {
      title: 'the description translated',
      setup: [['i18n', 'accept', '--source', 'catalog.md']],
      command: ['i18n', '--source', 'catalog.md', '--strict']
    }
  }
} satisfies Partial<Record<RuleId, RuleExamples>>
