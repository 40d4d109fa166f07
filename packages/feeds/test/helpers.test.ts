import {afterEach, describe, expect, it, vi} from 'vitest'
import {toolAvailable} from './helpers.js'

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
    expect(toolAvailable('no-such-tool-for-feeds-tests', 'Debian package nothing')).toBe(false)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('no-such-tool-for-feeds-tests is not installed (Debian package nothing)'))
  })

  it('run (and so fail) when the tool is missing on CI', () => {
    process.env.CI = 'true'
    expect(toolAvailable('no-such-tool-for-feeds-tests', 'Debian package nothing')).toBe(true)
  })
})
