import { describe, expect, it } from 'vitest';
import { Notices } from '../../../src/core/app/notices';

describe('notices', () => {
  it('tells the views when a notice comes and when one is taken back, and not for one that was never there', () => {
    let changes = 0;
    const notices = new Notices(['The settings file was set aside.'], () => (changes += 1));
    notices.add('The keychain is locked.');
    notices.add('The keychain is locked.');
    expect(notices.list()).toEqual(['The settings file was set aside.', 'The keychain is locked.']);
    const before = changes;
    expect(before).toBeGreaterThan(0);
    notices.withdraw('The keychain is locked.');
    expect(notices.list()).toEqual(['The settings file was set aside.']);
    expect(changes).toBe(before + 1);
    notices.withdraw('Something never said.');
    expect(changes).toBe(before + 1);
  });
});
