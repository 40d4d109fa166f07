import {defaultLimits, type Limits} from '@catalog/parser/limits'
import {type RuleGroup, rules} from '@catalog/schema'

/** Each group's title in the README's table, in the table's order; every group must have its title. */
const groups: Readonly<Record<RuleGroup, string>> = {
  input: 'Reading the file',
  limits: 'Limits, checked before parsing (their defaults: [docs/rules.md](docs/rules.md#limits))',
  structure: "The document's structure",
  data: "The catalog's data",
  translation: 'Translations',
  citation: 'Citations',
  comparison: 'The comparison table',
  outputs: 'What the renderers see',
  comments: 'Disable comments',
  commands: 'What the commands refuse'
}

/** How each limit reads in the limits table of docs/rules.md, in its order; every limit must have its words. */
const limitNames: Readonly<Record<keyof Limits, string>> = {
  maxBytes: 'bytes in the source',
  maxLineLength: 'characters in a line',
  maxLines: 'lines',
  maxBlankLines: 'blank lines in a row',
  maxSectionLines: 'lines in a section (from a heading after a blank line to the next)',
  maxSectionListItems: 'list items and quote markers in a section',
  maxSectionMarkup: 'inline markup characters in a section',
  maxDepth: 'nesting of lists and quotes on a line (two columns of indentation count as a level)',
  maxListItems: 'list items and quote markers',
  maxMarkup: 'inline markup characters (`*` `_` `~` backticks brackets `<` `>` `&` `\\` `!`) outside code',
  maxParagraphMarkup: 'inline markup characters in one paragraph, table row or heading',
  maxDatasets: 'level-3 headings (datasets and overviews)'
}

/**
 * The README's rule table (between `<!-- rules:start -->` and
 * `<!-- rules:end -->`), written from the rule registry: one table per group,
 * each rule once. `packages/cli/test/readme.test.ts` holds the README to it.
 */
export function ruleTable(): string {
  const parts: string[] = []
  for (const [group, title] of Object.entries(groups)) {
    const ids = Object.keys(rules).filter((id) => rules[id as keyof typeof rules].group === group)
    parts.push(`**${title}**`, '', '| rule | severity | can be disabled | meaning |', '| --- | --- | :---: | --- |')
    for (const id of ids) {
      const rule = rules[id as keyof typeof rules]
      parts.push(`| \`${id}\` | ${rule.severity} | ${rule.disable ? 'yes' : 'no'} | ${rule.meaning} |`)
    }
    parts.push('')
  }
  return `${parts.join('\n').trimEnd()}\n`
}

/**
 * The limits table of docs/rules.md (between `<!-- limits:start -->` and
 * `<!-- limits:end -->`), written from the parser's default limits; the
 * `limits` rules of the README's table refer to it.
 */
export function limitTable(): string {
  const parts = ['`ParserOptions.limits`; a source over one is refused before parsing, at the first line over it.', '', '| most | default |', '| --- | ---: |']
  for (const [key, name] of Object.entries(limitNames)) parts.push(`| ${name} | \`${key}\` = ${defaultLimits[key as keyof Limits].toLocaleString('en-US')} |`)
  return `${parts.join('\n')}\n`
}
