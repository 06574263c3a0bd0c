import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBoundedText } from '../../../src/core/datafast/bounded-body';

const signal = () => AbortSignal.timeout(5_000);

describe('a reply body read through fetch', () => {
  it('reads a body up to its cap as text', async () => {
    await expect(readBoundedText(new Response('{"ok":true}'), 64, signal())).resolves.toBe('{"ok":true}');
    await expect(readBoundedText(new Response(null), 64, signal())).resolves.toBe('');
  });

  it('refuses a body that says it is too large before reading it, and one that grows past the cap as it streams', async () => {
    await expect(readBoundedText(new Response('x'.repeat(10), { headers: { 'content-length': '10' } }), 5, signal())).rejects.toBeInstanceOf(BodyTooLargeError);
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(1024)),
    });
    await expect(readBoundedText(new Response(endless), 64 * 1024, signal())).rejects.toThrow('reply body larger than 65536 bytes');
  });

  it('stops when the signal does, mid-body', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"partial":')) });
    const controller = new AbortController();
    const reading = readBoundedText(new Response(stalled), 1024, controller.signal);
    setTimeout(() => controller.abort(new DOMException('deadline passed', 'TimeoutError')), 20);
    await expect(reading).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('counts an encoded body by what it inflates to, not by its declared length', async () => {
    // A declared length of the gzip bytes says nothing of the text; the stream decides.
    const small = gzipSync('{}');
    await expect(
      readBoundedText(new Response('{}', { headers: { 'content-encoding': 'gzip', 'content-length': String(small.length * 1000) } }), 16, signal()),
    ).resolves.toBe('{}');
  });
});
