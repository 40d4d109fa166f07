/**
 * The one rule for citation keys. A key names a file, `bib/<key>.bib`, so it
 * must be a file name on Linux, macOS and Windows alike: letters, digits and
 * `_.-` (Windows refuses `:`, and `/` would name a folder), not starting with a
 * dot or hyphen (a hidden file, or an option on a command line), not a
 * Windows device name, and short enough to stay within path limits.
 */
export const citationKeyMaxLength = 100

/** The schema's pattern: the characters and the length. The device names need `citationKeyProblem`. */
export const citationKeyPattern = `^[A-Za-z0-9_][A-Za-z0-9_.-]{0,${citationKeyMaxLength - 1}}$`

/** Names Windows reserves for devices, whatever the extension. */
const windowsDeviceNames = /^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\.|$)/i

/** Why a key cannot name a file everywhere, in words that end a sentence about it; undefined when it can. */
export function citationKeyProblem(key: string): string | undefined {
  if (key.length > citationKeyMaxLength) return `is ${key.length} characters long, over the limit of ${citationKeyMaxLength} (it names the file bib/<key>.bib)`
  if (!/^[A-Za-z0-9_.-]+$/.test(key)) return 'holds characters some systems refuse in a file name (use letters, digits and `_.-` only)'
  if (/^[.-]/.test(key)) return 'starts with `.` or `-`, which hides the file or reads as an option'
  if (windowsDeviceNames.test(key)) return 'is a device name on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)'
  return undefined
}
