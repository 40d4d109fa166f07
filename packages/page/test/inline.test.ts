import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {escapeHtml, inlineToHtml, inlineToText, isSafeUrl, parseInline} from '../src/index.js'
import {parseInlineWithRemark} from '../src/lib/inline.js'

describe('inline markup', () => {
  it('escapes every character of plain text', () => {
    expect(inlineToHtml(`a < b & "c" 'd' = \`e\``)).toBe('a &lt; b &amp; &quot;c&quot; &#39;d&#39; &#61; <code>e</code>')
    expect(escapeHtml('<>&"\'`=')).toBe('&lt;&gt;&amp;&quot;&#39;&#96;&#61;')
  })

  it('shows raw HTML as the characters written', () => {
    const markup = '<script>window.__pwned=1</script> <img src=x onerror="window.__pwned=1"><!-- c -->'
    expect(parseInline(markup).map((node) => node.type)).toEqual(['html', 'text', 'html', 'text', 'html', 'html'])
    const html = inlineToHtml(markup)
    expect(html).not.toMatch(/<(?!\/?(?:code|strong|em|a)\b)/)
    expect(html).toBe('&lt;script&gt;window.__pwned&#61;1&lt;/script&gt; &lt;img src&#61;x onerror&#61;&quot;window.__pwned&#61;1&quot;&gt;&lt;!-- c --&gt;')
    expect(inlineToText(markup)).toBe(markup)
  })

  it('renders strong, emphasis and code spans', () => {
    expect(inlineToHtml('**bold** and *it* and __b__ and _i_')).toBe('<strong>bold</strong> and <em>it</em> and <strong>b</strong> and <em>i</em>')
    expect(inlineToHtml('`a <b>` and ``x ` y``')).toBe('<code>a &lt;b&gt;</code> and <code>x &#96; y</code>')
    expect(inlineToHtml('**bold *nested* text**')).toBe('<strong>bold <em>nested</em> text</strong>')
  })

  it('leaves delimiters that open nothing, and intraword underscores, as text', () => {
    expect(inlineToHtml('snake_case_name and 2 * 3 * 4')).toBe('snake_case_name and 2 * 3 * 4')
    expect(inlineToHtml('**not closed')).toBe('**not closed')
    expect(inlineToHtml('a ` b')).toBe('a &#96; b')
  })

  it('links only to https', () => {
    expect(inlineToHtml('[the page](https://example.org/a?b=1&c=2)')).toBe(
      '<a href="https://example.org/a?b&#61;1&amp;c&#61;2" rel="noopener noreferrer">the page</a>'
    )
    expect(inlineToHtml('<https://example.org/>')).toBe('<a href="https://example.org/" rel="noopener noreferrer">https://example.org/</a>')
    expect(inlineToHtml('[click](javascript:alert(1))')).toBe('click')
    expect(inlineToHtml('[x](http://example.org/) [y](data:text/html,hi)')).toBe('x y')
    expect(isSafeUrl('https://example.org/')).toBe(true)
    expect(isSafeUrl(' https://example.org/')).toBe(false)
    expect(isSafeUrl('HTTPS://example.org/')).toBe(true)
    expect(isSafeUrl('javascript://example.org/%0aalert(1)')).toBe(false)
  })

  it('renders markup inside link text and a link title is dropped', () => {
    expect(inlineToHtml('[**bold** link](https://example.org "Title")')).toBe(
      '<a href="https://example.org" rel="noopener noreferrer"><strong>bold</strong> link</a>'
    )
  })

  it('reads backslash escapes and entities as CommonMark does', () => {
    // GFM still links the bare URL, as GitHub does.
    expect(inlineToHtml('\\*not emphasis\\* \\[not a link\\](https://x.org)')).toBe(
      '*not emphasis* [not a link](<a href="https://x.org" rel="noopener noreferrer">https://x.org</a>)'
    )
    expect(inlineToText('&lt;b&gt; &amp; &#233; &#xE9; &copy;')).toBe('<b> & é é ©')
    expect(inlineToText('# not a heading, - not a list')).toBe('# not a heading, - not a list')
    expect(inlineToHtml('&lt;script&gt;')).toBe('&lt;script&gt;')
  })

  it('never writes markup other than its own, whatever the input (seeded random inputs)', () => {
    let seed = 42
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const pieces = [
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '&',
      '\\',
      '"',
      "'",
      '=',
      'a',
      ' ',
      '\n',
      'https://x.org',
      'javascript:',
      '#',
      ';',
      'img',
      'onerror',
      '!--'
    ]
    for (let index = 0; index < 2000; index++) {
      const markup = Array.from({length: Math.floor(random() * 30)}, () => pieces[Math.floor(random() * pieces.length)]).join('')
      const html = inlineToHtml(markup)
      const own = html.replace(/<\/?(?:strong|em|code)>|<a href="https:\/\/[^"<>]*" rel="noopener noreferrer">|<\/a>/g, '')
      expect(own, markup).not.toMatch(/[<>]/)
      expect(inlineToText(markup).length, markup).toBeLessThanOrEqual(markup.length)
    }
  })
})

