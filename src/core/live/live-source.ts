import type { DataFastClient, WebsiteCredentials } from '../datafast/client';
import type { DayRange } from './day-ranges';
import type { LiveMap } from './live-map';
import type { TimeseriesReply } from './live-schemas';

/** Where a website's live details come from: its realtime map, its hourly series and its time zone. */
export interface LiveSource {
  readMap(signal: AbortSignal): Promise<LiveMap>;
  readHours(range: DayRange & { readonly timeZone: string }, signal: AbortSignal): Promise<TimeseriesReply>;
  timeZone(signal: AbortSignal): Promise<string | null>;
}

export function liveSourceOf(client: DataFastClient, credentials: WebsiteCredentials): LiveSource {
  return {
    readMap: (signal) => client.realtimeMap(credentials, signal),
    readHours: (range, signal) => client.hourlyVisitors(credentials, range, signal),
    timeZone: async (signal) => (await client.metadata(credentials, signal)).timezone,
  };
}
