import { fetchTransport } from '../../src/core/datafast/fetch-transport';
import type { HttpTransport } from '../../src/core/datafast/http-transport';
import { nodeTransport } from '../../src/core/datafast/node-transport';

/** Both ways the client's requests travel: the runner's node:http(s) and the app's fetch (Node's own, standing in for `net.fetch`). */
export const TRANSPORTS: ReadonlyArray<readonly [string, () => HttpTransport]> = [
  ['node:http', () => nodeTransport()],
  ['fetch', () => fetchTransport((input, init) => fetch(input, init))],
];
