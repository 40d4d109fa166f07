import type {RuleId} from '../rules.js'
import {edit} from './edit.js'
import type {RuleExamples} from './types.js'

/** Where the Portuguese half starts: the example catalog cites every dataset once per half. */
const portuguese = '## 🇧🇷 Português'

/**
 * The same edit in each half. A citation is written once per half, the same
 * way; an entry that parses but differs in one half alone is a translation's
 * `citation-mismatch` besides. A block that does not parse cites nothing, so
 * the other half's stands in: those slips are made in the English half only.
 */
function inBothHalves(catalog: string, find: string, replace: string): string {
  const at = catalog.indexOf(portuguese)
  if (at === -1) throw new Error(`the example catalog has no \`${portuguese}\``)
  return edit(catalog.slice(0, at), find, replace) + edit(catalog.slice(at), find, replace)
}

const alphaJournal = '  journal={Scientific Data},\n'
const alphaAuthors = '  author={Doe, Jane and Moe, Mary},'
const alphaDoi = '  doi={10.5555/alpha.2020},'
const betaAuthor = '  author={Roe, Richard},\n'
const betaUrl = '  year={2021},\n  url={https://example.org/beta/}\n}'
const betaCitation = (label: string): string =>
  `**${label}:**\n\`\`\`bibtex\n@misc{roe2021beta,\n  title={BETA, a labelled chest X-ray dataset},\n  author={Roe, Richard},\n${betaUrl}\n\`\`\`\n\n`

