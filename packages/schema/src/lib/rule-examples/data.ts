import type {RuleId} from '../rules.js'
import {edit} from './edit.js'
import type {RuleExamples} from './types.js'

/** BETA's heading in both halves, renamed; its comparison rows follow the name, or go where `row` is null. */
const renameBeta = (catalog: string, name: string, row: string | null): string => {
  let text = edit(catalog, '### ⭐⭐⭐ BETA - A Labelled', `### ⭐⭐⭐ ${name} - A Labelled`)
  text = edit(text, '### ⭐⭐⭐ BETA - Um Dataset', `### ⭐⭐⭐ ${name} - Um Dataset`)
  for (const cells of ['| 500 images | Free |\n', '| 500 imagens | Gratuito |\n'])
    text = edit(text, `| **BETA** ${cells}`, row === null ? '' : `| **${row}** ${cells}`)
  return text
}

/** BETA's rating, in both halves. */
const rateBeta = (catalog: string, stars: string): string =>
  edit(edit(catalog, '### ⭐⭐⭐ BETA - A Labelled', `### ${stars} BETA - A Labelled`), '### ⭐⭐⭐ BETA - Um Dataset', `### ${stars} BETA - Um Dataset`)

/** ALPHA's access link, in both halves, written otherwise. */
const alphaLink = (catalog: string, entry: string): string => {
  const link = '- **URL:** [https://example.org/alpha/](https://example.org/alpha/)'
  return edit(edit(catalog, link, `- **URL:** ${entry}`), link, `- **URL:** ${entry}`)
}

/** ALPHA's time period, in both halves. */
const alphaYears = (catalog: string, years: string): string =>
  edit(edit(catalog, '- **Time Period:** 2011-2016', `- **Time Period:** ${years}`), '- **Período:** 2011-2016', `- **Período:** ${years}`)

/** BETA's description, in both halves: given, or gone. */
const betaDescription = (catalog: string, english: string | null, portuguese: string | null): string => {
  const text = edit(catalog, '**Description:** BETA holds 500 chest X-rays with labels.\n\n', english === null ? '' : `**Description:** ${english}\n\n`)
  return edit(text, '**Descrição:** BETA contém 500 radiografias de tórax com rótulos.\n\n', portuguese === null ? '' : `**Descrição:** ${portuguese}\n\n`)
}

export const dataExamples = {
  'todo-left': {
    fails: {
      title: 'a fact left as `catalog new` wrote it',
      source: (catalog) => edit(catalog, '- **Institution:** Example Hospital', '- **Institution:** TODO'),
      at: '- **Institution:** TODO'
    },
    passes: {
      title: 'the fact filled in, even where it names a to-do list',
      source: (catalog) =>
        edit(catalog, 'ALPHA holds 1,000 chest X-rays with reports.', 'ALPHA holds 1,000 chest X-rays with reports, and a todo list of findings.')
    }
  },
  'duplicate-dataset': {
    fails: {
      title: 'a second dataset named ALPHA',
      source: (catalog) => renameBeta(catalog, 'ALPHA', null),
      at: '### ⭐⭐⭐ ALPHA - A Labelled'
    },
    passes: {
      title: 'the second dataset named ALPHA II',
      source: (catalog) => renameBeta(catalog, 'ALPHA II', 'ALPHA II')
    }
  },
  'rating-range': {
    fails: {
      title: 'a dataset rated six stars',
      source: (catalog) => rateBeta(catalog, '⭐⭐⭐⭐⭐⭐'),
      at: '### ⭐⭐⭐⭐⭐⭐ BETA'
    },
    passes: {
      title: 'the dataset rated five stars',
      source: (catalog) => rateBeta(catalog, '⭐⭐⭐⭐⭐')
    }
  },
  'missing-url': {
    fails: {
      title: 'an access URL written as plain text, not a link',
      source: (catalog) => alphaLink(catalog, 'example.org/alpha/'),
      at: '- **URL:** example.org/alpha/'
    },
    passes: {
      title: 'the access URL written as a bare https address',
      source: (catalog) => alphaLink(catalog, 'https://example.org/alpha/')
    }
  },
  'url-not-https': {
    fails: {
      title: 'an access link in http',
      source: (catalog) =>
        edit(
          catalog,
          '- **URL:** [https://example.org/alpha/](https://example.org/alpha/)',
          '- **URL:** [http://example.org/alpha/](http://example.org/alpha/)'
        ),
      at: '[http://example.org/alpha/]'
    },
    passes: {title: 'the same link in https'}
  },
  'reversed-year-range': {
    fails: {
      title: 'a time period that runs backwards',
      source: (catalog) => alphaYears(catalog, '2016-2011'),
      at: '- **Time Period:** 2016-2011'
    },
    passes: {
      title: 'a time period within one year',
      source: (catalog) => alphaYears(catalog, '2016-2016')
    }
  },
  schema: {
    fails: {
      title: 'a dataset without a description',
      source: (catalog) => betaDescription(catalog, null, null),
      at: '### ⭐⭐⭐ BETA'
    },
    passes: {
      title: 'the dataset with the shortest description',
      source: (catalog) => betaDescription(catalog, 'BETA.', 'BETA.')
    }
  }
} satisfies Partial<Record<RuleId, RuleExamples>>
