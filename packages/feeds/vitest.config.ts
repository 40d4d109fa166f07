import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    // The test files share the parser and the parsed sources; loading them once per worker halves the run.
    isolate: false,
    // csvkit and python3 start slowly on a loaded machine.
    testTimeout: 30_000
  }
})
