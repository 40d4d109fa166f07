// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the workflow's own `${{ … }}` expressions are what these strings hold
/**
 * The regeneration workflow, held to what it promises: one run per change;
 * the regenerated dist/ committed to main and to pull requests from this
 * repository, and, for a fork, annotated and uploaded instead; the canonical
 * form checked; Pages deployed from main; each with the permissions it needs
 * and no more. And it runs only commands that exist: a typo in a script name,
 * a CLI subcommand or flag that was renamed, a helper script that moved,
 * would otherwise show only on GitHub, after the push.
 */
import {spawnSync} from 'node:child_process'
import {existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
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
  with?: Record<string, string>
  env?: Record<string, string>
  'continue-on-error'?: string | boolean
}

interface Job {
  steps: Step[]
  permissions?: Record<string, string>
  container?: string
  needs?: string
  if?: string
  env?: Record<string, string>
  environment?: {name?: string}
}

interface Workflow {
  on: Record<string, {paths?: string[]; branches?: string[]} | null>
  permissions?: Record<string, string>
  concurrency?: {group?: string; 'cancel-in-progress'?: string}
  jobs: Record<string, Job>
}

const workflowPath = '.github/workflows/regenerate.yml'
const workflow = parse(readFileSync(path.join(repoRoot, workflowPath), 'utf8')) as Workflow
const rootPackage = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {scripts: Record<string, string>; workspaces: string[]}
const cliPackage = JSON.parse(readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8')) as {
  bin: Record<string, string>
  scripts: Record<string, string>
}
const turbo = JSON.parse(readFileSync(path.join(repoRoot, 'turbo.json'), 'utf8')) as {
  tasks: Record<string, {dependsOn?: string[]; inputs?: string[]; outputs?: string[]}>
}
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps)
const runSteps = steps.filter((step): step is Step & {run: string} => typeof step.run === 'string')

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
  const expectedPaths = ['source/**', 'packages/**', 'package.json', 'package-lock.json', 'turbo.json', '.ci/**', workflowPath]

  it('runs on pushes to main and on pull requests, for the source, the packages and the build configuration', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push'])
    for (const event of ['push', 'pull_request']) expect(workflow.on[event]?.paths).toEqual(expect.arrayContaining(expectedPaths))
    expect(workflow.on['pull_request']?.paths).toEqual(workflow.on['push']?.paths)
  })

  it('runs once per change: a branch with a pull request is not also built for its pushes', () => {
    expect(workflow.on['push']?.branches).toEqual(['main'])
    expect(workflow.on['pull_request']?.branches).toBeUndefined()
  })

  it('filters on paths that exist', () => {
    for (const filter of workflow.on['push']?.paths ?? []) {
      const fixed = filter.split('*')[0] ?? ''
      expect(existsSync(path.join(repoRoot, fixed)), filter).toBe(true)
    }
  })

  it('never lets two regenerations of a branch race, and keeps only the newest run of a pull request', () => {
    expect(workflow.concurrency?.group).toBe('regenerate-${{ github.event.pull_request.number || github.ref }}')
    expect(workflow.concurrency?.['cancel-in-progress']).toBe("${{ github.event_name == 'pull_request' }}")
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

  it("regenerates dist/ from the repository root, so that every path it prints is the repository's", () => {
    expect(rootPackage.scripts['build']).toBe('turbo run build generate')
    expect(cliPackage.scripts['generate']).toBe('cd ../.. && node packages/cli/bin/catalog.js build')
    // Compiling is compiling: only \`generate\` writes dist/, so \`npm test\` (which builds) leaves the committed one alone.
    expect(cliPackage.scripts['build']).not.toMatch(/catalog\.js build/)
    expect(turbo.tasks['@catalog/cli#generate']?.outputs).toEqual(['$TURBO_ROOT$/dist/**'])
    expect(turbo.tasks['@catalog/cli#test']?.dependsOn).not.toContain('generate')
    expect(JSON.stringify(turbo.tasks['@catalog/cli#build'])).not.toContain('$TURBO_ROOT$/dist')
  })

  it('`npx catalog` is the workspace CLI', () => {
    expect(rootPackage.workspaces).toContain('packages/*')
    expect(existsSync(path.join(repoRoot, 'packages/cli', cliPackage.bin['catalog'] ?? 'missing'))).toBe(true)
  })

  const catalogCommands = commands.filter(({words}) => words[0] === 'npx')
  it('uses the catalog CLI', () => {
    expect(catalogCommands.map(({words}) => words[2])).toEqual(expect.arrayContaining(['validate', 'i18n', 'format']))
  })
  for (const {step, words} of catalogCommands) {
    it(`${step}: \`${words.slice(1, 3).join(' ')}\` is a catalog subcommand that takes ${words.filter((word) => word.startsWith('--')).join(', ') || 'no flags'}`, async () => {
      expect(words[1]).toBe('catalog')
      const subcommand = words[2] ?? ''
      const help = await run([subcommand, '--help'], tempFolder())
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

  it('installs the system tools with the one script .ci/run uses, and lints and type-checks as .ci/run does', () => {
    const script = '.ci/install-system-tools.sh'
    const ciRun = commandsOf(readFileSync(path.join(repoRoot, '.ci/run'), 'utf8'))
    expect(commands.some(({words}) => words.join(' ') === `bash ${script}`)).toBe(true)
    expect(ciRun.some((words) => words.join(' ') === `bash ${script}`)).toBe(true)
    // No second list of packages to keep in step: the workflow installs nothing itself.
    expect(commands.filter(({words}) => words[0] === 'apt-get')).toEqual([])
    const installs = commandsOf(readFileSync(path.join(repoRoot, script), 'utf8')).find((words) => words[0] === 'apt-get' && words.includes('install'))
    expect(installs).toEqual(expect.arrayContaining(['texlive-binaries', 'biber', 'pandoc', 'chromium', 'csvkit', 'gettext']))
    for (const check of ['npm run lint', 'npm run typecheck', 'npm test']) {
      expect(
        commands.some(({words}) => words.join(' ') === check),
        `the workflow runs ${check}`
      ).toBe(true)
      expect(
        ciRun.some((words) => words.join(' ') === check),
        `.ci/run runs ${check}`
      ).toBe(true)
    }
  })

  it('runs only commands from a short list of standard tools besides those', () => {
    // A new tool here must exist in the job's container image (node:20-bookworm): extend the list knowingly.
    const standard = new Set(['npm', 'npx', 'node', 'bash', 'apt-get', 'git', 'cp', 'echo', 'exit', 'set', 'fi', '['])
    for (const {step, words} of commands) expect(standard, `${step}: ${words.join(' ')}`).toContain(words[0])
  })
})

describe('the regeneration workflow: who regenerates dist/', () => {
  const regenerate = workflow.jobs['regenerate']
  const pages = workflow.jobs['pages']
  const index = (predicate: (step: Step) => boolean): number => steps.findIndex(predicate)
  const runs = (text: string) => (step: Step) => step.run?.includes(text) ?? false
  const uses = (action: string) => (step: Step) => step.uses?.startsWith(`${action}@`) ?? false
  const step = (predicate: (candidate: Step) => boolean): Step => {
    const found = regenerate?.steps.find(predicate)
    if (!found) throw new Error('no such step')
    return found
  }
  const sameRepository = 'github.event.pull_request.head.repo.full_name == github.repository'

  it('reads with the default token, and writes only where each job must', () => {
    expect(workflow.permissions).toEqual({contents: 'read'})
    expect(regenerate?.permissions).toEqual({contents: 'write'})
    expect(pages?.permissions).toEqual({pages: 'write', 'id-token': 'write'})
  })

  it('knows whose branch it checks: main, or a pull request from this repository, may be pushed to; a fork may not', () => {
    expect(regenerate?.env?.['OWN_BRANCH']).toBe(`\${{ github.event_name == 'push' || ${sameRepository} }}`)
    // A pull request from this repository is checked out as its branch, to commit to; any other as GitHub merges it.
    expect(step(uses('actions/checkout')).with?.['ref']).toBe(`\${{ github.event_name == 'pull_request' && ${sameRepository} && github.head_ref || '' }}`)
  })

  it('installs, builds, annotates, checks the canonical form, finds stale files, tests, then commits or uploads', () => {
    const order = [
      index(uses('actions/checkout')),
      index(uses('actions/setup-node')),
      index(runs('npm ci')),
      index(runs('npm run build')),
      index(runs('catalog validate --reporter github')),
      index(runs('catalog i18n --reporter github')),
      index(runs('catalog format --check --reporter github')),
      index(runs('bash .ci/stale-dist.sh')),
      index(runs('npm test')),
      index(runs('git push')),
      index(runs('git diff --cached --binary')),
      index(uses('actions/upload-artifact')),
      index(runs('exit 1')),
      index(uses('actions/upload-pages-artifact'))
    ]
    expect(order).not.toContain(-1)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('annotates even when the build failed on errors in the source', () => {
    for (const text of ['catalog validate --reporter github', 'catalog i18n --reporter github', 'catalog format --check --reporter github']) {
      expect(step(runs(text)).if).toMatch(/!cancelled\(\) && steps\.install\.outcome == 'success'/)
    }
  })

  it('names stale files as notices where it commits them, as errors with the command to run where it cannot', () => {
    const stale = step(runs('bash .ci/stale-dist.sh'))
    expect(stale.id).toBe('stale')
    expect(stale.run).toMatch(/if \[ "\$OWN_BRANCH" = true \]; then\n\s+bash \.ci\/stale-dist\.sh notice /)
    expect(stale.run).toMatch(/else\n\s+bash \.ci\/stale-dist\.sh error '[^']*npm ci && npm run build[^']*git apply dist\.patch/)
  })

  it('commits only dist/, only when stale and its own branch, as the bot, after the tests passed', () => {
    const commit = step(runs('git push'))
    // No status function in the condition: GitHub adds success(), so a failed test commits nothing.
    expect(commit.if).toBe("${{ steps.stale.outputs.stale == 'true' && env.OWN_BRANCH == 'true' }}")
    expect(commit.env?.['BRANCH']).toBe('${{ github.head_ref || github.ref_name }}')
    expect(commit.run).toContain('git add --all -- dist\n')
    expect(commit.run).not.toMatch(/git add (?!--all -- dist\n)/)
    expect(commit.run).toContain("git config user.name 'github-actions[bot]'")
    expect(commit.run).toContain('git push origin "HEAD:$BRANCH"')
    // Pushed with GITHUB_TOKEN (the checkout's), which starts no workflow run: no loop.
    expect(step(uses('actions/checkout')).with?.['token']).toBeUndefined()
  })

  it("gives a fork's contributor the regenerated dist/ and its patch, and fails", () => {
    const fork = "steps.stale.outputs.stale == 'true' && env.OWN_BRANCH != 'true'"
    const patch = step(runs('git diff --cached --binary'))
    const upload = step(uses('actions/upload-artifact'))
    const fail = step(runs('exit 1'))
    for (const candidate of [patch, upload, fail]) expect(candidate.if).toBe(`\${{ ${fork} }}`)
    expect(patch.run).toContain('git diff --cached --binary -- dist > dist.patch')
    expect(upload.with?.['name']).toBe('regenerated-dist')
    expect(upload.with?.['path']?.split('\n').filter(Boolean)).toEqual(['dist/', 'dist.patch'])
  })

  it('deploys dist/ to GitHub Pages from main only, after the regeneration', () => {
    const onMain = "${{ github.event_name == 'push' && github.ref == 'refs/heads/main' }}"
    const keep = step(uses('actions/upload-pages-artifact'))
    expect(keep.if).toBe(onMain)
    expect(keep.with?.['path']).toBe('dist/')
    expect(pages?.needs).toBe('regenerate')
    expect(pages?.if).toBe(onMain)
    expect(pages?.environment?.name).toBe('github-pages')
    expect(pages?.steps.map((candidate) => candidate.uses)).toEqual(['actions/deploy-pages@v4'])
  })
})

describe('.ci/stale-dist.sh', () => {
  const git = (cwd: string, ...args: string[]): void => {
    const result = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {cwd, encoding: 'utf8'})
    expect(result.status, result.stderr).toBe(0)
  }

  it('annotates every file of dist/ the build changed, added or deleted, and says so to the workflow', () => {
    const folder = tempFolder()
    git(folder, 'init', '-q')
    for (const [name, text] of [
      ['dist/datasets.json', '{}\n'],
      ['dist/bib/a, b.bib', 'x\n'],
      ['dist/README.md', 'old\n'],
      ['source/datasets.md', 'x\n']
    ] as const) {
      mkdirSync(path.dirname(path.join(folder, name)), {recursive: true})
      writeFileSync(path.join(folder, name), text)
    }
    git(folder, 'add', '.')
    git(folder, 'commit', '-qm', 'initial')
    const script = path.join(repoRoot, '.ci/stale-dist.sh')
    const output = path.join(folder, 'github-output')
    const stale = (): {stdout: string; output: string} => {
      writeFileSync(output, '')
      const result = spawnSync('bash', [script, 'error', 'Run `npm run build`.'], {cwd: folder, encoding: 'utf8', env: {...process.env, GITHUB_OUTPUT: output}})
      expect(result.status, result.stderr).toBe(0)
      return {stdout: result.stdout, output: readFileSync(output, 'utf8')}
    }
    expect(stale()).toEqual({stdout: 'dist/ is fresh.\n', output: 'stale=false\n'})
    // Changes outside dist/ are not its business.
    writeFileSync(path.join(folder, 'source/datasets.md'), 'y\n')
    expect(stale().output).toBe('stale=false\n')
    writeFileSync(path.join(folder, 'dist/README.md'), 'new\n')
    rmSync(path.join(folder, 'dist/bib/a, b.bib'))
    writeFileSync(path.join(folder, 'dist/new.json'), '[]\n')
    const result = stale()
    expect(result.output).toBe('stale=true\n')
    expect(
      result.stdout
        .split('\n')
        .filter((line) => line.startsWith('::'))
        .sort()
    ).toEqual([
      '::error file=dist/README.md,title=stale dist/::dist/README.md is not what the source builds. Run `npm run build`.',
      '::error file=dist/bib/a%2C b.bib,title=stale dist/::dist/bib/a, b.bib is not what the source builds. Run `npm run build`.',
      '::error file=dist/new.json,title=stale dist/::dist/new.json is not what the source builds. Run `npm run build`.'
    ])
  })
})
