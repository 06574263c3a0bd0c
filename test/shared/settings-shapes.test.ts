import { describe, expect, it } from 'vitest';
import { describeSettingsIssue, groupDigits, settingsPatchSchema } from '../../src/shared/settings-shapes';

describe('settings shapes', () => {
  it('groups digits as English writes them, without Intl', () => {
    expect([0, 7, 999, 1000, 1440, 1_000_000, 10_000_000, 1.2, 12345.5].map(groupDigits)).toEqual([
      '0',
      '7',
      '999',
      '1,000',
      '1,440',
      '1,000,000',
      '10,000,000',
      '1.2',
      '12,345.5',
    ]);
    expect(groupDigits(1_000_000)).toBe((1_000_000).toLocaleString('en-US'));
  });

  it("holds a settings patch to the settings file's limits, in sentences a person can act on", () => {
    const refused = settingsPatchSchema.safeParse({ refreshIntervalSeconds: 5, notifications: { minimum: 2_000_000 } });
    expect(refused.success).toBe(false);
    expect(describeSettingsIssue(refused.error!)).toBe(
      'The refresh interval must be at least 10 seconds; The minimum number of visitors must be at most 1,000,000',
    );
    expect(settingsPatchSchema.safeParse({ displayMode: 'sum', notifications: { enabled: false } }).success).toBe(true);
    expect(settingsPatchSchema.safeParse({ notifications: { snoozedUntil: 1 } }).success).toBe(false);
  });
});
