import {createReadStream} from 'node:fs'
import {stat} from 'node:fs/promises'
import {createServer, type Server} from 'node:http'
import type {AddressInfo} from 'node:net'
import path from 'node:path'

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.jsonld': 'application/ld+json',
  '.csv': 'text/csv; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8'
}

export interface StaticServer {
  url: string
  /** Paths requested so far, in order. */
  requests: string[]
  close: () => Promise<void>
}

/** Serve a folder on 127.0.0.1 at an ephemeral port, as any static host would: files only, nothing outside the folder. */
export async function serveFolder(folder: string): Promise<StaticServer> {
  const requests: string[] = []
  const root = path.resolve(folder)
  const server: Server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    requests.push(pathname)
    const file = path.resolve(root, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`)
    const fail = (status: number): void => {
      response.writeHead(status, {'content-type': 'text/plain'}).end(String(status))
    }
    if (!file.startsWith(`${root}${path.sep}`)) return fail(403)
    stat(file).then(
      (info) => {
        if (!info.isFile()) return fail(404)
        response.writeHead(200, {'content-type': types[path.extname(file)] ?? 'application/octet-stream', 'content-length': info.size})
        createReadStream(file).pipe(response)
      },
      () => fail(404)
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
  }
}
