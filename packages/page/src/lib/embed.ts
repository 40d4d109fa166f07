/**
 * What the page embeds of its own: JSON inside `<script>` data blocks, and
 * the Content-Security-Policy that allows the page's own style and script
 * by hash and nothing else.
 */

import {createHash} from 'node:crypto'

/**
 * JSON that is safe inside a `<script>` element: `<`, `>` and `&` written as
 * `\u003c`, `\u003e` and `\u0026`, so that `</script>` or `<!--` in a
 * catalog text cannot end the element or change how the HTML parser reads
 * it, and U+2028/U+2029 escaped for old JavaScript parsers. `JSON.parse`
 * gives back the same value.
 */
export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value)
  if (json === undefined) throw new TypeError('cannot embed a value that has no JSON form')
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** A CSP hash source for the exact text of an inline `<script>` or `<style>` element. */
export function hashSource(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
}

/**
 * The page's policy. Nothing is allowed by default; the page's one style
 * sheet and one script are allowed by hash, so an injected `<script>`, an
 * inline handler (`onerror=`) or a style attribute would not run even if one
 * slipped through the escaping. Images only as `data:` (the empty favicon,
 * which spares a request). Trusted Types forbid HTML sinks: the page's script
 * writes text only. `frame-ancestors` cannot be set from a meta element.
 */
export function contentSecurityPolicy(hashes: {script: string; style: string}): string {
  return [
    "default-src 'none'",
    `script-src ${hashes.script}`,
    `style-src ${hashes.style}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'"
  ].join('; ')
}
