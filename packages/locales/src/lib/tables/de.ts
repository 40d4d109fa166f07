import type {PartialMessages} from '../messages.js'

/** The interface in German, so far only the words of the single-language documents. */
export const de: PartialMessages = {
  document: {
    untranslated: '⚠️ Noch nicht übersetzt: angezeigt auf {language}.'
  },
  sections: {
    citation: 'Zitation'
  }
}
