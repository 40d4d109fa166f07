import path from 'node:path'
// The limits alone (a module of constants): every command reads its inputs first, `catalog check` from a
// recorded run reads nothing else, and must not load the parser to do so.
import {defaultLimits} from '@catalog/schema/limits'
import type {Diagnostic} from './diagnostics.js'
import {describeSystemError, FileTooLargeError, readBounded} from './files.js'

export type InputRead = {bytes: Buffer} | {diagnostic: Diagnostic; missing: boolean}

/**
 * Read a file the run depends on, once, and no more than the source's size
 * limit: a file that cannot be read, or is too large, is a diagnostic at its
 * first line, never an exception.
 */
export async function readInput(file: string, cwd: string, what: string, limit = defaultLimits.maxBytes): Promise<InputRead> {
  const at = (ruleId: string, message: string, missing = false) => ({
    diagnostic: {file, line: 1, column: 1, severity: 'error' as const, ruleId, message},
    missing
  })
  try {
    return {bytes: await readBounded(path.resolve(cwd, file), limit)}
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      const size = error.size === undefined ? 'larger than the limit' : `${error.size} bytes`
      return at('source-too-large', `${what} is ${size}; the limit is ${limit} bytes`)
    }
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (describeSystemError(error) ?? (error as Error).message)
    return at('unreadable-file', `cannot read ${what}: ${reason}`, code === 'ENOENT')
  }
}
