import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/run-cli';
import { childEnv } from '../support/child-env';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { keychainProblem, removeService, requireKeychain, testServiceName } from '../support/keychain';
import { tempDir } from '../support/temp';
import { barShots, endGroup, eventually, HOST_TOOLS, missingHostTools, screenshotX, startGroup, startXvfb } from '../support/bar-hosts';

/**
 * Each recipe in assets/status-bars, pasted as written into the real program that runs it, in four
 * states: fresh, DataFast unreachable, the token rejected, and recovered. What the host shows is
 * read back from the host itself: i3blocks' JSON on stdout, tmux's drawn screen, and screenshots
 * of polybar and waybar through a text recogniser, kept in test-results/status-bars/.
 */

const run = promisify(execFile);
const RECIPES = resolve(__dirname, '../../assets/status-bars');
const recipe = (name: string): string => readFileSync(join(RECIPES, name), 'utf8');
const REALTIME = '/api/v1/analytics/realtime';
const RED = '#e5484d';

const linux = process.platform === 'linux';
const required = process.env['CI'] === 'true' && linux;
const missing = linux ? missingHostTools() : ['a Linux desktop'];
const problem = await keychainProblem();
const isRoot = process.getuid?.() === 0;
if (missing.length > 0 && !required) console.warn(`status-bar hosts skipped: ${missing.join(', ')} not installed (see .ci/run for the Debian packages)`);

/** Gives others search permission on every folder from `/` down to `path`; returns the modes it changed. */
function openPathTo(path: string): Array<[string, number]> {
  const changed: Array<[string, number]> = [];
  for (let folder = path; ; folder = dirname(folder)) {
    const mode = statSync(folder).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(folder, mode | 0o001);
      changed.push([folder, mode]);
    }
    if (dirname(folder) === folder) return changed;
  }
}

/** The settings' fastest refresh, so each state shows within seconds while the recipes stay as written. */
function quickRefresh(configDir: string): void {
  const file = join(configDir, 'config.json');
  const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...settings, refreshIntervalSeconds: 10 }));
}

const unreachable = (fake: FakeDataFast): void => {
  fake.clearFaults();
  fake.queueFault({ type: 'reset' }, REALTIME, 10_000);
};
const rejecting = (fake: FakeDataFast): void => {
  fake.clearFaults();
  fake.queueFault({ type: 'status', status: 401, message: 'Invalid API key' }, REALTIME, 10_000);
};
/** Rejects the token from now on and waits for the running bar's next read, which meets the 401. */
const rejectedRead = async (fake: FakeDataFast): Promise<void> => {
  const readsBefore = fake.requestsTo(REALTIME).length;
  rejecting(fake);
  await eventually(() => Promise.resolve(fake.requestsTo(REALTIME).length > readsBefore ? true : null), 'a rejected read', 90_000);
};

