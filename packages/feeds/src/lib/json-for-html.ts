/**
 * JSON that is safe inside an HTML `<script>` element, and wherever it may be
 * pasted into one (`datasets.jsonld` is meant to be): `<`, `>` and `&` are
 * written `\u003c`, `\u003e` and `\u0026`, so that `</script>` or `<!--` in a
 * catalog text cannot end the element or change how the HTML parser reads
 * it, and U+2028 and U+2029 are escaped too, for JavaScript parsers older
 * than ES2019 that take them for line ends inside a string. `JSON.parse`
 * gives back the same value. `indent` as in `JSON.stringify`.
 */
export function jsonForScript(value: unknown, indent?: number): string {
  const json = JSON.stringify(value, null, indent)
  if (json === undefined) throw new TypeError('cannot embed a value that has no JSON form')
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
