export {renderMarkdown, formatSource, renderLanguageDocument, type MarkdownOutputs} from './lib/render.js'
export {titleIn} from './lib/single-language.js'
export {fence, join, stars} from './lib/helpers.js'
