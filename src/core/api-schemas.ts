import { z } from 'zod';

/** A visitor count must be a whole, non-negative, finite number; anything else is a broken reply. */
export const visitorCountSchema = z.number().int().nonnegative();

export const realtimeResponseSchema = z.object({
  status: z.literal('success'),
  data: z.array(z.object({ visitors: visitorCountSchema })).min(1),
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
      _id: z.string().min(1),
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
