import { z } from 'zod';
import type { Channel, IpcContract } from './ipc-contract';

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** Runtime check of every request; types vanish at runtime, these do not. */
export const requestValidators: { readonly [C in Channel]: z.ZodType<IpcContract[C]['request']> } = {
  'state:get': z.null(),
  'token:check': z.object({ token: z.string().min(1).max(500) }).strict(),
  'websites:add': z.object({ pendingId: z.uuid(), websiteIds: z.array(id).max(50) }).strict(),
  'websites:add-demo': z.null(),
  'websites:rename': z.object({ id, label: z.string().trim().min(1).max(80) }).strict(),
  'websites:move': z.object({ id, direction: z.enum(['up', 'down']) }).strict(),
  'websites:remove': z.object({ id }).strict(),
  'websites:set-active': z.object({ id }).strict(),
  'websites:set-threshold': z.object({ id, threshold: z.number().int().positive().max(10_000_000).nullable() }).strict(),
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
