import { describe, expect, it } from 'vitest';
import { dayRanges, usableTimeZone } from '../../../src/core/live/day-ranges';

describe('day ranges', () => {
  it('runs today from midnight in the website zone, and yesterday to the same clock time', () => {
    const now = Date.UTC(2026, 10, 29, 14, 30, 5); // 15:30:05 in Paris (UTC+1)
    const ranges = dayRanges(now, 'Europe/Paris');
    expect(ranges.today).toEqual({ startAt: '2026-11-29T00:00:00+01:00', endAt: '2026-11-29T15:30:05+01:00' });
    expect(ranges.yesterday).toEqual({ startAt: '2026-11-28T00:00:00+01:00', endAt: '2026-11-28T15:30:05+01:00' });
    expect(ranges.todayStart).toBe(Date.UTC(2026, 10, 28, 23, 0, 0));
  });

  it('crosses a month boundary and a change of clocks', () => {
    // 1 April 2026, 10:00 in New York (EDT, UTC-4); the day before was also EDT.
    expect(dayRanges(Date.UTC(2026, 3, 1, 14), 'America/New_York').yesterday).toEqual({
      startAt: '2026-03-31T00:00:00-04:00',
      endAt: '2026-03-31T10:00:00-04:00',
    });
    // The Monday after Europe's clocks went forward (29 March 2026): yesterday began in winter time.
    expect(dayRanges(Date.UTC(2026, 2, 30, 10), 'Europe/Berlin').yesterday.startAt).toBe('2026-03-29T00:00:00+01:00');
  });

  it('falls back to this computer’s zone for a zone Intl does not know', () => {
    expect(usableTimeZone('Mars/Olympus_Mons')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(usableTimeZone(null)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(usableTimeZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});
