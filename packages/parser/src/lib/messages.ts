import type {Node, Point, Position} from 'unist'
import type {VFile} from 'vfile'

export type Severity = 'error' | 'warning'

/** Where a problem is: a node, a position or a point. */
export type Place = Node | Position | Point | undefined

/**
 * Record a problem on the file as a vfile message. Errors carry `fatal: true`,
 * as in the unified collective; the rule id names the check that failed.
 */
export function report(file: VFile, severity: Severity, ruleId: string, reason: string, place: Place): void {
  const resolved = place && 'type' in place ? place.position : place
  // A problem with no node of its own (the document as a whole) is placed at its start.
  const options = {ruleId, source: 'catalog', place: resolved ?? {line: 1, column: 1}}
  const message = file.message(reason, options)
  message.fatal = severity === 'error'
}

export function hasErrors(file: VFile): boolean {
  return file.messages.some((message) => message.fatal === true)
}
