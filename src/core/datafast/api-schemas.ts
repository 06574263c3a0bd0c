import { dataFastSiteIdSchema, groupDigits } from '../../shared/settings-shapes';
import { z } from 'zod';

/**
 * More people live on one website at once than this is not a count but a broken or hostile reply;
 * kept out, it can never poison the history or a spike baseline.
 */
export const MAX_VISITORS = 10_000_000;

/** A visitor count must be a whole number from 0 to `MAX_VISITORS`; anything else is a broken reply. */
export const visitorCountSchema = z
  .number()
  .int()
  .nonnegative()
  .max(MAX_VISITORS, `is more than ${groupDigits(MAX_VISITORS)} visitors`);

/** Exactly one row, as documented: several rows are not added up, they are a reply we do not understand. */
export const realtimeResponseSchema = z.object({
  status: z.literal('success'),
  data: z
    .array(z.object({ visitors: visitorCountSchema }))
    .min(1, 'is empty')
    .max(1, 'has more than one row'),
});

const metadataSchema = z.object({
  domain: z.string().min(1),
  name: z.string().nullish(),
  timezone: z.string().nullish(),
  logo: z.string().nullish(),
});

export const metadataResponseSchema = z.object({
  status: z.literal('success'),
  // The docs show list-shaped `data` for every endpoint; accept a bare object too.
  data: z.union([z.array(metadataSchema).min(1), metadataSchema]),
});

export const websitesResponseSchema = z.object({
  status: z.literal('success'),
  data: z.array(
    z.object({
      _id: dataFastSiteIdSchema,
      domain: z.string().min(1),
      name: z.string().nullish(),
    }),
  ),
});

export const errorEnvelopeSchema = z.object({
  status: z.literal('error'),
  error: z.object({
    code: z.union([z.number(), z.string()]).optional(),
    message: z.string().optional(),
  }),
});
