import {exitCodes, type Io, reportFailure, UsageError} from './cli-kit.js'

export {exitCodes, type Io} from './cli-kit.js'

const usage = `Usage: catalog <command> [options]

Turns the bilingual markdown catalog into validated JSON and everything rendered from it.

Commands:
  build          parse, validate and write every output into --out, atomically
  validate       parse and validate; print diagnostics only
  check          exit 1 when --out differs from what build would write
  watch          build, then rebuild on every save of the source until Ctrl-C
  format         rewrite the source in its canonical form (--check: only tell)
  new            start a dataset: a skeleton to fill, every value TODO
  render         write every output from a catalog JSON alone
  i18n           report the translation state; \`i18n accept\` confirms translations,
                 \`i18n export\` and \`i18n import\` hand them to gettext tools as PO files
  vocabulary     declare the catalog's labels in vocabulary.json beside the source
  fix-encoding   repair mojibake (UTF-8 decoded as Mac Roman, Windows-1252 or Latin-1)

Run \`catalog <command> --help\` for a command's options.
Exit codes: 0 ok, 1 problems in the input or a failed read or write,
2 usage error, 3 internal error (a bug of this tool).
`

/** Run the CLI; returns the exit code. Nothing throws out of here: see `reportFailure`. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let printed = false
  const watched: Io = {
    ...io,
    stdout: (text) => {
      printed = true
      io.stdout(text)
    }
  }
  try {
    return await dispatch(argv, watched)
  } catch (error) {
    const code = reportFailure(error, io)
    // A program reading JSON from stdout gets JSON even from a run that stopped early (the reason is on stderr).
    if (!printed && wantsJson(argv))
      io.stdout(argv[0] === 'i18n' && !['accept', 'export', 'import'].includes(argv[1] ?? '') ? '{"findings": [], "diagnostics": []}\n' : '[]\n')
    return code
  }
}

/** Whether the command line asks for JSON on stdout: `--json`, `--reporter json` or `--reporter=json`. */
function wantsJson(argv: readonly string[]): boolean {
  return argv.some((arg, index) => arg === '--json' || arg === '--reporter=json' || (arg === '--reporter' && argv[index + 1] === 'json'))
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined) {
    io.stderr(usage)
    return exitCodes.usage
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    io.stdout(usage)
    return exitCodes.ok
  }
  switch (command) {
    // Each command loads only what it uses: \`catalog check\` on a fresh dist/ needs neither parser nor renderers.
    case 'build':
    case 'validate':
    case 'check':
      return (await import('./commands/build.js')).runCatalogCommand(command, rest, io)
    case 'format':
      return (await import('./commands/format.js')).formatCommand(rest, io)
    case 'render':
      return (await import('./commands/render.js')).renderCommand(rest, io)
    case 'i18n': {
      const [sub, ...subArgs] = rest
      if (sub === 'export' || sub === 'import') {
        const {exportCommand, importCommand} = await import('./commands/po.js')
        return sub === 'export' ? exportCommand(subArgs, io) : importCommand(subArgs, io)
      }
      const {acceptCommand, i18nCommand} = await import('./commands/i18n.js')
      return sub === 'accept' ? acceptCommand(subArgs, io) : i18nCommand(rest, io)
    }
    case 'new':
      return (await import('./commands/new.js')).newCommand(rest, io)
    case 'vocabulary':
      return (await import('./commands/vocabulary.js')).vocabularyCommand(rest, io)
    case 'watch':
      return (await import('./commands/watch.js')).watchCommand(rest, io)
    case 'fix-encoding':
      return (await import('./commands/fix-encoding.js')).fixEncoding(rest, io)
    default:
      throw new UsageError(`unknown command "${command}"`)
  }
}
