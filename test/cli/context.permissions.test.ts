import { websiteKey } from '../../src/shared/settings-shapes';
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/storage/settings-schema';
import { CLI } from '../support/run-cli';
import { tempDir } from '../support/temp';
import { demoWebsite } from '../support/settings-fixtures';

/**
 * Permission problems as a person meets them: the runner as an ordinary user (nobody), against
 * settings it may not read or write. Needs root to switch users (CI runs as root).
 */
const isRoot = process.getuid?.() === 0;
const hasRunuser = spawnSync('sh', ['-c', 'command -v runuser']).status === 0;
const required = process.env['CI'] === 'true' && process.platform === 'linux';
const reason = !isRoot ? 'not running as root, so cannot run the runner as another user' : !hasRunuser ? 'runuser is not installed' : null;
if (reason && !required) console.warn(`permission tests skipped: ${reason}`);

describe.skipIf(reason !== null && !required)('runner as an ordinary user, with settings it may not use', () => {
  const work = tempDir('runner-permissions-');
  afterAll(() => work.remove());
  // The bundle in a folder everyone may read: wherever the checkout lives, nobody can run it.
  chmodSync(work.path, 0o755);
  const cli = join(work.path, 'cli.mjs');
  copyFileSync(CLI, cli);
  chmodSync(cli, 0o755);
  // The entry loads the rest of the runner from its chunks, beside it.
  cpSync(join(dirname(CLI), 'runner'), join(work.path, 'runner'), { recursive: true });

  const asNobody = (args: readonly string[], configDir: string): Promise<{ code: number | null; stderr: string }> =>
    new Promise((done) => {
      execFile(
        'runuser',
        ['-u', 'nobody', '--', 'env', `DATAFAST_MENUBAR_CONFIG_DIR=${configDir}`, 'HOME=/tmp', process.execPath, cli, ...args],
        (error, _stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });

  it('has what it needs in CI', () => {
    expect(reason).toBeNull();
  });

  it('leaves a settings file it may not read where it is, and says so: exit 2', async () => {
    const dir = join(work.path, 'unreadable');
    execFileSyncMkdir(dir, 0o777);
    writeFileSync(join(dir, 'config.json'), JSON.stringify(DEFAULT_SETTINGS));
    chmodSync(join(dir, 'config.json'), 0o000);
    const result = await asNobody(['list'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `datafast-menubar: The settings file ${join(dir, 'config.json')} cannot be read: permission denied. It was left as it is; give your user access to it (or remove it), then start again.\n`,
    );
    expect(readdirSync(dir)).toEqual(['config.json']);
  });

  it('names the folder and the fix when it may not write settings, and changes nothing: exit 2', async () => {
    const dir = join(work.path, 'read-only');
    execFileSyncMkdir(dir, 0o755);
    const website = demoWebsite({ id: websiteKey('w_demo'), label: 'Demo' });
    const before = JSON.stringify({ ...DEFAULT_SETTINGS, websites: [website], activeWebsiteKey: 'w_demo' });
    writeFileSync(join(dir, 'config.json'), before);
    chmodSync(join(dir, 'config.json'), 0o644);
    const result = await asNobody(['remove', 'Demo'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `^datafast-menubar: the settings folder cannot be used \\(EACCES: permission denied, .*${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*\\)\\. Check that it is a folder you may write to, or choose another with DATAFAST_MENUBAR_CONFIG_DIR\\.\\n$`,
      ),
    );
    expect(readFileSync(join(dir, 'config.json'), 'utf8')).toBe(before);
  });
});

function execFileSyncMkdir(path: string, mode: number): void {
  spawnSync('mkdir', ['-p', path]);
  chmodSync(path, mode);
}
