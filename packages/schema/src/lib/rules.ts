/**
 * Every rule the catalog tool reports, declared once: its severity, what it
 * means, and whether a `catalog-disable` comment may suppress it; its two
 * examples, one that triggers it and one that does not, stand beside it in
 * `rule-examples/` (a `Record<RuleId, …>`, so none can be left out), and
 * `packages/cli/test/rules.test.ts` runs them. The README's rule table is
 * generated from this registry (`packages/cli/src/lib/rule-table.ts`; a stale
 * table fails `packages/cli/test/readme.test.ts`), and
 * `packages/cli/test/rule-ids.test.ts` holds every rule id the packages emit
 * to an entry here, and every entry to an id some package emits.
 *
 * A rule may be disabled only when its finding leaves every output valid and
 * complete: a deliberate exception, such as a dataset kept out of the
 * comparison table. Rules that guard uniqueness, the schema, safe output, or
 * content that would otherwise be dropped cannot be disabled; a comment that
 * names one is itself an error (`disable-not-allowed`).
 */
export interface Rule {
  severity: 'error' | 'warning'
  /** One line: what the rule finds, for the README's table. */
  meaning: string
  /** Whether `catalog-disable` may suppress it. */
  disable: boolean
  /** Where in the README's table the rule appears. */
  group: RuleGroup
}

export type RuleGroup = 'input' | 'limits' | 'structure' | 'data' | 'translation' | 'citation' | 'comparison' | 'outputs' | 'comments' | 'commands'

const rule = (group: RuleGroup, severity: Rule['severity'], disable: boolean, meaning: string): Rule => ({group, severity, disable, meaning})

