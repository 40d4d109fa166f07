import type {PartialMessages} from '../messages.js'

/** The interface in French, so far only the words of the single-language documents. */
export const fr: PartialMessages = {
  document: {
    untranslated: '⚠️ Pas encore traduit : affiché en {language}.'
  },
  sections: {
    citation: 'Citation'
  }
}
