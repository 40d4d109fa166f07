import {main} from './lib/main.js'

/** Run the CLI on this process's arguments and set its exit code. */
export async function run(): Promise<void> {
  // A reader that stops reading (`catalog validate 2>&1 | head`) is not an error of ours: what is
  // left to print is dropped, and the run ends with its own exit code.
  const writer = (stream: NodeJS.WriteStream): ((text: string) => void) => {
    let closed = false
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error
      closed = true
    })
    return (text) => {
      if (!closed) stream.write(text)
    }
  }
  process.exitCode = await main(process.argv.slice(2), {stdout: writer(process.stdout), stderr: writer(process.stderr), cwd: process.cwd()})
}
