export {renderMarkdown, formatSource, renderLanguageDocument, type MarkdownOutputs} from './lib/render.js'
