import { z } from 'zod';
import type { IpcReplies } from './ipc-contract';
import { MAX_WEBSITES } from './setting-limits';
import { dataFastSiteIdSchema, settingsPatchSchema, spikeThresholdSchema, websiteKeySchema, websiteLabelSchema } from './settings-shapes';

const id = websiteKeySchema;

/**
 * Every request the settings window may send, checked at runtime (types vanish there, these do
 * not). The contract's request types are inferred from these, so the two cannot disagree, and
 * values a person sets are held to the settings file's own limits.
 */
export const requestValidators = {
  'state:get': z.null(),
  'token:check': z.object({ token: z.string().min(1).max(500) }).strict(),
  'websites:add': z.object({ pendingId: z.uuid(), dataFastSiteIds: z.array(dataFastSiteIdSchema).max(MAX_WEBSITES).readonly() }).strict(),
  'websites:add-demo': z.null(),
  'websites:rename': z.object({ id, label: websiteLabelSchema }).strict(),
  'websites:move': z.object({ id, direction: z.enum(['up', 'down']) }).strict(),
  'websites:remove': z.object({ id }).strict(),
  'websites:set-active': z.object({ id }).strict(),
  'websites:set-threshold': z.object({ id, threshold: spikeThresholdSchema }).strict(),
  'websites:set-sales': z.object({ id, notifySales: z.boolean() }).strict(),
  'settings:update': settingsPatchSchema,
  'notifications:test': z.null(),
  'dashboard:open': z.object({ id }).strict(),
  'refresh:now': z.null(),
} as const satisfies { readonly [C in keyof IpcReplies]: z.ZodType };
