import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/args';
import { oneShotMessage, reportAnyFailure } from '../../src/cli/failures';
import { DataFastError } from '../../src/core/datafast/errors';
import { KeychainUnavailableError } from '../../src/core/storage/keychain-errors';
import { formatDuration } from '../../src/core/time/duration';

describe('runner messages', () => {
  it('writes waits in the unit a person thinks in', () => {
    expect([500, 45_000, 119_000, 120_000, 3_600_000, 7_140_000, 86_400_000].map(formatDuration)).toEqual([
      '1 s',
      '45 s',
      '119 s',
      '2 min',
      '60 min',
      '119 min',
      '24 h',
    ]);
  });

  it('tells a one-shot command what to do, not what it will do', () => {
    expect(oneShotMessage('Could not reach DataFast. Check your internet connection or proxy; we will try again.')).toBe(
      'Could not reach DataFast. Check your internet connection or proxy, then run it again.',
    );
    expect(oneShotMessage('DataFast is having trouble (HTTP 503). We will keep trying.')).toBe(
      'DataFast is having trouble (HTTP 503). Try again in a few minutes.',
    );
    expect(oneShotMessage('DataFast asked us to slow down (429); pausing this token for 24 h.')).toBe(
      'DataFast asked us to slow down (429); try again in 24 h.',
    );
    expect(oneShotMessage('DataFast did not accept this token (401).')).toBe('DataFast did not accept this token (401).');
  });

  it('names each kind of failure on stderr and picks its exit status', () => {
    const said: string[] = [];
    const report = (error: unknown): number => reportAnyFailure(error, (text) => said.push(text));
    expect(report(new UsageError('Give --website once.'))).toBe(2);
    expect(report(new DataFastError({ kind: 'unauthorized', message: 'DataFast did not accept this token (401).' }))).toBe(3);
    expect(report(new DataFastError({ kind: 'network', message: 'Could not reach DataFast; we will try again.' }))).toBe(4);
    expect(report(new KeychainUnavailableError('locked', 'linux'))).toBe(5);
    expect(report(Object.assign(new Error('EACCES: permission denied, open /home/a/.config/x'), { code: 'EACCES' }))).toBe(2);
    expect(report(new TypeError('cannot read df_test_shop_0000000000001234'))).toBe(4);
    expect(said.slice(0, 3)).toEqual([
      'datafast-menubar: Give --website once.',
      'datafast-menubar: DataFast did not accept this token (401).',
      'datafast-menubar: Could not reach DataFast, then run it again.',
    ]);
    expect(said[3]).toMatch(/^datafast-menubar: .*keychain/i);
    expect(said[4]).toMatch(
      /the settings folder cannot be used \(EACCES: permission denied.*\)\. Check that it is a folder you may write to, or choose another with DATAFAST_MENUBAR_CONFIG_DIR\.$/,
    );
    expect(said[5]).toBe('datafast-menubar: unexpected failure: cannot read df_…1234. Please report it (with this message) if it persists.');
  });
});
