import { dataFastSiteIdSchema } from '../../shared/settings-shapes';
import { z } from 'zod';
import { visitorCountProblem } from './reply-shapes';

/** A visitor count, as the realtime reply's is checked (`visitorCountProblem`), inside larger replies. */
export const visitorCountSchema = z.number().refine((value) => visitorCountProblem(value) === null, {
  error: (issue) => visitorCountProblem(issue.input) ?? 'is not a visitor count',
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
