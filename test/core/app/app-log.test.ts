import { websiteKey } from '../../../src/shared/settings-shapes';
import { describe, expect, it } from 'vitest';
import { AppLog, type LogSink } from '../../../src/core/app/app-log';
import { TEST_TOKENS } from '../../support/fake-datafast';

function recordingLog(): { log: AppLog; lines: string[] } {
  const lines: string[] = [];
  const sink: LogSink = {
    error: (line) => lines.push(`error ${line}`),
    warn: (line) => lines.push(`warn ${line}`),
    info: (line) => lines.push(`info ${line}`),
  };
  return { log: new AppLog(sink), lines };
}

describe('the app log', () => {
  it('never writes a token, whatever the message carries', () => {
    const { log, lines } = recordingLog();
    log.error(`request with ${TEST_TOKENS.shopKey} failed`);
    log.warn(`Bearer ${TEST_TOKENS.account}`);
    expect(lines).toHaveLength(2);
    for (const line of lines) for (const token of [TEST_TOKENS.shopKey, TEST_TOKENS.account]) expect(line).not.toContain(token.slice(4));
  });

  it('writes a poll failure when it starts, changes and ends, not at every retry', () => {
    const { log, lines } = recordingLog();
    const failure = (message: string) => ({ websiteKey: websiteKey('w_1'), ok: false as const, error: { kind: 'network' as const, message }, at: 0 });
    log.poll({ websiteKey: websiteKey('w_1'), ok: true, visitors: 3, at: 0 });
    for (let retry = 0; retry < 5; retry++) log.poll(failure('Could not reach DataFast.'));
    log.poll(failure('DataFast is having trouble (HTTP 503).'));
    log.poll({ websiteKey: websiteKey('w_1'), ok: true, visitors: 4, at: 0 });
    log.poll({ websiteKey: websiteKey('w_1'), ok: true, visitors: 5, at: 0 });
    expect(lines).toEqual([
      'warn website w_1: network: Could not reach DataFast.',
      'warn website w_1: network: DataFast is having trouble (HTTP 503).',
      'info website w_1: reading again (4 visitors)',
    ]);
  });
});
