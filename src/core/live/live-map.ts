import type { z } from 'zod';
import type { realtimeMapResponseSchema } from '../datafast/live-schemas';
import { summariseVisitors, type LiveSummary } from './live-summary';
import { salesOf, type Sale } from './sales';

/** One read of the realtime map: the live count, what is live (as counts) and the payments listed. */
export interface LiveMap {
  readonly visitors: number;
  readonly summary: LiveSummary;
  readonly sales: readonly Sale[];
}

/** The map reply reduced at once to what may be kept: visitors become counts here and go no further. */
export function liveMapOf(reply: z.infer<typeof realtimeMapResponseSchema>): LiveMap {
  const summary = summariseVisitors(reply.data.count, reply.data.visitors ?? []);
  return { visitors: summary.visitors, summary, sales: salesOf(reply.data.recentPayments) };
}
