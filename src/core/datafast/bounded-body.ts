/** A reply body that grew past its cap (counted after decompression). */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`reply body larger than ${limitBytes} bytes`);
  }
}

/**
 * Whether a reply says, before its body, that the body is past the cap: a length that is the
 * body's own, not of an encoding (the body is counted after decompression as it streams).
 */
export function declaresTooMuch(contentLength: string | null | undefined, contentEncoding: string | null | undefined, limitBytes: number): boolean {
  const encoding = contentEncoding?.trim().toLowerCase() ?? '';
  const declared = Number(contentLength);
  return (
    (encoding === '' || encoding === 'identity') && contentLength !== null && contentLength !== undefined && Number.isFinite(declared) && declared > limitBytes
  );
}

/**
 * Reads a response body as a stream and gives up past `limitBytes` or when `signal` aborts,
 * cancelling the stream either way so the connection is let go. The bytes counted are the ones
 * fetch hands over, which are already inflated: a small gzip body that inflates to a gigabyte
 * is stopped at the cap, not after the gigabyte.
 */
export async function readBoundedText(response: Response, limitBytes: number, signal: AbortSignal): Promise<string> {
  if (declaresTooMuch(response.headers.get('content-length'), response.headers.get('content-encoding'), limitBytes)) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  const body = response.body;
  if (!body) return '';
  const reader: ReadableStreamDefaultReader<Uint8Array> = body.getReader();
  // Cancelling the reader settles a read that is waiting on a stalled server.
  const stop = (): void => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop, { once: true });
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      signal.throwIfAborted();
      const { done, value } = await reader.read();
      signal.throwIfAborted();
      if (done) break;
      total += value.byteLength;
      if (total > limitBytes) {
        stop();
        throw new BodyTooLargeError(limitBytes);
      }
      chunks.push(value);
    }
  } finally {
    signal.removeEventListener('abort', stop);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
