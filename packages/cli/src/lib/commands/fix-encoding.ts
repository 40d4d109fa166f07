import path from 'node:path'
import {decodeSource, repairMojibake} from '@catalog/parser'
import {exitCodes, type Io, pathOption, printDiagnostics, UsageError, parseCommand} from '../cli-kit.js'
import {writeFileAtomically} from '../files.js'
import {readInput} from '../inputs.js'

export const help = `Usage: catalog fix-encoding FILE [--write]

Repair text that was saved as UTF-8, decoded as Mac Roman, Windows-1252 or
Latin-1 and saved again ("MÃ©dica" or "M√©dica" for "Médica"). Prints the
repaired text, or with --write replaces FILE. Refuses, with a diagnostic,
when the damage cannot be reversed exactly.

  --write          rewrite FILE in place
  -h, --help       show this help
`

export async function fixEncoding(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, {write: {type: 'boolean', default: false}}, help, io, true)
  if (!parsed) return exitCodes.ok
  const {values, positionals} = parsed
  const [given, ...extra] = positionals
  if (given === undefined || extra.length > 0) throw new UsageError('fix-encoding takes exactly one FILE')
  const filePath = pathOption(given, 'FILE')
  const fail = (line: number, column: number, ruleId: string, message: string): number => {
    printDiagnostics([{file: filePath, line, column, severity: 'error', ruleId, message}], 'text', io)
    return exitCodes.problems
  }
  const read = await readInput(filePath, io.cwd, 'the file')
  if ('diagnostic' in read) {
    printDiagnostics([read.diagnostic], 'text', io)
    return exitCodes.problems
  }
  const decoded = decodeSource(read.bytes)
  if (!decoded.ok) return fail(decoded.line, decoded.column, decoded.ruleId, decoded.reason)
  const result = repairMojibake(decoded.text)
  if (!result.ok) {
    return fail(result.point.line, result.point.column, 'encoding', result.reason)
  }
  if (values.write) {
    await writeFileAtomically(path.resolve(io.cwd, filePath), result.text)
    io.stderr(`catalog: repaired ${filePath} (it was UTF-8 read as ${result.encodingName})\n`)
  } else {
    io.stdout(result.text)
  }
  return exitCodes.ok
}
