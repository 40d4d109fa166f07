import {createHash} from 'node:crypto'
import Handlebars from 'handlebars'
import {describe, expect, it} from 'vitest'
import {helpers} from '../src/lib/helpers.js'
import {contentSecurityPolicy, formatBytes, hashSource} from '../src/index.js'

describe('helpers', () => {
  const instance = Handlebars.create()
  for (const [name, helper] of Object.entries(helpers)) instance.registerHelper(name, helper)
  const run = (template: string, context: object): string => instance.compile(template, {strict: true})(context)

  it('inline: safe HTML of inline markup, where plain {{value}} escapes', () => {
    const context = {text: '**a** <b onclick="x()">b</b> [c](https://c.org)'}
    expect(run('{{inline text}}', context)).toBe(
      '<strong>a</strong> &lt;b onclick&#61;&quot;x()&quot;&gt;b&lt;/b&gt; <a href="https://c.org" rel="noopener noreferrer">c</a>'
    )
    expect(run('{{text}}', context)).toBe('**a** &lt;b onclick&#x3D;&quot;x()&quot;&gt;b&lt;/b&gt; [c](https://c.org)')
    expect(() => run('{{inline number}}', {number: 3})).toThrow(/expected text/)
  })

  it('scriptJson: JSON that cannot end its script element', () => {
    expect(run('<script type="application/json">{{scriptJson value}}</script>', {value: {a: '</script><!--x-->&'}})).toBe(
      '<script type="application/json">{"a":"\\u003c/script\\u003e\\u003c!--x--\\u003e\\u0026"}</script>'
    )
  })
})

describe('embedding', () => {
  it('hashes as CSP expects: base64 SHA-256 of the exact text', () => {
    expect(hashSource('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
    expect(hashSource('é')).toBe(
      `'sha256-${createHash('sha256')
        .update(Buffer.from([0xc3, 0xa9]))
        .digest('base64')}'`
    )
  })

  it('forbids everything but the hashed script and style', () => {
    expect(contentSecurityPolicy({script: "'sha256-a'", style: "'sha256-b'"})).toBe(
      "default-src 'none'; script-src 'sha256-a'; style-src 'sha256-b'; img-src data:; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'"
    )
  })
})

describe('formatBytes', () => {
  it('formats sizes in each language', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes')
    expect(formatBytes(999, 'en')).toBe('999 bytes')
    expect(formatBytes(1000, 'en')).toBe('1 kB')
    expect(formatBytes(12_345, 'en')).toBe('12.3 kB')
    expect(formatBytes(12_345, 'pt')).toBe('12,3 kB')
    expect(formatBytes(4_500_000, 'en')).toBe('4.5 MB')
    expect(() => formatBytes(-1, 'en')).toThrow(RangeError)
  })
})
