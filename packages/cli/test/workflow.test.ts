/**
 * The regeneration workflow runs only commands that exist: a typo in a script
 * name, a CLI subcommand or flag that was renamed, a helper script that moved,
 * would otherwise show only on GitHub, after the push.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {repoRoot, run, tempFolder} from './helpers.js'

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  'continue-on-error'?: string | boolean
}

interface Workflow {
  on: Record<string, {paths?: string[]; branches?: string[]} | null>
  permissions?: Record<string, string>
  concurrency?: {group?: string}
  jobs: Record<string, {steps: Step[]; permissions?: Record<string, string>; container?: string}>
}

const workflowPath = '.github/workflows/regenerate.yml'
const workflow = parse(readFileSync(path.join(repoRoot, workflowPath), 'utf8')) as Workflow
const rootPackage = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {scripts: Record<string, string>; workspaces: string[]}
const cliPackage = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')) as {bin: Record<string, string>}
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
const runSteps = steps.filter((step): step is Step & {run: string} => typeof step.run === 'string')
const onMain = /github\.event_name == 'push' && github\.ref == 'refs\/heads\/main'/

/**
 * The simple commands of a `run:` script, each as the shell would split its
 * words (quotes removed): lines and `&&`, `||`, `;`, `|` outside quotes
 * separate commands; `if`, `then`, `else`, `!` and variable assignments before
 * a command are dropped, and so are comments.
 */
function commandsOf(script: string): string[][] {
  const commands: string[][] = []
  for (const line of script.split('\n')) {
    let words: string[] = []
    let word = ''
    let quote: string | undefined
    const endWord = (): void => {
      if (word !== '') words.push(word)
      word = ''
    }
    const endCommand = (): void => {
      endWord()
      let start = 0
      while (start < words.length && /^(if|then|else|!|\w+=.*)$/.test(words[start] ?? '')) start++
      if (start < words.length) commands.push(words.slice(start))
      words = []
    }
    for (let index = 0; index < line.length; index++) {
      const char = line.charAt(index)
      if (quote) {
        if (char === quote) quote = undefined
        else word += char
      } else if (char === "'" || char === '"') {
        quote = char
      } else if (char === '#' && word === '') {
        break
      } else if (/\s/.test(char)) {
        endWord()
      } else if (char === ';' || char === '|' || (char === '&' && line.charAt(index + 1) === '&')) {
        if (char !== ';' && line.charAt(index + 1) === char) index++
        endCommand()
      } else {
        word += char
      }
    }
    endCommand()
  }
  return commands
}

const commands = runSteps.flatMap((step) => commandsOf(step.run).map((words) => ({step: step.name ?? step.id ?? step.run, words})))

describe('the regeneration workflow: triggers', () => {
  const expectedPaths = ['source/**', 'packages/**', 'package.json', 'package-lock.json', 'turbo.json', workflowPath]

  it('runs on push and pull request, for the source, the packages and the build configuration', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push'])
    for (const event of ['push', 'pull_request']) expect(workflow.on[event]?.paths).toEqual(expect.arrayContaining(expectedPaths))
    expect(workflow.on['pull_request']?.paths).toEqual(workflow.on['push']?.paths)
  })

  it('filters on paths that exist', () => {
    for (const filter of workflow.on['push']?.paths ?? []) {
      const fixed = filter.split('*')[0] ?? ''
      expect(existsSync(path.join(repoRoot, fixed)), filter).toBe(true)
    }
  })

  it('never lets two regenerations of a branch race', () => {
    expect(workflow.concurrency?.group).toContain('github.ref')
  })
})

