/**
 * How a rule is shown at work: a catalog folder, a command run in it, and
 * where the rule must be reported (or that it must not be). The folder holds
 * `catalog.md` (the source) and `vocabulary.json`; the command's paths are
 * relative to it.
 */
export interface RuleExample {
  /** What this example shows, in a few words: `an http link`, `the link in https`. */
  title: string
  /** The source, made from the example catalog (`exampleSource`); bytes for what is not text. Default: the catalog as it is. */
  source?: (catalog: string) => string | Uint8Array
  /** Files beside the source, by path: their text, `{folder: true}` for an empty folder, or null to remove one (`vocabulary.json` is there unless removed). */
  files?: Readonly<Record<string, string | Uint8Array | {folder: true} | null>>
  /** Commands run before `command`, on the folder as written (to write a lock or an output folder), each expected to exit 0 or 1. */
  setup?: ReadonlyArray<readonly string[]>
  /** Files changed after the setup, by path: a function of their text. */
  change?: Readonly<Record<string, (text: string) => string>>
  /** The command that shows the rule, without `--reporter`. Default: `validate --source catalog.md --strict`. */
  command?: readonly string[]
}

/** A triggering example also says where the rule is reported. */
export interface FailingExample extends RuleExample {
  /** The file the rule is reported in. Default: `catalog.md`. */
  file?: string
  /**
   * A text on the reported line, which must be the first line of that file
   * (after `change`, else after `source`) that holds it; or a line number
   * where the file has no text to show (a binary file, a line of the setup's
   * making).
   */
  at: string | number
}

/**
 * One example that triggers the rule (and nothing else: one slip, one
 * diagnostic), and one as close as can be that does not: the command then
 * reports nothing at all.
 */
export interface RuleExamples {
  fails: FailingExample
  passes: RuleExample
}