describe('inline markup inside a link of the page', () => {
  it('writes links as their text, since anchors do not nest', () => {
    expect(inlineToHtml('https://example.org/a', {inLink: true})).toBe('https://example.org/a')
    expect(inlineToHtml('**see** [x](https://example.org/)', {inLink: true})).toBe('<strong>see</strong> x')
    expect(inlineToHtml('https://example.org/a')).toBe('<a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a>')
  })
})

describe('plain text shortcut', () => {
  // Characters that matter to inline markup, white space and ordinary letters, so
  // that random texts come close to the edges of the shortcut.
  const alphabet = [...'ab1 .:/@_*`[]()!<>&~\\#-+=|w\t\n\u00A0é'].map((char) => fc.constant(char))
  const texts = fc.array(fc.oneof(...alphabet, fc.constantFrom('www.', 'http://x.org', '&amp;', 'a@b.org')), {maxLength: 24}).map((parts) => parts.join(''))

  it('reads every text as the remark parse does', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(parseInline(text)).toEqual(parseInlineWithRemark(text))
      }),
      {numRuns: 3000}
    )
  })

  it('reads bare URLs as the remark parse does', () => {
    const label = fc.stringMatching(/^[a-zA-Z0-9_-]{0,4}$/)
    const urls = fc
      .tuple(
        fc.constantFrom('https://', 'http://', 'HTTPS://', 'ftp://', 'https:/'),
        fc.array(label, {minLength: 1, maxLength: 3}),
        fc.array(fc.constantFrom('/', 'a', 'Z', '9', '.', '-', '_', '~', '?', '#', ')', '(', '*', ',', ':', '%'), {maxLength: 8})
      )
      .map(([scheme, labels, path]) => `${scheme}${labels.join('.')}${path.join('')}`)
    fc.assert(
      fc.property(urls, (url) => {
        expect(parseInline(url)).toEqual(parseInlineWithRemark(url))
      }),
      {numRuns: 3000}
    )
    for (const url of ['https://www.cancerimagingarchive.net/collection/tcga-luad/', 'http://www.x.org', 'https://a.b/c-d_e~f']) {
      expect(parseInline(url)).toEqual(parseInlineWithRemark(url))
    }
    expect(parseInline('https://physionet.org/content/mimic-cxr/2.0.0/')).toEqual([
      {type: 'link', url: 'https://physionet.org/content/mimic-cxr/2.0.0/', children: [{type: 'text', value: 'https://physionet.org/content/mimic-cxr/2.0.0/'}]}
    ])
  })

  it('takes plain text as one text node, and markup through the parser', () => {
    expect(parseInline('Chest X-ray, 377,110 images (2019)')).toEqual([{type: 'text', value: 'Chest X-ray, 377,110 images (2019)'}])
    expect(parseInline('see www.example.org')).toEqual(parseInlineWithRemark('see www.example.org'))
    expect(parseInline('trailing ')).toEqual([{type: 'text', value: 'trailing'}])
  })
})
