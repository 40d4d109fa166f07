/**
 * The page's Handlebars helpers. Escaping stays on everywhere; these two are
 * the only ways the templates write markup, and both build it from escaped
 * text.
 */

import type {HelperDelegate} from 'handlebars'
import Handlebars from 'handlebars'
import {jsonForScript} from './embed.js'
import {inlineToHtml} from './inline.js'

export const helpers: Readonly<Record<string, HelperDelegate>> = {
  /** CommonMark inline markup of a catalog text as safe HTML (see `inline.ts`). */
  inline(markup: unknown): Handlebars.SafeString {
    if (typeof markup !== 'string') throw new TypeError(`inline: expected text, got ${typeof markup}`)
    return new Handlebars.SafeString(inlineToHtml(markup))
  },
  /** A value as JSON for a `<script>` data block, with `<`, `>` and `&` escaped. */
  scriptJson(value: unknown): Handlebars.SafeString {
    return new Handlebars.SafeString(jsonForScript(value))
  }
}
