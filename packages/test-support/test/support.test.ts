import {afterEach, describe, expect, it, vi} from 'vitest'
import {lineOf, replaceOnce, toolAvailable} from '../src/index.js'

describe('tests that need a system tool', () => {
  const ci = process.env.CI
  afterEach(() => {
    if (ci === undefined) delete process.env.CI
    else process.env.CI = ci
    vi.restoreAllMocks()
  })

  it('skip with a reason on the console when the tool is missing outside CI', () => {
    delete process.env.CI
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(toolAvailable('no-such-tool-for-catalog-tests', 'Debian package nothing')).toBe(false)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('run no-such-tool-for-catalog-tests: it is not installed (Debian package nothing)'))
  })

  it('run (and so fail) when the tool is missing on CI', () => {
    process.env.CI = 'true'
    expect(toolAvailable('no-such-tool-for-catalog-tests', 'Debian package nothing')).toBe(true)
  })
})

describe('exact edits', () => {
  it('replace exactly one occurrence, and fail loudly otherwise', () => {
    expect(replaceOnce('a b c', 'b', 'x')).toBe('a x c')
    expect(() => replaceOnce('a b b', 'b', 'x')).toThrow(/exactly one/)
    expect(() => replaceOnce('a', 'b', 'x')).toThrow(/exactly one/)
    expect(lineOf('one\ntwo\nthree', 'three')).toBe(3)
  })
})
