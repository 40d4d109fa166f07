/**
 * The registry (`packages/schema/src/lib/rules.ts`) and the code agree: every
 * rule id a package emits is declared there, and every declared rule is
 * emitted somewhere. The test reads every package's `src/**\/*.ts` (not its
 * tests, not generated files, not the registry and its examples) with the
 * TypeScript checker, and finds each place a rule id is given:
 *
 * - a property `ruleId` of an object (`{ruleId: 'raw-html'}`, `{ruleId}`), an
 *   assignment to a `ruleId`, a variable or parameter default named `ruleId`;
 * - an argument bound to a parameter named `ruleId`, whatever the function
 *   (`report(file, 'error', 'raw-html', …)`, `flag(…)`, `new PoError(…)`):
 *   the checker resolves the call, across packages.
 *
 * What a place gives is followed to the ids it can be: a literal, either
 * branch of a `?:`, either side of a `??`, a constant (its literal type), or a
 * table of them (`bibliographyRules.crossref`, `ruleOfState[state]`). A value
 * that is already a rule id (`finding.ruleId`, a parameter `ruleId`) is passed
 * on; anything else cannot be followed and fails the test, so an id built at
 * run time, or carried under another name, cannot slip past it.
 */
import {readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {rules} from '@catalog/schema'
import ts from 'typescript'
import {beforeAll, describe, expect, it} from 'vitest'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))

/** Ids the source gives where a rule id goes that are no rule, each with its reason. */
const notRules: Readonly<Record<string, string>> = {
  unknown: 'the name a diagnostic shows for a message that carries no rule id (cli/src/lib/diagnostics.ts): a fallback no check gives',
  '': 'the id a cached parse record stores for a message that carries none (parser/src/lib/structure.ts): a fallback no check gives'
}

/** Declared rules no line of the source emits by name, each with its reason. */
const notEmitted: Readonly<Record<string, string>> = {}

/** Not scanned: the registry and its examples declare and show the rules; they emit none. */
const declaring = ['packages/schema/src/lib/rules.ts', 'packages/schema/src/lib/rule-examples/']

/** Every package's hand-written source. */
function sourceFiles(): string[] {
  const files: string[] = []
  for (const entry of readdirSync(path.join(repoRoot, 'packages'), {withFileTypes: true})) {
    if (!entry.isDirectory()) continue
    const src = path.join(repoRoot, 'packages', entry.name, 'src')
    let names: string[]
    try {
      names = readdirSync(src, {recursive: true, encoding: 'utf8'})
    } catch {
      continue
    }
    for (const name of names) {
      const file = path.join(src, name)
      const relative = path.relative(repoRoot, file).split(path.sep).join('/')
      if (!name.endsWith('.ts') || name.endsWith('.d.ts') || name.includes('.generated.')) continue
      if (declaring.some((prefix) => relative === prefix || relative.startsWith(prefix))) continue
      files.push(file)
    }
  }
  return files.sort()
}

interface Emission {
  id: string
  at: string
}

interface Scan {
  files: string[]
  /** Every id given where a rule id goes, with its place. */
  emitted: Emission[]
  /** Values given where a rule id goes that cannot be followed to an id. */
  untraced: string[]
  /** Ids a rule id is compared with (`finding.ruleId === 'schema'`). */
  compared: Emission[]
  /** Imports of the scanned files that do not resolve: a call into one would hide its `ruleId` parameter. */
  unresolved: string[]
}

/** An expression without the parentheses, `as`, `satisfies` and `!` around it. */
function unwrap(expression: ts.Expression): ts.Expression {
  let inner = expression
  while (
    ts.isParenthesizedExpression(inner) ||
    ts.isAsExpression(inner) ||
    ts.isSatisfiesExpression(inner) ||
    ts.isTypeAssertionExpression(inner) ||
    ts.isNonNullExpression(inner)
  )
    inner = inner.expression
  return inner
}

const carriesRule = (name: ts.PropertyName | ts.BindingName | ts.Expression): boolean =>
  (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) && name.text === 'ruleId'

/**
 * Scan files with the repository's compiler options. `planted` adds files that
 * exist only in memory, by path from the repository's root (tests write no
 * tracked file): they are scanned alone, and resolve their imports as a file
 * of that path would.
 */
