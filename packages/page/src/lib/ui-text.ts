/**
 * The page's own words: labels of its controls, not of the catalog. The
 * catalog's texts (names, section labels, descriptions) come from the
 * catalog; these are the few the page adds around them. `{name}` marks a
 * value the page fills in.
 */
export interface UiText {
  skipToDatasets: string
  language: string
  filters: string
  search: string
  searchPlaceholder: string
  category: string
  allCategories: string
  minimumRating: string
  anyRating: string
  /** `{stars}`: a rating; an option of the minimum-rating filter. */
  atLeastStars: string
  /** `{shown}` of `{total}`. */
  datasetsShown: string
  noMatch: string
  /** `{rating}` of `{max}`: read out for the stars of a card. */
  starsOutOf: string
  downloads: string
  downloadsIntro: string
  copyCitation: string
  copied: string
  copyFailed: string
  /** `{language}`: the language a text falls back to. */
  untranslated: string
  datasets: string
}

/** The page's words in the languages it knows; others fall back to the catalog's primary language, then English. */
export const uiTexts: Readonly<Record<string, UiText>> = {
  en: {
    skipToDatasets: 'Skip to the datasets',
    language: 'Language',
    filters: 'Find a dataset',
    search: 'Search',
    searchPlaceholder: 'Name, description, task or list item',
    category: 'Category',
    allCategories: 'All categories',
    minimumRating: 'Minimum rating',
    anyRating: 'Any rating',
    atLeastStars: '{stars} stars or more',
    datasetsShown: '{shown} of {total} datasets shown',
    noMatch: 'No dataset matches the search and filters.',
    starsOutOf: 'Rated {rating} out of {max}',
    downloads: 'Downloads',
    downloadsIntro: 'The whole catalog, in the formats below.',
    copyCitation: 'Copy BibTeX',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: the citation is selected, copy it with your keyboard.',
    untranslated: 'Not translated yet; shown in {language}.',
    datasets: 'Datasets'
  },
  pt: {
    skipToDatasets: 'Ir para os datasets',
    language: 'Idioma',
    filters: 'Encontrar um dataset',
    search: 'Buscar',
    searchPlaceholder: 'Nome, descrição, tarefa ou item de lista',
    category: 'Categoria',
    allCategories: 'Todas as categorias',
    minimumRating: 'Avaliação mínima',
    anyRating: 'Qualquer avaliação',
    atLeastStars: '{stars} estrelas ou mais',
    datasetsShown: '{shown} de {total} datasets exibidos',
    noMatch: 'Nenhum dataset corresponde à busca e aos filtros.',
    starsOutOf: 'Avaliação {rating} de {max}',
    downloads: 'Downloads',
    downloadsIntro: 'O catálogo completo, nos formatos abaixo.',
    copyCitation: 'Copiar BibTeX',
    copied: 'Copiado para a área de transferência.',
    copyFailed: 'Não foi possível copiar: a citação está selecionada, copie-a pelo teclado.',
    untranslated: 'Ainda não traduzido; exibido em {language}.',
    datasets: 'Datasets'
  }
}

/** Fill `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
