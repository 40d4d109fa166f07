// Stands in for `fetch-ponyfill` in the bundle (scripts/bundle.mjs); see sync-fetch.mjs beside it.
import {Headers} from './sync-fetch.mjs'

export default function fetchPonyfill() {
  return {
    fetch: () => Promise.reject(new Error('catalog does not fetch over the network')),
    Headers
  }
}