function scan(planted: Readonly<Record<string, string>> = {}): Scan {
  const virtual = new Map(Object.entries(planted).map(([file, text]) => [path.join(repoRoot, file), text]))
  const files = virtual.size > 0 ? [...virtual.keys()] : sourceFiles()
  const base = ts.readConfigFile(path.join(repoRoot, 'tsconfig.base.json'), ts.sys.readFile)
  const {options} = ts.parseJsonConfigFileContent(base.config, ts.sys, repoRoot)
  const compilerOptions = {...options, noEmit: true, declaration: false, sourceMap: false}
  const host = ts.createCompilerHost(compilerOptions)
  const {fileExists, getSourceFile} = host
  host.fileExists = (file) => virtual.has(file) || fileExists.call(host, file)
  host.getSourceFile = (file, language, ...rest) => {
    const text = virtual.get(file)
    return text === undefined ? getSourceFile.call(host, file, language, ...rest) : ts.createSourceFile(file, text, language, true)
  }
  const program = ts.createProgram(files, compilerOptions, host)
  const checker = program.getTypeChecker()
  const result: Scan = {files, emitted: [], untraced: [], compared: [], unresolved: []}

  for (const file of files) {
    const source = program.getSourceFile(file)
    if (!source) throw new Error(`the program has no ${file}`)
    const where = (node: ts.Node): string =>
      `${path.relative(repoRoot, file).split(path.sep).join('/')}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`

    /** The string literals of a type that is one, or a union of nothing else. */
    const literalsOf = (type: ts.Type): string[] | undefined => {
      const parts = type.isUnion() ? type.types : [type]
      return parts.every((part) => part.isStringLiteral()) ? parts.map((part) => (part as ts.StringLiteralType).value) : undefined
    }

    /** The string values of a table of ids: a variable whose value is an object literal of strings. */
    const tableOf = (expression: ts.Expression): string[] | undefined => {
      const declaration = checker.getSymbolAtLocation(expression)?.declarations?.[0]
      if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return undefined
      const object = unwrap(declaration.initializer)
      if (!ts.isObjectLiteralExpression(object)) return undefined
      const values = object.properties.map((property) =>
        ts.isPropertyAssignment(property) && ts.isStringLiteralLike(unwrap(property.initializer))
          ? (unwrap(property.initializer) as ts.StringLiteralLike).text
          : undefined
      )
      return values.every((value) => value !== undefined) ? (values as string[]) : undefined
    }

    /** A value that is already a rule id, checked where it was given: `ruleId`, `x.ruleId`, `x?.ruleId`, or a function of one (`escapeControls(d.ruleId)`). */
    const passedOn = (expression: ts.Expression): boolean => {
      if (ts.isIdentifier(expression) || ts.isPropertyAccessExpression(expression))
        return carriesRule(ts.isIdentifier(expression) ? expression : expression.name)
      if (ts.isCallExpression(expression)) return expression.arguments.length === 1 && passedOn(unwrap(expression.arguments[0] as ts.Expression))
      return false
    }

    const follow = (given: ts.Expression): void => {
      const expression = unwrap(given)
      if (ts.isStringLiteralLike(expression)) return void result.emitted.push({id: expression.text, at: where(expression)})
      if (ts.isConditionalExpression(expression)) {
        follow(expression.whenTrue)
        follow(expression.whenFalse)
        return
      }
      if (
        ts.isBinaryExpression(expression) &&
        (expression.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || expression.operatorToken.kind === ts.SyntaxKind.BarBarToken)
      ) {
        follow(expression.left)
        follow(expression.right)
        return
      }
      if (passedOn(expression)) return
      const literals = literalsOf(checker.getTypeAtLocation(expression))
      if (literals) {
        for (const id of literals) result.emitted.push({id, at: where(expression)})
        return
      }
      const table = ts.isElementAccessExpression(expression) || ts.isPropertyAccessExpression(expression) ? tableOf(expression.expression) : undefined
      if (table) {
        for (const id of table) result.emitted.push({id, at: where(expression)})
        return
      }
      result.untraced.push(`${where(expression)}: ${expression.getText(source)}`)
    }

    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAssignment(node) && carriesRule(node.name)) follow(node.initializer)
      else if (ts.isShorthandPropertyAssignment(node) && carriesRule(node.name)) follow(node.name)
      else if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && node.initializer && carriesRule(node.name)) follow(node.initializer)
      else if (ts.isBinaryExpression(node)) {
        const target = ts.isPropertyAccessExpression(node.left) ? node.left.name : node.left
        const kind = node.operatorToken.kind
        if (kind === ts.SyntaxKind.EqualsToken && carriesRule(target)) follow(node.right)
        if (kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken) {
          for (const [side, other] of [
            [node.left, node.right],
            [node.right, node.left]
          ] as const) {
            const value = unwrap(other)
            if (passedOn(unwrap(side)) && ts.isStringLiteralLike(value)) result.compared.push({id: value.text, at: where(value)})
          }
        }
      }
      if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && node.arguments) {
        const signature = checker.getResolvedSignature(node)
        const parameters = signature?.getParameters() ?? []
        const rest = signature?.getDeclaration()?.parameters.at(-1)?.dotDotDotToken !== undefined
        node.arguments.forEach((argument, index) => {
          const parameter = parameters[rest ? Math.min(index, parameters.length - 1) : index]
          if (parameter?.name === 'ruleId') follow(argument)
        })
      }
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const specifier = node.moduleSpecifier.text
        if ((specifier.startsWith('.') || specifier.startsWith('@catalog/')) && !checker.getSymbolAtLocation(node.moduleSpecifier))
          result.unresolved.push(`${where(node)}: ${specifier}`)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return result
}

/** Each id with the places that give it, for a failure that says where to look. */
const byId = (emissions: readonly Emission[]): Record<string, string[]> => {
  const grouped: Record<string, string[]> = {}
  for (const {id, at} of emissions) grouped[id] = [...(grouped[id] ?? []), at]
  return grouped
}

