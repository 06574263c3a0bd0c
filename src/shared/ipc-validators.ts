import { z } from 'zod';
import type { Channel, IpcContract } from './ipc-contract';
import { LABEL_MAX_LENGTH, MAX_WEBSITES, SPIKE_THRESHOLD_MAX, WEBSITE_ID_PATTERN } from './setting-limits';

const id = z.string().regex(WEBSITE_ID_PATTERN);

/** Runtime check of every request; types vanish at runtime, these do not. */
export const requestValidators: { readonly [C in Channel]: z.ZodType<IpcContract[C]['request']> } = {
  'state:get': z.null(),
  'token:check': z.object({ token: z.string().min(1).max(500) }).strict(),
  'websites:add': z.object({ pendingId: z.uuid(), websiteIds: z.array(id).max(MAX_WEBSITES) }).strict(),
  'websites:add-demo': z.null(),
  'websites:rename': z.object({ id, label: z.string().trim().min(1).max(LABEL_MAX_LENGTH) }).strict(),
  'websites:move': z.object({ id, direction: z.enum(['up', 'down']) }).strict(),
  'websites:remove': z.object({ id }).strict(),
  'websites:set-active': z.object({ id }).strict(),
  'websites:set-threshold': z.object({ id, threshold: z.number().int().positive().max(SPIKE_THRESHOLD_MAX).nullable() }).strict(),
  'settings:update': z
    .object({
      refreshIntervalSeconds: z.number().int().optional(),
      displayMode: z.enum(['active', 'sum']).optional(),
      numberFormat: z.enum(['compact', 'full']).optional(),
      launchAtLogin: z.boolean().optional(),
      notifications: z
        .object({
          enabled: z.boolean().optional(),
          factor: z.number().optional(),
          minimum: z.number().int().optional(),
          cooldownMinutes: z.number().int().optional(),
        })
        .strict()
        .optional(),
    })
    .strict(),
  'notifications:test': z.null(),
  'dashboard:open': z.object({ id }).strict(),
  'refresh:now': z.null(),
};
