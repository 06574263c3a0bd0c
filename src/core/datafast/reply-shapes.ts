/**
 * The two reply shapes a count read needs, checked by hand: DataFast's error envelope and the
 * realtime count. A status bar starts the runner for every refresh, and compiling zod took longer
 * than the rest of such a start together; the other replies, larger and read less often, are
 * checked with their zod schemas, loaded when first needed.
 */

/**
 * More people live on one website at once than this is not a count but a broken or hostile reply;
 * kept out, it can never poison the history or a spike baseline.
 */
export const MAX_VISITORS = 10_000_000;

/** What DataFast's error envelope carries: `{"status":"error","error":{"code":401,"message":"…"}}` (code may be a string). */
export interface ApiError {
  readonly code?: number | string;
  readonly message?: string;
}

/** A checked reply, or where and why it is not what was asked for (as `data.0.visitors: …`). */
export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const problem = (where: string, why: string): Checked<never> => ({ ok: false, issue: `${where}: ${why}` });

/** The error DataFast's envelope names, or null when the body is no error envelope. */
export function apiErrorOf(body: unknown): ApiError | null {
  if (!isRecord(body) || body['status'] !== 'error' || !isRecord(body['error'])) return null;
  const { code, message } = body['error'];
  if (code !== undefined && typeof code !== 'number' && typeof code !== 'string') return null;
  if (message !== undefined && typeof message !== 'string') return null;
  return { ...(code !== undefined && { code }), ...(message !== undefined && { message }) };
}

/** A visitor count: a whole number from 0 to `MAX_VISITORS`. */
export function visitorCountProblem(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
  if (!Number.isInteger(value)) return 'expected a whole number';
  if (value < 0) return 'must not be negative';
  if (value > MAX_VISITORS) return `is more than ${MAX_VISITORS.toLocaleString('en-US')} visitors`;
  return null;
}

/** The realtime count: exactly one row, as documented; several rows are not added up, they are a reply we do not understand. */
export function realtimeCountOf(body: unknown): Checked<number> {
  if (!isRecord(body)) return problem('reply', 'expected an object');
  if (body['status'] !== 'success') return problem('status', 'expected "success"');
  const data = body['data'];
  if (!Array.isArray(data)) return problem('data', 'expected a list');
  if (data.length === 0) return problem('data', 'is empty');
  if (data.length > 1) return problem('data', 'has more than one row');
  const [row] = data as unknown[];
  if (!isRecord(row)) return problem('data.0', 'expected an object');
  const countProblem = visitorCountProblem(row['visitors']);
  return countProblem ? problem('data.0.visitors', countProblem) : { ok: true, value: row['visitors'] as number };
}