describe.skipIf((missing.length > 0 || (problem !== null && !requireKeychain)) && !required)('status-bar recipes in their real hosts', () => {
  let fake: FakeDataFast;
  const folder = tempDir('bar-hosts-');
  const bin = join(folder.path, 'bin');
  const services: string[] = [];

  beforeAll(async () => {
    expect(missing).toEqual([]);
    if (problem) throw new Error(`CI needs a working Secret Service: ${problem}`);
    fake = await standardFake();
    mkdirSync(bin);
    symlinkSync(CLI, join(bin, 'datafast-menubar'));
    chmodSync(folder.path, 0o755);
  });
  afterAll(async () => {
    for (const service of services) await removeService(service);
    await fake.close();
    folder.remove();
  });

  /** A profile of its own (settings folder and keychain service) with Shop added as the recipes say. */
  async function profile(name: string): Promise<Record<string, string>> {
    const service = testServiceName();
    services.push(service);
    const env = childEnv({
      PATH: `${bin}:/usr/bin:/bin`,
      DATAFAST_MENUBAR_CONFIG_DIR: join(folder.path, name),
      DATAFAST_MENUBAR_KEYCHAIN_SERVICE: service,
      LANG: 'C.UTF-8',
    });
    await addWebsite(env, TEST_TOKENS.shopKey);
    quickRefresh(env['DATAFAST_MENUBAR_CONFIG_DIR'] ?? '');
    return env;
  }

  function addWebsite(env: Record<string, string>, token: string): Promise<unknown> {
    return run('/bin/sh', ['-c', `printf %s "$DATAFAST_TOKEN" | datafast-menubar add --api-url ${fake.url}`], { env: { ...env, DATAFAST_TOKEN: token } });
  }

  it('i3blocks: the block shows the count, a red ⚠ when DataFast is out of reach or refuses the token, and the count again', async () => {
    const env = await profile('i3blocks');
    const config = join(folder.path, 'i3blocks.conf');
    writeFileSync(config, recipe('i3blocks.conf'));
    /** One i3blocks run, as i3bar starts it: the first status line that carries our block's text. */
    const shown = async (): Promise<{ full_text: string; color?: string }> => {
      const host = startGroup(HOST_TOOLS.i3blocks, ['-c', config], env);
      try {
        return await eventually(() => {
          const lines = host.output().split('\n');
          // i3bar's protocol: a header, then an endless JSON array with one array of blocks a line.
          for (const line of lines.slice(1)) {
            let blocks: Array<{ name?: string; full_text: string; color?: string }>;
            try {
              blocks = JSON.parse(line.replace(/^,/, '')) as typeof blocks;
            } catch {
              continue;
            }
            const block = blocks.find((each) => each.name === 'datafast');
            if (block && block.full_text.trim() !== '👥') return Promise.resolve(block);
          }
          return Promise.resolve(null);
        }, 'i3blocks status line');
      } finally {
        await endGroup(host);
      }
    };
    expect(await shown()).toMatchObject({ full_text: '👥 42' });
    unreachable(fake);
    expect(await shown()).toMatchObject({ full_text: '👥 ⚠', color: RED });
    rejecting(fake);
    expect(await shown()).toMatchObject({ full_text: '👥 ⚠', color: RED });
    fake.clearFaults();
    const recovered = await shown();
    expect(recovered.full_text).toBe('👥 42');
    expect(recovered.color).toBeUndefined();
  }, 60_000);

  it('tmux: the status line shows the count, ⚠ instead of a blank, and the count again', async () => {
    const env = await profile('tmux');
    const config = join(folder.path, 'tmux.conf');
    writeFileSync(config, recipe('tmux.conf'));
    /** The recipe's tmux drawn inside another tmux, whose pane is the screen a person looks at. */
    const statusLine = async (): Promise<string> => {
      const [outer, inner] = [`outer-${process.pid}`, `inner-${process.pid}`];
      await run(
        HOST_TOOLS.tmux,
        ['-L', outer, '-f', '/dev/null', 'new-session', '-d', '-x', '100', '-y', '5', `env -u TMUX tmux -L ${inner} -f ${config} new-session`],
        { env },
      );
      try {
        return await eventually(async () => {
          const { stdout } = await run(HOST_TOOLS.tmux, ['-L', outer, 'capture-pane', '-p']);
          const last = stdout.trimEnd().split('\n').at(-1) ?? '';
          return / visitors \| \d\d:\d\d$/.test(last) && !/\] {2,}visitors/.test(last) ? last : null;
        }, 'tmux status line');
      } finally {
        spawnSync(HOST_TOOLS.tmux, ['-L', inner, 'kill-server']);
        spawnSync(HOST_TOOLS.tmux, ['-L', outer, 'kill-server']);
      }
    };
    expect(await statusLine()).toMatch(/ 42 visitors \| \d\d:\d\d$/);
    unreachable(fake);
    expect(await statusLine()).toMatch(/ ⚠ visitors \| \d\d:\d\d$/);
    rejecting(fake);
    expect(await statusLine()).toMatch(/ ⚠ visitors \| \d\d:\d\d$/);
    fake.clearFaults();
    expect(await statusLine()).toMatch(/ 42 visitors \| \d\d:\d\d$/);
  }, 60_000);

  it('polybar: one runner shows the count, a red ⚠ and never its stderr, keeps running on a rejected token, and comes back when the key is replaced', async () => {
    const env = await profile('polybar');
    const x = await startXvfb(900, 60);
    const config = join(folder.path, 'polybar.ini');
    // A bar of the size people use, with the recipe's module pasted in below it as written.
    writeFileSync(
      config,
      [
        '[bar/test]',
        'width = 100%',
        'height = 40',
        'background = #222222',
        'foreground = #eeeeee',
        'font-0 = DejaVu Sans:size=16;3',
        'modules-left = datafast',
        '',
        recipe('polybar.ini'),
      ].join('\n'),
    );
    const host = startGroup(HOST_TOOLS.polybar, ['-c', config, '-r', 'test'], { ...env, DISPLAY: x.display });
    const shot = barShots('polybar', folder.path, (png) => screenshotX(x.display, png));
    try {
      const fresh = await shot('fresh', (bar) => /visitors 42/.test(bar.text));
      expect(fresh.redPixels).toBe(0);
      unreachable(fake);
      const down = await shot('unreachable', (bar) => bar.redPixels > 30);
      // ⚠ beside the last count, in red, and none of the runner's stderr.
      expect(down.text).toMatch(/^vis/);
      expect(down.text).not.toMatch(/datafast|Could|reach|ECONN/i);
      // The rejected read comes after the unreachable ones' backoff; the bar keeps ⚠ all along.
      await rejectedRead(fake);
      const rejected = await shot('rejected', (bar) => bar.redPixels > 30);
      expect(rejected.text).not.toMatch(/datafast|401|Invalid|accept/i);
      expect(host.exitCode).toBeNull();
      fake.clearFaults();
      // The user pastes a new key for Shop; the running bar follows the settings by itself.
      await addWebsite(env, TEST_TOKENS.mapRefused);
      const recovered = await shot('recovered', (bar) => /visitors 42/.test(bar.text) && bar.redPixels === 0);
      expect(recovered.text).not.toMatch(/⚠/);
    } finally {
      await endGroup(host);
      await x.stop();
    }
  }, 180_000);

  it.runIf(isRoot || required)(
    'waybar: the module shows the active website, a red ⚠, keeps running on a rejected token, and comes back when the key is replaced',
    async () => {
      expect(isRoot).toBe(true);
      // The user runs this checkout's runner, so every folder above it must let the user through
      // (a clone in `mktemp -d` is 0700): search permission only, taken back at the end.
      const opened = openPathTo(resolve(__dirname, '../..'));
      // sway refuses to run as root: the desktop is an unprivileged user's, with its own keyring.
      const user = 'datafast-bar';
      if (spawnSync('id', [user]).status !== 0) expect(spawnSync('useradd', ['--create-home', '--shell', '/bin/sh', user]).status).toBe(0);
      const home = join(folder.path, 'waybar');
      mkdirSync(home);
      const [uid, gid] = ['-u', '-g'].map((flag) => Number(spawnSync('id', [flag, user]).stdout.toString().trim())) as [number, number];
      chownSync(home, uid, gid);
      const module = JSON.parse(recipe('waybar-module.jsonc').replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
      writeFileSync(join(home, 'config'), JSON.stringify({ layer: 'top', height: 40, 'modules-left': ['custom/datafast'], ...module }));
      writeFileSync(
        join(home, 'style.css'),
        `* { font-family: "DejaVu Sans"; font-size: 20px; }\nwindow#waybar { background: #222222; color: #eeeeee; }\n${recipe('waybar-style.css')}`,
      );
      writeFileSync(join(home, 'sway.conf'), `output HEADLESS-1 resolution 900x60\nexec waybar -c ${home}/config -s ${home}/style.css\n`);
      const session = join(home, 'session.sh');
      // The user's login: an unlocked keyring, Shop added as the recipe says, then the desktop.
      writeFileSync(
        session,
        [
          'set -e',
          'printf pass | gnome-keyring-daemon --unlock --components=secrets >/dev/null',
          `printf %s "$DATAFAST_TOKEN" | datafast-menubar add --api-url ${fake.url}`,
          `echo "$DBUS_SESSION_BUS_ADDRESS" > ${home}/bus`,
          'exec sway -c "$HOME/sway.conf"',
        ].join('\n'),
      );
      const runtime = join(home, 'runtime');
      mkdirSync(runtime, { mode: 0o700 });
      chownSync(runtime, uid, gid);
      const userEnv = {
        HOME: home,
        PATH: `${bin}:/usr/bin:/bin`,
        XDG_RUNTIME_DIR: runtime,
        WLR_BACKENDS: 'headless',
        WLR_RENDERER: 'pixman',
        WLR_LIBINPUT_NO_DEVICES: '1',
        LANG: 'C.UTF-8',
        DATAFAST_MENUBAR_CONFIG_DIR: join(home, 'settings'),
      };
      /** setpriv's arguments that run `command` as the user, in only the user's environment plus `extra`. */
      const asUserArgs = (extra: Record<string, string>, command: readonly string[]): string[] => [
        `--reuid=${uid}`,
        `--regid=${gid}`,
        '--init-groups',
        'env',
        '-i',
        ...Object.entries({ ...userEnv, ...extra }).map(([name, value]) => `${name}=${value}`),
        ...command,
      ];
      const desktop = startGroup('setpriv', asUserArgs({ DATAFAST_TOKEN: TEST_TOKENS.shopKey }, ['dbus-run-session', '--', 'sh', session]), {}, home);
      const asUser = (command: string, extra: Record<string, string> = {}) => run('setpriv', asUserArgs(extra, ['sh', '-c', command]), { cwd: home });
      // sway names its socket wayland-0 or the first free number after it.
      const shot = barShots('waybar', home, (png) => asUser(`WAYLAND_DISPLAY=$(ls "$XDG_RUNTIME_DIR" | grep -m1 '^wayland-[0-9]*$') grim ${png}`));
      try {
        const fresh = await shot('fresh', (bar) => /\b42\b/.test(bar.text));
        expect(fresh.redPixels).toBe(0);
        unreachable(fake);
        await shot('unreachable', (bar) => bar.redPixels > 30);
        await rejectedRead(fake);
        await shot('rejected', (bar) => bar.redPixels > 30);
        // The module's runner is still the first one: it kept running with ⚠ and the reason.
        const { stdout: runners } = await asUser('pgrep -fc "dist/cli.mjs --format waybar" || pgrep -fc "datafast-menubar --format waybar"');
        expect(Number(runners.trim())).toBeGreaterThanOrEqual(1);
        fake.clearFaults();
        const bus = readFileSync(join(home, 'bus'), 'utf8').trim();
        // The user pastes a new key for Shop: the settings file is saved again with the same text.
        await asUser(`printf %s "$DATAFAST_TOKEN" | datafast-menubar add --api-url ${fake.url}`, {
          DATAFAST_TOKEN: TEST_TOKENS.mapRefused,
          DBUS_SESSION_BUS_ADDRESS: bus,
        });
        const recovered = await shot('recovered', (bar) => /\b42\b/.test(bar.text) && bar.redPixels === 0);
        expect(recovered.text).not.toMatch(/⚠/);
      } catch (error) {
        throw new Error(`${String(error)}\nThe desktop said:\n${desktop.output().slice(-3000)}`);
      } finally {
        await endGroup(desktop);
        spawnSync('pkill', ['-KILL', '-u', user]);
        for (const [folder, mode] of opened) chmodSync(folder, mode);
      }
    },
    240_000,
  );
});