export const citationExamples = {
  'bibtex-syntax': {
    fails: {
      title: 'a field without its `=` (in English; the Portuguese block stands in)',
      source: (catalog) => edit(catalog, '  title={ALPHA', '  title {ALPHA'),
      at: '  title {ALPHA'
    },
    passes: {
      title: 'the field with spaces around its `=`, in both halves',
      source: (catalog) => inBothHalves(catalog, '  title={ALPHA', '  title = {ALPHA')
    }
  },
  'bibtex-unbalanced-braces': {
    fails: {
      title: 'an entry whose closing brace is missing (in English; the Portuguese block stands in)',
      source: (catalog) => edit(catalog, '  year={2020}\n}\n', '  year={2020}\n'),
      at: '@article{doe2020alpha,'
    },
    passes: {
      title: 'the entry closed at the end of its last field, in both halves',
      source: (catalog) => inBothHalves(catalog, '  year={2020}\n}\n', '  year={2020}}\n')
    }
  },
  'bibtex-entry-count': {
    fails: {
      title: 'a second entry in the block (in English; the Portuguese block stands in)',
      source: (catalog) =>
        edit(catalog, '  year={2020}\n}\n', '  year={2020}\n}\n@misc{doe2019alpha,\n  title={ALPHA, a preprint},\n  author={Doe, Jane},\n  year={2019}\n}\n'),
      at: '@article{doe2020alpha,'
    },
    passes: {
      title: 'one entry under a comment line, in both halves',
      source: (catalog) => inBothHalves(catalog, '@article{doe2020alpha,', '% the paper that describes ALPHA\n@article{doe2020alpha,')
    }
  },
  'bibtex-entry-type': {
    fails: {
      title: 'a `@datset` entry, a letter short (in English; the Portuguese block stands in)',
      source: (catalog) => edit(catalog, '@article{doe2020alpha,', '@datset{doe2020alpha,'),
      at: '@datset{doe2020alpha,'
    },
    passes: {
      title: "the dataset cited as biblatex's `@dataset`, in both halves",
      source: (catalog) => inBothHalves(catalog, '@article{doe2020alpha,', '@dataset{doe2020alpha,')
    }
  },
  'bibtex-required-field': {
    fails: {
      title: 'an article without its journal, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaJournal, ''),
      at: '@article{doe2020alpha,'
    },
    passes: {
      title: 'the same entry as `@misc`, which needs no journal, in both halves',
      source: (catalog) => inBothHalves(inBothHalves(catalog, alphaJournal, ''), '@article{doe2020alpha,', '@misc{doe2020alpha,')
    }
  },
  'bibtex-duplicate-field': {
    fails: {
      title: 'the year given twice, in both halves',
      source: (catalog) => inBothHalves(catalog, '  year={2020}\n}\n', '  year={2020},\n  year={2021}\n}\n'),
      at: '  year={2021}'
    },
    passes: {
      title: 'the year, then the month, in both halves',
      source: (catalog) => inBothHalves(catalog, '  year={2020}\n}\n', '  year={2020},\n  month={jan}\n}\n')
    }
  },
  'unsafe-citation-key': {
    fails: {
      title: 'a key with a colon, in both halves',
      source: (catalog) => inBothHalves(catalog, '@article{doe2020alpha,', '@article{doe2020:alpha,'),
      at: '@article{doe2020:alpha,'
    },
    passes: {
      title: 'the key with a hyphen, in both halves',
      source: (catalog) => inBothHalves(catalog, '@article{doe2020alpha,', '@article{doe2020-alpha,')
    }
  },
  'duplicate-citation-key': {
    fails: {
      title: "BETA cited under ALPHA's key, in both halves",
      source: (catalog) => inBothHalves(catalog, '@misc{roe2021beta,', '@misc{doe2020alpha,'),
      at: '@misc{doe2020alpha,'
    },
    passes: {
      title: 'BETA under a key of its own that starts the same, in both halves',
      source: (catalog) => inBothHalves(catalog, '@misc{roe2021beta,', '@misc{doe2020alpha2,')
    }
  },
  'bibtex-key-case-collision': {
    fails: {
      title: "BETA cited under ALPHA's key capitalised, in both halves",
      source: (catalog) => inBothHalves(catalog, '@misc{roe2021beta,', '@misc{Doe2020alpha,'),
      at: '@misc{Doe2020alpha,'
    },
    passes: {
      title: 'BETA under a capitalised key of its own, in both halves',
      source: (catalog) => inBothHalves(catalog, '@misc{roe2021beta,', '@misc{Roe2021Beta,')
    }
  },
  'bibtex-duplicate-doi': {
    fails: {
      title: "BETA given ALPHA's DOI (in capitals), in both halves",
      source: (catalog) => inBothHalves(catalog, betaAuthor, `${betaAuthor}  doi={10.5555/ALPHA.2020},\n`),
      at: 'doi={10.5555/ALPHA.2020}'
    },
    passes: {
      title: 'BETA given a DOI of its own, in both halves',
      source: (catalog) => inBothHalves(catalog, betaAuthor, `${betaAuthor}  doi={10.5555/BETA.2021},\n`)
    }
  },
  'bibtex-doi-format': {
    fails: {
      title: 'a DOI written as a link, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaDoi, '  doi={https://doi.org/10.5555/alpha.2020},'),
      at: 'doi={https://doi.org/10.5555/alpha.2020}'
    },
    passes: {
      title: 'the DOI written bare, in capitals, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaDoi, '  doi={10.5555/ALPHA.2020},')
    }
  },
  'bibtex-doi-syntax': {
    fails: {
      title: 'a DOI without the slash after its registrant code, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaDoi, '  doi={10.5555alpha.2020},'),
      at: 'doi={10.5555alpha.2020}'
    },
    passes: {
      title: 'an old DOI with brackets, colons and a semicolon in its suffix, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaDoi, '  doi={10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0},')
    }
  },
  'bibtex-year-range': {
    fails: {
      title: 'a year with a digit too many, in both halves',
      source: (catalog) => inBothHalves(catalog, '  year={2020}\n', '  year={20200}\n'),
      at: 'year={20200}'
    },
    passes: {
      title: "next year's, for a work in press, in both halves",
      source: (catalog) => inBothHalves(catalog, '  year={2020}\n', `  year={${new Date().getUTCFullYear() + 1}}\n`)
    }
  },
  'bibtex-no-identifier': {
    fails: {
      title: "BETA's citation without its URL, in both halves",
      source: (catalog) => inBothHalves(catalog, betaUrl, '  year={2021}\n}'),
      at: '@misc{roe2021beta,'
    },
    passes: {
      title: "BETA's citation with its arXiv identifier instead, in both halves",
      source: (catalog) => inBothHalves(catalog, betaUrl, '  year={2021},\n  eprint={2101.00001}\n}')
    }
  },
  'bibtex-incomplete-authors': {
    fails: {
      title: "ALPHA's authors cut short with `and others`, in both halves",
      source: (catalog) => inBothHalves(catalog, alphaAuthors, '  author={Doe, Jane and others},'),
      at: 'author={Doe, Jane and others}'
    },
    passes: {
      title: 'a last author whose name ends in "others", in both halves',
      source: (catalog) => inBothHalves(catalog, alphaAuthors, '  author={Doe, Jane and Brothers, Mary},')
    }
  },
  'bibtex-crossref': {
    fails: {
      title: "ALPHA's entry crossref'ing BETA's, in both halves",
      source: (catalog) => inBothHalves(catalog, alphaJournal, `${alphaJournal}  crossref={roe2021beta},\n`),
      at: 'crossref={roe2021beta}'
    },
    passes: {
      title: "BETA's entry named in a note instead, in both halves",
      source: (catalog) => inBothHalves(catalog, alphaJournal, `${alphaJournal}  note={See also roe2021beta},\n`)
    }
  },
  'bibtex-unmapped-character': {
    fails: {
      title: 'an author written in Chinese characters, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaAuthors, '  author={Doe, Jane and 李, 明},'),
      at: 'author={Doe, Jane and 李, 明}'
    },
    passes: {
      title: 'an author with an umlaut, which LaTeX spells, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaAuthors, '  author={Doe, Jane and Müller, Anna},')
    }
  },
  'bibtex-style-warning': {
    fails: {
      title: 'an article with an issue number but no volume, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaJournal, `${alphaJournal}  number={3},\n`),
      at: 'number={3}'
    },
    passes: {
      title: 'the issue number with its volume, in both halves',
      source: (catalog) => inBothHalves(catalog, alphaJournal, `${alphaJournal}  volume={7},\n  number={3},\n`)
    }
  },
  'bibtex-missing-citation': {
    fails: {
      title: 'BETA without its citation section, in both halves',
      source: (catalog) => edit(edit(catalog, betaCitation('Citation'), ''), betaCitation('Citação'), ''),
      at: '### ⭐⭐⭐ BETA - A Labelled Chest X-Ray Dataset'
    },
    passes: {title: 'BETA with its citation'}
  }
} satisfies Partial<Record<RuleId, RuleExamples>>
