import {main} from './lib/main.js'

/** Run the CLI on this process's arguments and set its exit code. */
export async function run(): Promise<void> {
  // A closed pipe (`catalog validate | head`) is not an error of ours.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd()
  })
}
