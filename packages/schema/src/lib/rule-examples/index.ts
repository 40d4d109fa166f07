/**
 * Every rule's examples: one that triggers it, at a line, and one as close
 * as can be that does not. `packages/cli/test/rules.test.ts` runs them all
 * through the CLI, so each example is known to do what it says.
 */
import type {RuleId} from '../rules.js'
import {citationExamples} from './citation.js'
import {dataExamples} from './data.js'
import {inputExamples} from './input.js'
import {outputsExamples} from './outputs.js'
import {structureExamples} from './structure.js'
import {translationExamples} from './translation.js'
import type {RuleExamples} from './types.js'

export {exampleSource, exampleVocabulary} from './example-catalog.js'
export type {FailingExample, RuleExample, RuleExamples} from './types.js'

export const ruleExamples: Readonly<Record<RuleId, RuleExamples>> = {
  ...inputExamples,
  ...structureExamples,
  ...dataExamples,
  ...translationExamples,
  ...citationExamples,
  ...outputsExamples
}
