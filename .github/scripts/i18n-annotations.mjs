#!/usr/bin/env node
// Turn the JSON of `catalog i18n --json` into GitHub Actions workflow commands, so
// that translation findings show as annotations on the source lines they are about.
//
//   node .github/scripts/i18n-annotations.mjs FINDINGS.json [SOURCE]
//
// FINDINGS.json holds an array of findings, or an object with a `findings` array;
// each finding has `state`, `message` and, where known, `line` (and `file`). SOURCE
// names the file for findings without one (default source/datasets.md). States that
// fail `catalog i18n` (outdated, mismatch) become warnings, the others notices:
// a lagging translation is worth seeing, never a reason to block regeneration.

import {readFileSync} from 'node:fs'

const failingStates = new Set(['outdated', 'mismatch'])

/** Escaping of workflow commands, as @actions/core does it. */
function escapeData(text) {
  return String(text).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(text) {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

/** One workflow command per finding. */
function annotations(findings, source) {
  return findings.map((finding) => {
    const level = failingStates.has(finding.state) ? 'warning' : 'notice'
    const properties = [`file=${escapeProperty(finding.file ?? source)}`]
    if (Number.isInteger(finding.line) && finding.line > 0) properties.push(`line=${finding.line}`)
    properties.push(`title=${escapeProperty(`translation ${finding.state ?? 'finding'}${finding.language ? ` (${finding.language})` : ''}`)}`)
    const message = finding.message ?? `${finding.field ?? 'a part'} of ${finding.dataset ?? 'the document'} is ${finding.state}`
    return `::${level} ${properties.join(',')}::${escapeData(message)}\n`
  })
}

const [input, source = 'source/datasets.md'] = process.argv.slice(2)
if (!input) {
  process.stderr.write('Usage: node .github/scripts/i18n-annotations.mjs FINDINGS.json [SOURCE]\n')
  process.exit(2)
}
let findings
try {
  const parsed = JSON.parse(readFileSync(input, 'utf8'))
  findings = Array.isArray(parsed) ? parsed : parsed?.findings
  if (!Array.isArray(findings)) throw new Error('expected an array of findings or an object with a "findings" array')
} catch (error) {
  process.stdout.write(`::error title=translation findings::cannot read ${escapeData(input)}: ${escapeData(error.message)}\n`)
  process.exit(1)
}
process.stdout.write(annotations(findings, source).join(''))
process.stdout.write(`${findings.length} translation finding${findings.length === 1 ? '' : 's'}\n`)
