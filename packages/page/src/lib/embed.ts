/**
 * The Content-Security-Policy that allows the page's own style and script by
 * hash and nothing else. (JSON inside the page's `<script>` data blocks is
 * written by `jsonForScript` of @catalog/feeds, which also writes
 * `datasets.jsonld`: one escaping for every JSON that may stand in HTML.)
 */

import {createHash} from 'node:crypto'

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
