import { describe, expect, it } from 'vitest';
import { PauseReasons, type PauseReason } from '../../../src/core/polling/pause-reasons';

type Event = [action: 'hold' | 'release', reason: PauseReason];

/** Every order of holding and releasing all three reasons (each held before it is released). */
function orders(): Event[][] {
  const events: Event[] = (['suspend', 'lock', 'offline'] as const).flatMap((reason) => [['hold', reason] as Event, ['release', reason] as Event]);
  const result: Event[][] = [];
  const walk = (prefix: Event[], rest: Event[]): void => {
    if (rest.length === 0) return void result.push(prefix);
    rest.forEach((event, index) => {
      const released = event[0] === 'release' && !prefix.some(([action, reason]) => action === 'hold' && reason === event[1]);
      if (!released)
        walk(
          [...prefix, event],
          rest.filter((_, i) => i !== index),
        );
    });
  };
  walk([], events);
  return result;
}

describe('pause reasons', () => {
  const all = orders();

  it('covers every order of suspend, lock and offline', () => {
    expect(all).toHaveLength(90);
  });

  it.each(all.map((order) => [order.map(([action, reason]) => `${action} ${reason}`).join(', '), order] as const))(
    '%s: pauses once, resumes once and only when nothing holds',
    (_name, order) => {
      const calls: string[] = [];
      const pauses = new PauseReasons({ pause: () => calls.push('pause'), resume: () => calls.push('resume') });
      const held = new Set<PauseReason>();
      for (const [action, reason] of order) {
        const before = calls.length;
        if (action === 'hold') {
          pauses.hold(reason);
          held.add(reason);
        } else {
          pauses.release(reason);
          held.delete(reason);
        }
        // A resume happens exactly when the last reason is released, a pause exactly when the first is held.
        const expected = action === 'hold' && held.size === 1 ? ['pause'] : action === 'release' && held.size === 0 ? ['resume'] : [];
        expect(calls.slice(before)).toEqual(expected);
      }
      expect(calls.filter((call) => call === 'resume')).toHaveLength(calls.filter((call) => call === 'pause').length);
      expect(pauses.held.size).toBe(0);
    },
  );

  it('ignores a release of a reason that was never held, and a second hold of one that is', () => {
    const calls: string[] = [];
    const pauses = new PauseReasons({ pause: () => calls.push('pause'), resume: () => calls.push('resume') });
    pauses.release('lock');
    pauses.hold('offline');
    pauses.hold('offline');
    pauses.release('suspend');
    expect(calls).toEqual(['pause']);
  });
});
