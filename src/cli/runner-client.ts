import { createDataFastClient, type DataFastClient } from '../core/datafast/client';
import type { HttpTransport } from '../core/datafast/http-transport';
import { nodeTransport } from '../core/datafast/node-transport';

export interface TransportIO {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** In place of node:http(s), for a caller that answers requests itself. */
  readonly transport?: HttpTransport;
}

/** The runner's DataFast client: node:http(s), through the proxy the environment names, as curl would. */
export function runnerClient(io: TransportIO, apiUrl?: string): DataFastClient {
  return createDataFastClient({ ...(apiUrl !== undefined && { apiUrl }), transport: io.transport ?? nodeTransport({ env: io.env }) });
}
