/**
 * The page's Handlebars helpers. Escaping stays on everywhere; these are
 * the only ways the templates write markup, and all build it from escaped
 * text.
 */

import type {HelperDelegate} from 'handlebars'
import Handlebars from 'handlebars'
import {jsonForScript} from '@catalog/feeds'
import {inlineToHtml} from './inline.js'

export const helpers: Readonly<Record<string, HelperDelegate>> = {
  /** CommonMark inline markup of a catalog text as safe HTML (see `inline.ts`). */
  inline(markup: unknown): Handlebars.SafeString {
    if (typeof markup !== 'string') throw new TypeError(`inline: expected text, got ${typeof markup}`)
    return new Handlebars.SafeString(inlineToHtml(markup))
  },
  /** The same, for text that the template itself puts inside a link: no nested anchors. */
  inlineInLink(markup: unknown): Handlebars.SafeString {
    if (typeof markup !== 'string') throw new TypeError(`inlineInLink: expected text, got ${typeof markup}`)
    return new Handlebars.SafeString(inlineToHtml(markup, {inLink: true}))
  },
  /** A value as JSON for a `<script>` data block, with `<`, `>` and `&` escaped. */
  scriptJson(value: unknown): Handlebars.SafeString {
    return new Handlebars.SafeString(jsonForScript(value))
  }
}
