import { describe, expect, it } from 'vitest';
import { EXIT_API, EXIT_AUTH, EXIT_USAGE, exitCodeFor } from '../../src/cli/exit-codes';

describe('exit statuses', () => {
  it.each([
    ['bad-token-format', EXIT_USAGE],
    ['missing-website-id', EXIT_USAGE],
    ['missing-token', EXIT_USAGE],
    ['wrong-origin', EXIT_USAGE],
    ['unauthorized', EXIT_AUTH],
    ['forbidden', EXIT_AUTH],
    ['network', EXIT_API],
    ['rate-limited', EXIT_API],
    ['server', EXIT_API],
    ['not-found', EXIT_API],
  ] as const)('%s exits %i', (kind, code) => {
    expect(exitCodeFor(kind)).toBe(code);
  });

  it('keeps the documented numbers', () => {
    expect([EXIT_USAGE, EXIT_AUTH, EXIT_API]).toEqual([2, 3, 4]);
  });
});
