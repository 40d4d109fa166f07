/** Replaces the first occurrence of a text, failing loudly when it is not there: an example that edits nothing shows nothing. */
export function edit(text: string, find: string, replace: string): string {
  const index = text.indexOf(find)
  if (index === -1) throw new Error(`the example catalog has no \`${find}\``)
  return text.slice(0, index) + replace + text.slice(index + find.length)
}
