import { describe, expect, it } from 'vitest';
import { opensSettingsAtStart } from '../../src/main/first-run';

describe('the settings window at start', () => {
  it.each([
    [0, [], true],
    [0, ['--hidden'], false],
    [2, [], false],
    [2, ['--hidden'], false],
  ] as const)('with %i websites and arguments %j opens: %s', (websites, argv, opens) => {
    expect(opensSettingsAtStart(websites, argv)).toBe(opens);
  });
});
