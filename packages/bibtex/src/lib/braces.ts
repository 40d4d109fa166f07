/**
 * Whether a value can sit between `{` and `}` in a .bib file and still mean
 * itself to both readers: BibTeX counts every brace (a backslash does not
 * escape one for it), LaTeX skips `\{` and `\}`. A value that ends in a lone
 * backslash would escape the closing brace for LaTeX.
 */
export function bracesBalanced(value: string): boolean {
  const trailingBackslashes = (/\\*$/.exec(value)?.[0] ?? '').length
  return trailingBackslashes % 2 === 0 && balanced(value, false) && balanced(value, true)
}

function balanced(value: string, skipEscaped: boolean): boolean {
  let depth = 0
  for (let index = 0; index < value.length; index++) {
    const char = value.charAt(index)
    if (char === '\\') {
      if (skipEscaped) index++
      continue
    }
    if (char === '{') depth++
    else if (char === '}' && --depth < 0) return false
  }
  return depth === 0
}
