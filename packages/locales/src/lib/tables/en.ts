/**
 * The interface in English, the base locale: the reference table. Its shape
 * is the type `Messages`, which every other table is checked against, and it
 * is the last step of every fallback, so it holds every message.
 *
 * `{name}` marks a value filled in by `fill`; a translation keeps the same
 * placeholders, in whatever order its language needs.
 */
export const en = {
  /** The page's own words: labels of its controls, not of the catalog. */
  page: {
    skipToDatasets: 'Skip to the datasets',
    language: 'Language',
    filters: 'Find a dataset',
    search: 'Search',
    searchPlaceholder: 'Any word of a dataset, its authors or citation key',
    category: 'Category',
    allCategories: 'All categories',
    minimumRating: 'Minimum rating',
    anyRating: 'Any rating',
    /** `{stars}`: a rating; an option of the minimum-rating filter. */
    atLeastStars: '{stars} stars or more',
    /** `{shown}` of `{total}`. */
    datasetsShown: '{shown} of {total} datasets shown',
    noMatch: 'No dataset matches the search and filters.',
    /** `{rating}` of `{max}`: read out for the stars of a card. */
    starsOutOf: 'Rated {rating} out of {max}',
    downloads: 'Downloads',
    downloadsIntro: 'The whole catalog, in the formats below.',
    copyCitation: 'Copy BibTeX',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: the citation is selected, copy it with your keyboard.',
    /** `{language}`: the name of the language a text is shown in instead. */
    untranslated: 'Not translated yet; shown in {language}.',
    datasets: 'Datasets',
    /** `{fields}`: the labels of the fields a search found a word in that the card does not show, as a list. */
    matchedIn: 'Matched in: {fields}',
    sortHint: 'The buttons in the header sort the table by their column.'
  },
  /** What the single-language markdown documents add around the catalog's texts. */
  document: {
    /** `{language}`: the name of the language the part is shown in instead. */
    untranslated: '⚠️ Not yet translated: shown in {language}.'
  },
  /** Section labels for the sections every language shows, where the catalog has no label in that language. */
  sections: {
    citation: 'Citation'
  },
  /** What each file of the output folder is, as the page lists it: one label per kind of output. */
  downloads: {
    catalog: 'The whole catalog (JSON)',
    schema: 'Its JSON Schema',
    vocabularySchema: 'The JSON Schema of the vocabulary of labels',
    bibliography: 'Every citation (BibTeX)',
    biblatex: 'Every citation with its own entry type (biblatex and biber)',
    cslJson: 'Every citation (CSL-JSON, for Zotero and Pandoc)',
    csv: 'One row per dataset (CSV)',
    excelCsv: 'The same, for Excel',
    dataPackage: 'Frictionless Data Package',
    feed: 'Compact feed for programs',
    jsonLd: 'schema.org JSON-LD',
    wholeDocument: 'The whole document, in all its languages (markdown)',
    /** `{language}`: the name of the document's language (`<code>/README.md`). */
    languageDocument: 'The {language} document (markdown)',
    translationStatus: 'Translation status'
  },
  /** Words the feeds look for in the catalog's texts of this language. */
  feeds: {
    /** Say that a dataset costs nothing to get; matched case-insensitively, as whole words, in access values. */
    freeAccessTerms: ['free', 'free of charge', 'open access']
  }
}
