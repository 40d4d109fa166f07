import type {Messages} from '../messages.js'

/** The interface in Portuguese. */
export const pt: Messages = {
  page: {
    skipToDatasets: 'Ir para os datasets',
    language: 'Idioma',
    filters: 'Encontrar um dataset',
    search: 'Buscar',
    searchPlaceholder: 'Qualquer palavra de um dataset, seus autores ou chave de citação',
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
    datasets: 'Datasets',
    matchedIn: 'Encontrado em: {fields}',
    sortHint: 'Os botões do cabeçalho ordenam a tabela pela sua coluna.'
  },
  document: {
    untranslated: '⚠️ Ainda não traduzido: exibido em {language}.'
  },
  sections: {
    citation: 'Citação'
  },
  downloads: {
    catalog: 'O catálogo inteiro (JSON)',
    schema: 'Seu JSON Schema',
    vocabularySchema: 'O JSON Schema do vocabulário de rótulos',
    bibliography: 'Todas as citações (BibTeX)',
    biblatex: 'Todas as citações com seu próprio tipo de entrada (biblatex e biber)',
    cslJson: 'Todas as citações (CSL-JSON, para Zotero e Pandoc)',
    csv: 'Uma linha por dataset (CSV)',
    excelCsv: 'O mesmo, para o Excel',
    dataPackage: 'Frictionless Data Package',
    feed: 'Feed compacto para programas',
    jsonLd: 'JSON-LD schema.org',
    wholeDocument: 'O documento inteiro, em todos os seus idiomas (markdown)',
    languageDocument: 'O documento em {language} (markdown)',
    translationStatus: 'Estado da tradução'
  },
  feeds: {
    freeAccessTerms: ['gratuito', 'gratuita', 'gratuitos', 'gratuitas', 'acesso aberto', 'acesso livre']
  }
}
