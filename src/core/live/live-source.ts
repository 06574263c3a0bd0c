import type { DataFastClient, HourRange, WebsiteCredentials } from '../datafast/client';
import { liveMapOf, type LiveMap } from './live-map';
import type { TimeseriesReply } from '../datafast/live-schemas';

/** Where a website's live details come from: its realtime map, its hourly series and its time zone. */
export interface LiveSource {
  readMap(signal: AbortSignal): Promise<LiveMap>;
  readHours(range: HourRange, signal: AbortSignal): Promise<TimeseriesReply>;
  timeZone(signal: AbortSignal): Promise<string | null>;
}

export function liveSourceOf(client: DataFastClient, credentials: WebsiteCredentials): LiveSource {
  return {
    // The map's visitors become counts here, as the reply arrives, and go no further.
    readMap: async (signal) => liveMapOf(await client.realtimeMap(credentials, signal)),
    readHours: (range, signal) => client.hourlyVisitors(credentials, range, signal),
    timeZone: async (signal) => (await client.metadata(credentials, signal)).timezone,
  };
}