/** Files that exist only in memory: every way to give a rule id the scan knows, each with an id no registry has. */
const plantedFiles: Readonly<Record<string, string>> = {
  'packages/parser/src/lib/planted.ts': [
    "import type {VFile} from 'vfile'",
    "import {report} from './messages.js'",
    "const plantedRules = {one: 'planted-in-a-table'} as const",
    "const kinds: Record<'a' | 'b', string> = {a: 'planted-by-kind', b: 'unpaired-link'}",
    'export function check(file: VFile, kind: "a" | "b", slug: string, fatal: boolean): unknown[] {',
    "  report(file, 'error', 'planted-by-argument', 'a new check', undefined)",
    "  report(file, 'error', fatal ? 'raw-html' : 'planted-in-a-branch', 'a new check', undefined)",
    "  const id = 'planted-constant'",
    "  report(file, 'error', id, 'a new check', undefined)",
    "  report(file, 'error', 'planted-' + slug, 'an id built at run time', undefined)",
    "  const flag = (ruleId: string): unknown => ({ruleId, message: ''})",
    "  const warn = (name: string): unknown => ({ruleId: name, message: ''})",
    "  return [flag('planted-by-helper'), warn('raw-html'), {ruleId: 'planted-by-property'}, {ruleId: plantedRules.one}, {ruleId: kinds[kind]}]",
    '}'
  ].join('\n'),
  'packages/cli/src/lib/planted.ts': [
    "import {PoError} from '@catalog/i18n'",
    "export const planted = new PoError('a message', 1, 'planted-across-packages' as never)",
    "export const compared = (finding: {ruleId: string}): boolean => finding.ruleId === 'planted-comparison'"
  ].join('\n'),
  'packages/feeds/src/lib/planted.ts': "import {gone} from './no-such-file.js'\nexport const planted = gone\n"
}

describe('the scan', () => {
  let planted: Scan
  beforeAll(() => {
    planted = scan(plantedFiles)
  }, 180_000)

  it('finds an id given in each way, and the values it cannot follow', () => {
    expect(planted.unresolved).toEqual(['packages/feeds/src/lib/planted.ts:1: ./no-such-file.js'])
    expect(planted.emitted.map(({id}) => id).sort()).toEqual(
      [
        'planted-across-packages',
        'planted-by-argument',
        'planted-by-helper',
        'planted-by-kind',
        'planted-by-property',
        'planted-constant',
        'planted-in-a-branch',
        'planted-in-a-table',
        'raw-html',
        'unpaired-link'
      ].sort()
    )
    expect(planted.untraced.map((value) => value.replace(/^.*: /, ''))).toEqual(["'planted-' + slug", 'name'])
    expect(planted.compared.map(({id}) => id)).toEqual(['planted-comparison'])
  })
})

describe('the rule ids the packages emit', () => {
  let found: Scan
  beforeAll(() => {
    found = scan()
  }, 180_000)

  it('reads the source of every package', () => {
    const packages = new Set(found.files.map((file) => path.relative(path.join(repoRoot, 'packages'), file).split(path.sep)[0]))
    for (const name of ['parser', 'i18n', 'bibtex', 'feeds', 'page', 'markdown', 'cli', 'schema']) expect(packages, name).toContain(name)
    expect(found.files.some((file) => file.includes('.generated.') || file.endsWith('.d.ts') || file.includes(`${path.sep}test${path.sep}`))).toBe(false)
    // The checker resolves every import between the files, so no call into one hides its `ruleId` parameter.
    expect(found.unresolved, 'build the packages first (`npm run build`)').toEqual([])
  })

  it('follows every value given as a rule id to the ids it can be', () => {
    expect(found.untraced, 'give a rule id as a literal (or a constant, or a table of them), or pass on one named `ruleId`').toEqual([])
  })

  it('are declared in the registry, each of them', () => {
    const undeclared = found.emitted.filter(({id}) => !Object.hasOwn(rules, id) && !Object.hasOwn(notRules, id))
    expect(byId(undeclared), 'declare each in packages/schema/src/lib/rules.ts, with its examples').toEqual({})
  })

  it('are declared, where the source compares a rule id with one', () => {
    const undeclared = found.compared.filter(({id}) => !Object.hasOwn(rules, id))
    expect(byId(undeclared), 'compare with a declared rule id').toEqual({})
  })

  it('include every rule the registry declares', () => {
    const emitted = new Set(found.emitted.map(({id}) => id))
    expect(Object.keys(rules).filter((id) => !emitted.has(id) && !Object.hasOwn(notEmitted, id))).toEqual([])
  })

  it('hold the exceptions to what they say', () => {
    const emitted = new Set(found.emitted.map(({id}) => id))
    for (const id of Object.keys(notRules)) {
      expect(emitted.has(id), `"${id}" is given where a rule id goes`).toBe(true)
      expect(Object.hasOwn(rules, id), `"${id}" is no rule`).toBe(false)
    }
    for (const id of Object.keys(notEmitted)) {
      expect(Object.hasOwn(rules, id), `${id} is declared`).toBe(true)
      expect(emitted.has(id), `${id} is emitted nowhere`).toBe(false)
    }
  })
})
