import { z } from 'zod';
import { visitorCountSchema } from './api-schemas';
import { MAX_VISITORS } from './reply-shapes';

// DataFast's replies beyond the count, read leniently: every field may be missing or of another
// type, and a field that is wrong is read as absent, never as a reason to refuse the reply. Only
// the envelope (`status`, the shape of `data`) must be right.

const text = (max: number) => z.string().max(max).nullish().catch(null);
const flag = z.boolean().nullish().catch(null);
/** An ISO timestamp or epoch milliseconds, as epoch milliseconds; null when it is neither. */
const timestamp = z
  .union([z.string().max(64), z.number()])
  .nullish()
  .catch(null)
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const at = typeof value === 'number' ? value : Date.parse(value);
    return Number.isFinite(at) ? at : null;
  });
/** A sum of money: finite, and far from anything a float cannot count in cents. */
const money = z.number().min(-1e12).max(1e12).nullish().catch(null);

/** Only what the live summary counts; everything else a visitor carries (names, emails, places) is dropped here. */
const liveVisitorSchema = z
  .object({
    currentUrl: text(4096),
    referrer: text(2048),
    location: z
      .object({ countryCode: text(8) })
      .nullish()
      .catch(null),
    isCustomer: flag,
  })
  .catch({ currentUrl: null, referrer: null, location: null, isCustomer: null });

const paymentSchema = z
  .object({
    _id: z.string().min(1).max(128),
    timestamp,
    amount: money,
    currency: text(16),
    renewal: flag,
    isNew: flag,
    name: text(256),
    customerName: text(256),
    displayName: text(256),
  })
  // A payment without an id cannot be told from the next one: it is left out, not a reason to refuse the rest.
  .nullable()
  .catch(null);

export type ParsedPayment = NonNullable<z.infer<typeof paymentSchema>>;
export type LiveVisitor = z.infer<typeof liveVisitorSchema>;

/** `GET /analytics/realtime/map`: `data` is an object here, not a list. */
export const realtimeMapResponseSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    count: visitorCountSchema.nullish().catch(null),
    visitors: z.array(liveVisitorSchema).max(MAX_VISITORS).nullish().catch(null),
    recentPayments: z.array(paymentSchema).max(10_000).nullish().catch(null),
  }),
});

const bucketSchema = z
  .object({
    visitors: z.number().nonnegative().nullish().catch(null),
    revenue: money,
    timestamp,
    name: text(64),
  })
  .catch({ visitors: null, revenue: null, timestamp: null, name: null });

const totalsSchema = z
  .object({ visitors: z.number().nonnegative().nullish().catch(null), revenue: money })
  .nullish()
  .catch(null);

const seriesSchema = z.object({ currency: text(16), totals: totalsSchema, data: z.array(bucketSchema).max(10_000).nullish().catch(null) });

/**
 * `GET /analytics/timeseries`: totals for the range and one bucket per interval, beside `status`
 * as documented, or wrapped in `data` as the other endpoints wrap theirs.
 */
export const timeseriesResponseSchema = z.object({
  status: z.literal('success'),
  currency: text(16),
  totals: totalsSchema,
  data: z
    .union([z.array(bucketSchema).max(10_000), seriesSchema])
    .nullish()
    .catch(null),
});
export type TimeseriesReply = z.infer<typeof timeseriesResponseSchema>;
export type RealtimeMapReply = z.infer<typeof realtimeMapResponseSchema>;
