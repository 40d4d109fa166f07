// Stands in for `sync-fetch` in the bundle (scripts/bundle.mjs). citation-js imports it to fetch
// citations by URL or DOI; catalog only hands it BibTeX text, and never fetches over the network.
// Leaving it and its dependencies (node-fetch, whatwg-url) out of the bundle saves loading them on
// every command.
export class Headers {}

export default function syncFetch() {
  throw new Error('catalog does not fetch over the network')
}
syncFetch.Headers = Headers
