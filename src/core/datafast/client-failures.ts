import type { z } from 'zod';
import type { ApiError } from './reply-shapes';
import { BodyTooLargeError } from './bounded-body';
import { DataFastError, errnoCode } from './errors';
import { formatDuration } from '../time/duration';
import { redactTokens } from './redact';
import { retryTimeFromHeaders } from './retry-after';
import { isSuccess, ProxyFailureError, type HttpReply } from './http-transport';

/**
 * How a DataFast call failed, in words a person can act on: the transport (timeout, redirect,
 * network, a reply too large), the HTTP status and DataFast's error envelope, or a reply we
 * cannot read. Tokens quoted by the server are redacted.
 */

export function unreadable(body: string): DataFastError {
  const looksLikeHtml = /^\s*</.test(body);
  return new DataFastError({
    kind: 'invalid-response',
    message: looksLikeHtml
      ? 'DataFast answered with a web page instead of data; the service may be down or a proxy is in the way.'
      : 'DataFast sent a reply that is not valid JSON. Try again later.',
  });
}

export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'reply';
  return `${where}: ${issue.message}`;
}

/**
 * `origin` is the API address tried, named in a network failure: with a custom address (a local
 * test server, a self-hosted proxy) the address is usually the problem.
 */
export function transportFailure(error: unknown, callerSignal: AbortSignal | undefined, timeoutMs: number, origin: string): DataFastError {
  if (callerSignal?.aborted) return new DataFastError({ kind: 'aborted', message: 'The request was cancelled.' });
  if (error instanceof BodyTooLargeError) {
    return new DataFastError({
      kind: 'invalid-response',
      message: `DataFast sent a reply larger than ${Math.round(error.limitBytes / 1024)} KiB, far more than this request needs, so it was not read. Check the API address in settings; we will try again.`,
    });
  }
  if (error instanceof ProxyFailureError) {
    return new DataFastError({
      kind: 'network',
      message: `Could not reach DataFast through the proxy ${error.proxyOrigin} (${error.reason}). Check the proxy settings (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); we will try again.`,
    });
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new DataFastError({
      kind: 'timeout',
      message: `DataFast did not answer within ${Math.round(timeoutMs / 1000)} s. Check your connection; we will try again.`,
    });
  }
  if (mentionsRedirect(error)) {
    return new DataFastError({
      kind: 'redirect',
      message:
        'DataFast answered with a redirect to another address, which is never followed with your token. Check the API address in settings; we will try again.',
    });
  }
  const code = errorCode(error);
  return new DataFastError({
    kind: 'network',
    message: `Could not reach DataFast at ${origin}${code ? ` (${code})` : ''}. Check your internet connection or proxy; we will try again.`,
  });
}

/** An error and the causes behind it, outermost first (fetch wraps the useful part). */
function causeChain(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let current: unknown = error; chain.length < 4 && current instanceof Error; current = current.cause) chain.push(current);
  return chain;
}

/**
 * Redirects are refused, and every transport says so in its failure: fetch with
 * `redirect: 'error'` ("unexpected redirect" in Node; Chromium's net names it too), node:http(s)
 * with RedirectRefusedError.
 */
function mentionsRedirect(error: unknown): boolean {
  return causeChain(error).some((link) => /redirect/i.test(link.message));
}

/** The useful part (`ECONNREFUSED`, `ENOTFOUND`): node:http's own `code`, or, behind fetch, its `cause.code`. */
function errorCode(error: unknown): string | null {
  for (const link of causeChain(error)) {
    const code = errnoCode(link);
    if (code) return code;
  }
  return null;
}

export function httpFailure(
  reply: Pick<HttpReply, 'status' | 'headers'>,
  apiError: ApiError | null,
  parsedBody: unknown,
  rawBody: string,
  now: number,
): DataFastError {
  const ok = isSuccess(reply);
  const envelopeCode = apiError ? Number(apiError.code) : Number.NaN;
  // A 200 carrying an error envelope takes its status from the envelope.
  const status = ok && Number.isInteger(envelopeCode) ? envelopeCode : reply.status;
  // A 200 carrying an error is not an HTTP error: say where the code came from.
  const code = ok ? `error ${status} in a successful reply` : `HTTP ${status}`;
  const apiReason = apiError?.message ? redactTokens(apiError.message) : null;
  const because = apiReason ? `: ${apiReason}` : '';

  switch (true) {
    case status === 400:
      return new DataFastError({ kind: 'bad-request', status, message: `DataFast refused the request (400)${because}.` });
    case status === 401:
      return new DataFastError({
        kind: 'unauthorized',
        status,
        message: `DataFast did not accept this token (401)${because}. It may have been revoked or mistyped; paste a current key from your DataFast settings.`,
      });
    case status === 403:
      return new DataFastError({
        kind: 'forbidden',
        status,
        message: `This token may not read that website (403)${because}. Account tokens need the analytics:read permission and access to the website.`,
      });
    case status === 404:
      return new DataFastError({
        kind: 'not-found',
        status,
        message: `DataFast does not know that website (404)${because}. Check the website ID, or whether the website was deleted.`,
      });
    case status === 429: {
      const retryAt = retryTimeFromHeaders(reply.headers, now) ?? undefined;
      const wait = retryAt !== undefined ? ` for ${formatDuration(retryAt - now)}` : '';
      return new DataFastError({
        kind: 'rate-limited',
        status,
        ...(retryAt !== undefined && { retryAt }),
        message: `DataFast asked us to slow down (429); pausing this token${wait}.`,
      });
    }
    case status >= 500:
      return new DataFastError({
        kind: 'server',
        status,
        message: `DataFast is having trouble (${code})${because}. We will keep trying.`,
      });
    default:
      if (parsedBody === undefined) return unreadable(rawBody);
      return new DataFastError({ kind: 'invalid-response', status, message: `DataFast answered with an unexpected ${code}${because}.` });
  }
}
