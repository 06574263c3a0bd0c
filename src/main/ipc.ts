import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelName, type Channel, type RequestOf, type ResponseOf } from '../shared/ipc-contract';
import { requestValidators } from '../shared/ipc-validators';
import { describesOnlySettings, notSavedMessage } from '../shared/settings-shapes';
import type { Reply } from '../shared/view-model';
import { redactTokens } from '../core/datafast/redact';
import { errorMessage } from '../core/datafast/errors';

export type Handlers = { readonly [C in Channel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** The facts about a caller that decide whether it is our settings window's own page. */
export interface SenderFacts {
  readonly webContentsId: number;
  readonly frameUrl: string | null;
  readonly isMainFrame: boolean;
}

export function senderFacts(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>): SenderFacts {
  const frame = event.senderFrame;
  return {
    webContentsId: event.sender.id,
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
  };
}

export interface TrustPolicy {
  /** The settings window's webContents id, or null while it is closed. */
  readonly windowId: () => number | null;
  /** The renderer's own page, e.g. file:///…/dist/renderer/index.html. */
  readonly pageUrl: string;
}

export function isTrustedSender(facts: SenderFacts, policy: TrustPolicy): boolean {
  if (!facts.isMainFrame || facts.frameUrl === null) return false;
  if (facts.webContentsId !== policy.windowId()) return false;
  try {
    const url = new URL(facts.frameUrl);
    const expected = new URL(policy.pageUrl);
    return url.protocol === expected.protocol && url.host === expected.host && url.pathname === expected.pathname;
  } catch {
    return false;
  }
}

export type IpcRegistrar = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * One wrapper for every IPC call: a known window, our page, the main frame; then the payload
 * parsed at runtime. Replies carry a message the window can show; no stack, no token.
 */
export function registerIpcHandlers(ipc: IpcRegistrar, policy: TrustPolicy, handlers: Handlers, onRejected: (reason: string) => void): () => void {
  const channels = Object.keys(handlers) as Channel[];
  for (const channel of channels) {
    ipc.handle(channelName(channel), (event, payload: unknown) => dispatch(channel, senderFacts(event), payload, policy, handlers, onRejected));
  }
  return () => {
    for (const channel of channels) ipc.removeHandler(channelName(channel));
  };
}

/** The checks and the call, apart from Electron's event object so tests can drive it directly. */
export async function dispatch<C extends Channel>(
  channel: C,
  facts: SenderFacts,
  payload: unknown,
  policy: TrustPolicy,
  handlers: Handlers,
  onRejected: (reason: string) => void,
): Promise<Reply<ResponseOf<C>>> {
  if (!isTrustedSender(facts, policy)) {
    onRejected(`${channel}: untrusted sender ${facts.frameUrl ?? '(no frame)'}`);
    return { ok: false, error: 'Not allowed.' };
  }
  const parsed = requestValidators[channel].safeParse(payload ?? null);
  if (!parsed.success) {
    onRejected(`${channel}: invalid payload`);
    // A value outside a setting's limits is the person's to fix, so it is named; anything else is a malformed call.
    return { ok: false, error: describesOnlySettings(parsed.error) ? notSavedMessage(parsed.error) : 'That request was not understood.' };
  }
  const handler = handlers[channel] as (request: RequestOf<C>) => Promise<ResponseOf<C>>;
  try {
    // The validator of channel C parses to RequestOf<C>; TypeScript cannot narrow the lookup by C.
    return { ok: true, value: await handler(parsed.data as RequestOf<C>) };
  } catch (error) {
    return { ok: false, error: redactTokens(errorMessage(error)) };
  }
}