describe('the regeneration workflow: every command it runs exists', () => {
  it('runs something', () => {
    // Guards the tests below against passing on a workflow whose run steps they failed to read.
    expect(commands.length).toBeGreaterThan(10)
  })

  it('`npm run` names root scripts; `npm ci` has a lockfile; `npm test` a test script', () => {
    const npm = commands.filter(({words}) => words[0] === 'npm')
    expect(npm.map(({words}) => words[1])).toEqual(expect.arrayContaining(['ci', 'run', 'test']))
    for (const {step, words} of npm) {
      const [, verb, script] = words
      if (verb === 'run') expect(Object.keys(rootPackage.scripts), `${step}: npm run ${script}`).toContain(script)
      else if (verb === 'test') expect(rootPackage.scripts).toHaveProperty('test')
      else if (verb === 'ci') expect(existsSync(path.join(repoRoot, 'package-lock.json'))).toBe(true)
      else throw new Error(`${step}: unexpected npm command "${words.join(' ')}"`)
    }
  })

  it('`npx catalog` is the workspace CLI', () => {
    expect(rootPackage.workspaces).toContain('packages/*')
    expect(existsSync(path.join(repoRoot, 'packages/cli', cliPackage.bin['catalog'] ?? 'missing'))).toBe(true)
  })

  const catalogCommands = commands.filter(({words}) => words[0] === 'npx')
  it('uses the catalog CLI', () => {
    expect(catalogCommands.map(({words}) => words[2])).toEqual(expect.arrayContaining(['validate', 'i18n', 'check']))
  })
  for (const {step, words} of catalogCommands) {
    it(`${step}: \`${words.slice(1, 3).join(' ')}\` is a catalog subcommand that takes ${words.filter((word) => word.startsWith('--')).join(', ') || 'no flags'}`, async () => {
      expect(words[1]).toBe('catalog')
      const subcommand = words[2] ?? ''
      const help = await run([subcommand, '--help'], repoRoot)
      expect(help.code, `catalog ${subcommand} --help: ${help.stderr}`).toBe(0)
      for (const flag of words.filter((word) => word.startsWith('--'))) expect(help.stdout, `catalog ${subcommand} --help mentions ${flag}`).toContain(flag)
    })
  }

  it('calls only programs a test here vouches for, and scripts that exist', () => {
    // A new program in a run step must be added here on purpose; a script it runs must be in the repository.
    const vouched = new Set(['npm', 'npx', 'apt-get', 'git', 'cp', 'echo', 'set', 'exit', 'fi', '[', 'node', 'bash'])
    for (const {step, words} of commands) {
      expect(vouched.has(words[0] ?? ''), `${step}: ${words.join(' ')}`).toBe(true)
      if (words[0] === 'node' || words[0] === 'bash') expect(existsSync(path.join(repoRoot, words[1] ?? 'missing')), `${step}: ${words.join(' ')}`).toBe(true)
    }
  })

  it('installs the same system packages as .ci/run', () => {
    const packagesOf = (words: string[]): string[] => words.slice(words.indexOf('install') + 1).filter((word) => !word.startsWith('-') && !word.startsWith('>'))
    const ours = commands.find(({words}) => words[0] === 'apt-get' && words.includes('install'))
    const ciRun = commandsOf(readFileSync(path.join(repoRoot, '.ci/run'), 'utf8')).find((words) => words[0] === 'apt-get' && words.includes('install'))
    expect(ours).toBeDefined()
    expect(ciRun).toBeDefined()
    expect(packagesOf(ours?.words ?? []).sort()).toEqual(packagesOf(ciRun ?? []).sort())
  })

  it('runs only commands from a short list of standard tools besides those', () => {
    // A new tool here must exist in the job's container image (node:20-bookworm): extend the list knowingly.
    const standard = new Set(['npm', 'npx', 'node', 'bash', 'apt-get', 'git', 'cp', 'echo', 'exit', 'set', 'fi', '['])
    for (const {step, words} of commands) expect(standard, `${step}: ${words.join(' ')}`).toContain(words[0])
  })
})

describe('the regeneration workflow: order and the commit to main', () => {
  const index = (predicate: (step: Step) => boolean): number => steps.findIndex(predicate)
  const runs = (text: string) => (step: Step) => step.run?.includes(text) ?? false

  it('installs, builds, annotates, checks, tests, then commits', () => {
    const order = [
      index((step) => step.uses?.startsWith('actions/checkout@') ?? false),
      index((step) => step.uses?.startsWith('actions/setup-node@') ?? false),
      index(runs('cp -R dist')),
      index(runs('npm ci')),
      index(runs('npm run build')),
      index(runs('catalog validate --reporter github')),
      index(runs('catalog i18n --reporter github')),
      index(runs('catalog check')),
      index(runs('npm test')),
      index(runs('git push'))
    ]
    expect(order).not.toContain(-1)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('checks the committed dist/, not the one the build just rewrote', () => {
    const keep = steps.find(runs('cp -R dist'))
    const check = steps.find(runs('catalog check'))
    const copy = /cp -R dist (\S+)/.exec(keep?.run ?? '')?.[1]
    expect(copy).toBeDefined()
    expect(check?.run).toContain(`--out ${copy}`)
    // On main a stale copy is repaired by the commit step; everywhere else it fails the run.
    expect(String(check?.['continue-on-error'])).toMatch(onMain)
  })

  it('commits only dist/, only on pushes to main, with write access', () => {
    const commit = steps.find(runs('git push'))
    expect(commit?.if).toMatch(onMain)
    expect(commit?.run).toContain('git add --all -- dist\n')
    expect(commit?.run).not.toMatch(/git add (?!--all -- dist\n)/)
    expect(commit?.run).toMatch(/git diff --cached --quiet -- dist[\s\S]*exit 0/)
    const job = Object.values(workflow.jobs).find((candidate) => candidate.steps.includes(commit as Step))
    expect(job?.permissions?.['contents']).toBe('write')
    expect(workflow.permissions?.['contents']).toBe('read')
  })

  it('annotates even when the build failed on errors in the source', () => {
    for (const text of ['catalog validate --reporter github', 'catalog i18n --reporter github']) expect(steps.find(runs(text))?.if).toMatch(/!cancelled\(\)/)
  })
})