export const rules = {
  // Reading the file.
  'unreadable-file': rule('input', 'error', false, 'the source (or the translation lock) cannot be read'),
  'empty-file': rule('input', 'error', false, 'the source is empty or white space'),
  'binary-file': rule('input', 'error', false, 'the source holds NUL bytes'),
  'invalid-utf8': rule('input', 'error', false, 'the source is not valid UTF-8 (the first bad byte is named)'),
  'control-character': rule(
    'input',
    'error',
    false,
    'a control character other than tab and line break; it would act on terminals, spreadsheets and LaTeX instead of showing'
  ),
  encoding: rule('input', 'error', false, 'mojibake: UTF-8 decoded as a single-byte encoding and saved again; run `catalog fix-encoding`'),
  // Limits, checked before parsing (`ParserOptions.limits`).
  'source-too-large': rule('limits', 'error', false, 'the source is larger than the limit in bytes'),
  'line-too-long': rule('limits', 'error', false, 'a line is longer than the limit in characters'),
  'too-many-lines': rule('limits', 'error', false, 'the source has more lines than the limit'),
  'too-many-blank-lines': rule('limits', 'error', false, 'more blank lines in a row than the limit'),
  'section-too-long': rule(
    'limits',
    'error',
    false,
    'a section (from a heading after a blank line to the next) with more lines, list items or inline markup than the limit'
  ),
  'nesting-too-deep': rule('limits', 'error', false, 'lists or block quotes nested deeper than the limit'),
  'too-much-markup': rule('limits', 'error', false, 'more inline markup characters outside code blocks than the limit'),
  'too-much-markup-in-paragraph': rule('limits', 'error', false, 'a paragraph, table row or heading with more inline markup characters than the limit'),
  'too-many-list-items': rule('limits', 'error', false, 'more list items and block quote markers than the limit'),
  'too-many-datasets': rule('limits', 'error', false, 'more level-3 headings than the limit'),
  // The document's structure.
  'missing-title': rule('structure', 'error', false, 'the document has no `#` title'),
  'duplicate-title': rule('structure', 'error', false, 'the document has a second `#` title'),
  'missing-language': rule('structure', 'error', false, 'no language half: halves start with `## <flag> <language name>`'),
  'unknown-language': rule('structure', 'error', false, 'a half names a language ICU does not know (`English`, `Português`, `Español`, … are known)'),
  'duplicate-language': rule('structure', 'error', false, 'a language has two halves'),
  'outside-language': rule('structure', 'error', false, 'a section stands before the first language half'),
  'unexpected-heading': rule('structure', 'error', false, 'a heading that has no place in the catalog'),
  'unexpected-content': rule('structure', 'error', false, 'a block that has no place in the catalog'),
  'raw-html': rule('structure', 'error', false, 'raw HTML; write markdown (HTML comments are allowed)'),
  'malformed-dataset-heading': rule('structure', 'error', false, 'a dataset heading that does not read `### ⭐⭐⭐⭐ NAME - Title`'),
  'empty-section': rule('structure', 'error', false, 'a category with no datasets, or a `**Label:**` with nothing after it'),
  'duplicate-section': rule('structure', 'error', false, 'a dataset has two descriptions, fact lists, … or two lists with the same label'),
  'malformed-resource': rule('structure', 'error', false, 'a related resource that is not one link'),
  'unpaired-link': rule(
    'structure',
    'error',
    false,
    'an access entry that is a link in one half and plain text in another: no one entry holds both; link both halves, or neither'
  ),
  'empty-id': rule('structure', 'error', false, 'a name or label with no Latin letter or digit to make its id or key from'),
  'unknown-label': rule(
    'structure',
    'error',
    false,
    'a label that is a slip of a declared one (case, accents, spaces, an edit or two, a colon outside the bold)'
  ),
  'undeclared-label': rule('structure', 'warning', true, 'a label the vocabulary does not declare; it pairs by position within its dataset'),
  'invalid-vocabulary': rule('input', 'error', false, 'the vocabulary beside the source is not valid (its schema, a key twice, a label for two entries)'),
  // The catalog's data.
  'duplicate-dataset': rule('data', 'error', false, 'two datasets with the same id'),
  'rating-range': rule('data', 'error', false, 'a rating outside 1-5 stars'),
  'missing-url': rule('data', 'error', false, 'the access list has no `**URL:**` link'),
  'url-not-https': rule('data', 'error', false, 'a link (in the text, the access list, a citation or the resources) that is not an absolute https URL'),
  'todo-left': rule('data', 'error', true, 'a `TODO` left in a value, as `catalog new` writes them: a half-filled dataset is never published'),
  'reversed-year-range': rule('data', 'error', false, 'a year range that runs backwards (`2016-2011`)'),
  schema: rule('data', 'error', false, 'any other violation of the JSON Schema'),
  // Translations (the primary half against each other half).
  'missing-translation': rule('translation', 'warning', true, 'a dataset, section, fact, list or table row has no translation yet'),
  'orphan-translation': rule(
    'translation',
    'warning',
    true,
    'a dataset, category, section or fact exists only in a translation (it is kept, in that language)'
  ),
  'rating-mismatch': rule('translation', 'warning', true, 'a translated heading has another rating'),
  'heading-mismatch': rule('translation', 'warning', true, 'a translated heading writes the name otherwise'),
  'category-mismatch': rule('translation', 'warning', true, 'a translated dataset stands under another category'),
  'url-mismatch': rule('translation', 'warning', true, 'a translation links elsewhere'),
  'citation-mismatch': rule('translation', 'warning', true, 'a translation cites with another block'),
  'list-length-mismatch': rule('translation', 'warning', true, 'a translated list has another number of items'),
  'number-mismatch': rule('translation', 'warning', true, 'a translation states other numbers (after locale normalisation: 377,110 and 377.110 agree)'),
  'section-order': rule('translation', 'warning', true, "a translation orders a dataset's sections differently"),
  'outdated-translation': rule('translation', 'warning', true, 'the primary text changed since its translation was confirmed (`catalog i18n`)'),
  'unconfirmed-translation': rule(
    'translation',
    'warning',
    true,
    'a translation never confirmed against its primary text, by `catalog i18n accept` or a PO import (`catalog i18n`)'
  ),
  untranslated: rule('translation', 'warning', true, 'a translation is a copy of the primary text (`catalog i18n`)'),
  // Citations.
  'bibtex-syntax': rule('citation', 'error', false, 'the citation block is not valid BibTeX'),
  'bibtex-unbalanced-braces': rule('citation', 'error', false, 'an unclosed entry or an unbalanced brace'),
  'bibtex-entry-count': rule('citation', 'error', false, 'a citation block holds other than exactly one entry'),
  'bibtex-entry-type': rule(
    'citation',
    'error',
    false,
    "an entry type the catalog does not know: BibTeX's standard types, and biblatex's `dataset`, `software`, `online` and `report`, are known"
  ),
  'bibtex-required-field': rule(
    'citation',
    'error',
    true,
    'a field the entry type requires is missing (article: author, title, journal, year; dataset: author or editor, title, year or date; …)'
  ),
  'bibtex-duplicate-field': rule('citation', 'error', false, 'a field given twice'),
  'unsafe-citation-key': rule(
    'citation',
    'error',
    false,
    'a citation key that cannot name a file on every system (letters, digits and `_.-`, at most 100 characters)'
  ),
  'duplicate-citation-key': rule('citation', 'error', false, 'two datasets cite with the same key'),
  'bibtex-key-case-collision': rule('citation', 'error', false, 'two keys that differ only in case'),
  'bibtex-duplicate-doi': rule('citation', 'error', true, 'two entries carry the same DOI'),
  'bibtex-doi-format': rule('citation', 'warning', true, 'a DOI written as a URL or with a `doi:` prefix'),
  'bibtex-doi-syntax': rule('citation', 'error', false, 'a DOI that is none (`10.`, a registrant code, `/`, a suffix without spaces), however it is written'),
  'bibtex-year-range': rule(
    'citation',
    'error',
    true,
    'a `year` or biblatex `date` before 1900 or after next year, or a date field (`date`, `urldate`, …) that is no date (`2019-11-14`, `2018/2019`)'
  ),
  'bibtex-no-identifier': rule('citation', 'warning', true, 'a citation with no `doi`, `url` or `eprint`: nothing in it leads a reader to the work'),
  'bibtex-incomplete-authors': rule('citation', 'warning', true, 'an author (or editor) list that ends in `and others`: incomplete'),
  'bibtex-crossref': rule('citation', 'error', false, 'an entry that depends on another through `crossref`'),
  'bibtex-unmapped-character': rule('citation', 'warning', true, 'a character with no LaTeX command; it stays UTF-8'),
  'bibtex-style-warning': rule('citation', 'warning', true, "an entry BibTeX's standard styles would warn about"),
  'bibtex-missing-citation': rule('citation', 'warning', true, 'a dataset without a citation is missing from datasets.bib'),
  // The comparison table.
  'comparison-unknown-dataset': rule('comparison', 'error', false, 'a comparison row names no dataset'),
  'comparison-missing-row': rule('comparison', 'error', true, 'a dataset has no row in the primary comparison table'),
  'comparison-duplicate-row': rule('comparison', 'error', false, 'a dataset has two rows'),
  'duplicate-comparison': rule('comparison', 'error', false, 'a half has a second comparison table'),
  'comparison-cells': rule('comparison', 'error', false, 'a row has another number of cells than the header'),
  // What the renderers see.
  'formula-like-text': rule('outputs', 'warning', true, 'a text a spreadsheet would run as a formula; the CSV neutralises it'),
  'excel-cell-too-long': rule('outputs', 'warning', true, "a CSV cell over Excel's 32,767 characters"),
  'list-item-separator': rule('outputs', 'warning', true, 'a list item holds the separator the CSV joins items with'),
  'page-raw-html': rule('outputs', 'warning', true, 'raw HTML in a text; the page shows it as characters'),
  'page-unsafe-link': rule('outputs', 'warning', true, 'a link that is not https; the page shows its text only'),
  // Disable comments.
  'unused-disable': rule(
    'comments',
    'warning',
    false,
    'a `catalog-disable` comment that suppresses nothing or names no rule, or an enable comment that closes none'
  ),
  'disable-not-allowed': rule('comments', 'error', false, 'a `catalog-disable` comment names a rule that cannot be disabled'),
  // What the commands themselves refuse.
  'invalid-lock': rule('commands', 'error', false, 'the translation lock is not a lock `catalog i18n accept` wrote'),
  'not-canonical': rule(
    'commands',
    'error',
    false,
    '`catalog format --check`: the source is not in the canonical form `catalog format` writes (named at the first line that differs)'
  ),
  'format-drops-comments': rule('commands', 'error', false, '`catalog format` would drop HTML comments, which the canonical form does not keep'),
  'format-loses-text': rule(
    'commands',
    'error',
    false,
    '`catalog format` would lose a word of the source, or write what does not read back as the same catalog: it writes nothing'
  ),
  'po-syntax': rule(
    'commands',
    'error',
    false,
    '`catalog i18n import`: the PO file is not one gettext reads, its header names no language the catalog translates into, or an entry has no `msgctxt`, plural forms, or comes twice'
  ),
  'po-unknown-entry': rule('commands', 'error', false, '`catalog i18n import`: an entry whose `msgctxt` names no segment of the source'),
  'po-unwritable': rule(
    'commands',
    'error',
    false,
    '`catalog i18n import`: a translation the source cannot hold as written (a line break in a one-line text, another number of table cells, markup that would read back otherwise)'
  ),
  'po-stale-entry': rule(
    'commands',
    'warning',
    false,
    '`catalog i18n import`: an entry translated from another primary text than the source holds now; it is left out'
  ),
  'invalid-json': rule('commands', 'error', false, '`catalog render --data` was given a file that is not JSON'),
  'render-round-trip': rule('commands', 'error', false, '`catalog render --data`: a text would read back differently from the regenerated markdown')
} as const satisfies Record<string, Rule>

export type RuleId = keyof typeof rules

/** The rule of an id, or undefined for an id the registry does not know. */
export function ruleOf(id: string): Rule | undefined {
  return Object.hasOwn(rules, id) ? rules[id as RuleId] : undefined
}
