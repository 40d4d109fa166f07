import {describe, expect, it} from 'vitest'
import {fence, join, stars} from '../src/lib/helpers.js'

describe('template helpers', () => {
  it('stars: one star per point of rating, nothing for a nonsense rating', () => {
    expect(stars(4)).toBe('⭐⭐⭐⭐')
    expect(stars(1)).toBe('⭐')
    expect(stars(0)).toBe('')
    expect(stars(2.5)).toBe('')
    expect(stars('3')).toBe('')
  })

  it('join: items with the given separator, a comma by default', () => {
    expect(join(['A', 'B (C, D)', 'E'], ', ')).toBe('A, B (C, D), E')
    expect(join(['A', 'B'], ' | ')).toBe('A | B')
    // Handlebars passes its options object last when the template gives no separator.
    expect(join(['A', 'B'], {hash: {}})).toBe('A, B')
    expect(join(undefined, ', ')).toBe('')
  })

  it('fence: three backticks, or one more than the longest run inside', () => {
    expect(fence('@article{a,\n  title={x}\n}')).toBe('```')
    expect(fence('a ``` b')).toBe('````')
    expect(fence('`````')).toBe('``````')
  })
})
