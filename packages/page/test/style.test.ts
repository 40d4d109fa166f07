import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {languageRules} from '../src/index.js'

const css = readFileSync(new URL('../templates/page.css', import.meta.url), 'utf8')

/** The custom properties of the first rule for `:root` after `marker`. */
function palette(marker: string): Record<string, string> {
  const start = css.indexOf(marker)
  const block = css.slice(css.indexOf(':root {', start), css.indexOf('}', css.indexOf(':root {', start)))
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name, value]))
}

/** WCAG 2 relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, b] = [1, 3, 5]
      .map((index) => Number.parseInt(hex.slice(index, index + 2), 16) / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0)
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

describe('the style sheet', () => {
  for (const [scheme, marker] of [
    ['light', ':root {'],
    ['dark', 'prefers-color-scheme: dark']
  ] as const) {
    it(`meets WCAG AA contrast in the ${scheme} scheme`, () => {
      const colors = palette(marker)
      expect(Object.keys(colors)).toEqual(expect.arrayContaining(['bg', 'fg', 'muted', 'surface', 'link', 'accent', 'focus', 'badge-bg', 'badge-fg']))
      const text: Array<[string, string]> = [
        ['fg', 'bg'],
        ['fg', 'surface'],
        ['muted', 'bg'],
        ['muted', 'surface'],
        ['link', 'bg'],
        ['link', 'surface'],
        ['accent', 'bg'],
        ['badge-fg', 'badge-bg']
      ]
      for (const [foreground, background] of text) {
        expect(contrast(colors[foreground] ?? '', colors[background] ?? ''), `${foreground} on ${background}`).toBeGreaterThanOrEqual(4.5)
      }
      // Focus rings and control borders are non-text: 3:1.
      expect(contrast(colors.focus ?? '', colors.bg ?? '')).toBeGreaterThanOrEqual(3)
      expect(contrast(colors.muted ?? '', colors.bg ?? '')).toBeGreaterThanOrEqual(3)
    })
  }

  it('has a print style that hides the controls, and a narrow layout', () => {
    expect(css).toMatch(/@media print \{[\s\S]*\.finder[\s\S]*display: none/)
    expect(css).toMatch(/@media \(max-width: 40rem\)/)
    expect(css).toMatch(/:focus-visible \{ outline: 3px solid/)
    expect(css).not.toMatch(/url\(|@import|@font-face/)
  })

  it('shows each language only its own texts', () => {
    expect(languageRules(['en', 'pt'])).toBe(
      'html[data-ui-lang="en"] [data-shown-in]:not([data-shown-in~="en"]) { display: none !important; }\n' +
        'html[data-ui-lang="pt"] [data-shown-in]:not([data-shown-in~="pt"]) { display: none !important; }\n'
    )
    expect(() => languageRules(['en"] *{x:y}'])).toThrow(TypeError)
  })
})
