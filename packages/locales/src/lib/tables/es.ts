import type {Messages} from '../messages.js'

/** The interface in Spanish. */
export const es: Messages = {
  page: {
    skipToDatasets: 'Ir a los datasets',
    language: 'Idioma',
    filters: 'Encontrar un dataset',
    search: 'Buscar',
    searchPlaceholder: 'Cualquier palabra de un dataset, sus autores o clave de cita',
    category: 'Categoría',
    allCategories: 'Todas las categorías',
    minimumRating: 'Valoración mínima',
    anyRating: 'Cualquier valoración',
    atLeastStars: '{stars} estrellas o más',
    datasetsShown: '{shown} de {total} datasets mostrados',
    noMatch: 'Ningún dataset coincide con la búsqueda y los filtros.',
    starsOutOf: 'Valoración de {rating} sobre {max}',
    downloads: 'Descargas',
    downloadsIntro: 'El catálogo completo, en los formatos siguientes.',
    copyCitation: 'Copiar BibTeX',
    copied: 'Copiado al portapapeles.',
    copyFailed: 'No se pudo copiar: la cita está seleccionada, cópiela con el teclado.',
    untranslated: 'Aún sin traducir; se muestra en {language}.',
    datasets: 'Datasets',
    matchedIn: 'Encontrado en: {fields}',
    sortHint: 'Los botones del encabezado ordenan la tabla por su columna.'
  },
  document: {
    untranslated: '⚠️ Aún sin traducir: se muestra en {language}.'
  },
  sections: {
    citation: 'Cita'
  },
  downloads: {
    catalog: 'El catálogo completo (JSON)',
    schema: 'Su JSON Schema',
    vocabularySchema: 'El JSON Schema del vocabulario de etiquetas',
    bibliography: 'Todas las citas (BibTeX)',
    biblatex: 'Todas las citas con su propio tipo de entrada (biblatex y biber)',
    cslJson: 'Todas las citas (CSL-JSON, para Zotero y Pandoc)',
    csv: 'Una fila por dataset (CSV)',
    excelCsv: 'Lo mismo, para Excel',
    dataPackage: 'Frictionless Data Package',
    feed: 'Feed compacto para programas',
    jsonLd: 'JSON-LD de schema.org',
    wholeDocument: 'El documento entero, en todos sus idiomas (markdown)',
    languageDocument: 'El documento en {language} (markdown)',
    translationStatus: 'Estado de la traducción'
  },
  feeds: {
    freeAccessTerms: ['gratis', 'gratuito', 'gratuita', 'gratuitos', 'gratuitas', 'acceso abierto', 'acceso libre']
  }
}
