import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/core/storage/settings-schema';
import { TEST_TOKENS } from '../../support/fake-datafast';
import { CLI } from '../../support/run-cli';
import { tempDir } from '../../support/temp';
import { REPO_ROOT } from '../../support/repo-paths';
import { shopWebsite } from '../../support/settings-fixtures';

const ROOT = REPO_ROOT;
const tools = ['dbus-run-session', 'gnome-keyring-daemon', 'dbus-send'];
const missing = tools.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
const required = process.env['CI'] === 'true' && process.platform === 'linux';
if (missing.length > 0 && !required) console.warn(`locked-keychain tests skipped: ${missing.join(', ')} not installed (apt-get install dbus gnome-keyring)`);

/**
 * In a private session bus and keyring of its own: unlocks a new keyring, stores the website's
 * token, locks the collection over D-Bus (as the screen locker or a timeout would), then runs the
 * runner's commands and prints each exit status.
 */
const SCRIPT = `
printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null
node -e 'require("keytar").setPassword(process.env.DATAFAST_MENUBAR_KEYCHAIN_SERVICE, "w_shop", process.env.TOKEN).then(() => console.log("stored"))'
dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/aliases/default >/dev/null
node "$CLI" list; echo "list=$?"
node "$CLI" --once; echo "once=$?"
`;

describe.skipIf(missing.length > 0 && !required)('runner with a locked keychain (real gnome-keyring)', () => {
  it('has its tools in CI', () => {
    expect(missing).toEqual([]);
  });

  it('says the keychain is locked and exits 5: no native crash, never "not stored"', async () => {
    const home = tempDir('locked-home-');
    const runtime = tempDir('locked-runtime-');
    try {
      const config = join(home.path, 'config');
      mkdirSync(config, { recursive: true });
      const website = shopWebsite();
      writeFileSync(join(config, 'config.json'), JSON.stringify({ ...DEFAULT_SETTINGS, websites: [website], activeWebsiteKey: 'w_shop' }));
      const result = await new Promise<{ stdout: string; stderr: string }>((done, fail) => {
        const child = spawn('dbus-run-session', ['--', 'sh', '-c', SCRIPT], {
          cwd: ROOT,
          env: {
            PATH: process.env['PATH'] ?? '',
            HOME: home.path,
            // A runtime folder of its own, so this keyring never meets the one the other tests use.
            XDG_RUNTIME_DIR: runtime.path,
            CLI,
            TOKEN: TEST_TOKENS.shopKey,
            DATAFAST_MENUBAR_CONFIG_DIR: config,
            DATAFAST_MENUBAR_KEYCHAIN_SERVICE: 'DataFast Menubar locked test',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        child.on('error', fail);
        child.on('close', () => done({ stdout, stderr }));
      });
      expect(result.stdout).toContain('stored');
      expect(result.stdout).toContain('list=5');
      expect(result.stdout).toContain('once=5');
      expect(result.stdout).toContain('* Shop  shop.example.com  [w_shop]  token: keychain locked');
      expect(result.stderr.match(/The system keychain is locked, so the tokens in it cannot be read\. Unlock it/g)).toHaveLength(2);
      expect(result.stderr).not.toMatch(/Segmentation fault|No token is stored/);
    } finally {
      home.remove();
      runtime.remove();
    }
  }, 60_000);
});
