import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { openLogFile } from '../../src/main/log-file';
import { TEST_TOKENS } from '../support/fake-datafast';
import { tempDir } from '../support/temp';

describe('the log file', () => {
  const folder = tempDir('log-file-');
  afterAll(() => folder.remove());

  it('writes main.log in the logs folder, with tokens redacted even when logged directly', async () => {
    const sink = openLogFile(folder.path);
    sink.warn(`refused IPC call from a page holding ${TEST_TOKENS.shopKey}`);
    sink.info('reading again');
    // electron-log writes asynchronously.
    let text = '';
    for (let attempt = 0; attempt < 50 && !text.includes('reading again'); attempt++) {
      await sleep(20);
      try {
        text = readFileSync(join(folder.path, 'main.log'), 'utf8');
      } catch {
        text = '';
      }
    }
    expect(text).toMatch(/\[warn\]\s+refused IPC call from a page holding df_/);
    expect(text).toContain('reading again');
    expect(text).not.toContain(TEST_TOKENS.shopKey.slice(3));
  });
});
