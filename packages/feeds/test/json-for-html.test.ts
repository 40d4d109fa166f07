import {describe, expect, it} from 'vitest'
import {jsonForScript} from '../src/lib/json-for-html.js'

describe('jsonForScript', () => {
  it('round-trips any JSON value with no character that could end or change a script element', () => {
    const value = {s: '</SCRIPT >\u2028\u2029<!-- --> & more', n: [1, 2.5, null, true], nested: {'<k>': 'é'}}
    for (const indent of [undefined, 2]) {
      const json = jsonForScript(value, indent)
      expect(json).not.toMatch(/[<>&\u2028\u2029]/)
      expect(JSON.parse(json)).toEqual(value)
    }
    expect(() => jsonForScript(undefined)).toThrow(TypeError)
  })
})
