import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/run-cli';
import { childEnv } from '../support/child-env';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../support/fake-datafast';
import { keychainProblem, removeService, requireKeychain, testServiceName } from '../support/keychain';
import { tempDir } from '../support/temp';

/**
 * Every status-bar recipe, run as written: the command each host would run, taken from the file
 * a user copies (which README shows verbatim), with `datafast-menubar` installed on PATH the way
 * `npm link` puts it there, against the fake DataFast.
 */
const RECIPES = resolve(__dirname, '../../assets/status-bars');
const README = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');
const recipe = (name: string): string => readFileSync(join(RECIPES, name), 'utf8');

const problem = await keychainProblem();

interface Ran {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command as a host does; a streaming one is ended after its first line. */
function run(file: string, args: readonly string[], env: Record<string, string>, firstLineOnly = false): Promise<Ran> {
  return new Promise((done, fail) => {
    // Its own process group, so ending it ends the shell and the runner it started, as a bar does.
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (firstLineOnly && stdout.includes('\n') && child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const shell = (command: string, env: Record<string, string>, firstLineOnly = false): Promise<Ran> => run('/bin/sh', ['-c', command], env, firstLineOnly);

describe.skipIf((problem !== null && !requireKeychain) || process.platform === 'win32')('status-bar recipes, run as written', () => {
  let fake: FakeDataFast;
  const folder = tempDir('recipes-');
  const service = testServiceName();
  let env: Record<string, string>;

  beforeAll(async () => {
    if (problem) throw new Error(`CI needs a working Secret Service: ${problem}`);
    fake = await standardFake();
    const bin = join(folder.path, 'bin');
    mkdirSync(bin);
    symlinkSync(CLI, join(bin, 'datafast-menubar'));
    // The minimal PATH xbar gives plugins, plus where the runner was installed.
    env = childEnv({
      PATH: `${bin}:/usr/bin:/bin:/usr/sbin:/sbin`,
      DATAFAST_MENUBAR_CONFIG_DIR: join(folder.path, 'config'),
      DATAFAST_MENUBAR_KEYCHAIN_SERVICE: service,
    });
    // As each recipe says: add the website first, the token on stdin.
    const added = await shell(`printf %s "$DATAFAST_TOKEN" | datafast-menubar add --api-url ${fake.url}`, { ...env, DATAFAST_TOKEN: TEST_TOKENS.shopKey });
    expect(added).toMatchObject({ code: 0, stdout: 'Added Shop (shop.example.com).\n' });
  });
  afterAll(async () => {
    await removeService(service);
    await fake.close();
    folder.remove();
  });

  it.each(['datafast.30s.sh', 'datafast.stream.sh', 'waybar-module.jsonc', 'waybar-style.css', 'polybar.ini', 'i3blocks.conf', 'tmux.conf'])('shows %s in README exactly as the file has it, with no token in it', (name) => {
    const text = recipe(name);
    expect(README).toContain(text.trim());
    expect(text).not.toMatch(/DATAFAST_API_KEY=|df_[A-Za-z0-9]|dft_[A-Za-z0-9]/);
  });

  it('xbar/SwiftBar: the plugin runs with the minimal PATH and draws the count and its menu', async () => {
    const result = await run(join(RECIPES, 'datafast.30s.sh'), [], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('42');
    expect(lines).toContain('Refresh | refresh=true');
    expect(lines.some((line) => line.startsWith('Open dashboard | href=https://datafa.st/dashboard'))).toBe(true);
    expect(recipe('datafast.30s.sh').startsWith('#!/bin/sh\n')).toBe(true);
  });

  it('SwiftBar streaming: the plugin keeps running and sends each menu after a ~~~ line', async () => {
    expect(recipe('datafast.stream.sh')).toContain('<swiftbar.type>streamable</swiftbar.type>');
    const result = await run(join(RECIPES, 'datafast.stream.sh'), [], env, true);
    // Ended by the test after its first update, as SwiftBar ends it when the plugin is turned off.
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('~~~');
    expect(lines[1]).toBe('42');
  });

  it('xbar/SwiftBar: a failed read still exits 0, with ⚠ and the reason in the menu', async () => {
    fake.queueFault({ type: 'status', status: 500, message: 'Down | color=red' }, '/api/v1/analytics/realtime');
    const result = await run(join(RECIPES, 'datafast.30s.sh'), [], env);
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('⚠ | color=#e5484d');
    // The server's words are shown, but cannot add a parameter to the line that shows them.
    const said = lines.filter((line) => line.includes('Down'));
    expect(said.length).toBeGreaterThan(0);
    for (const line of said) expect(line.split('|')[1]).not.toContain('color=red');
    expect(lines).toContain('Refresh | refresh=true');
  });

  it('waybar: the module streams JSON with a class, for the active website', async () => {
    const module = JSON.parse(recipe('waybar-module.jsonc').replace(/^\s*\/\/.*$/gm, '')) as Record<string, { exec: string; 'return-type': string }>;
    const config = module['custom/datafast'];
    expect(config?.['return-type']).toBe('json');
    const result = await shell(config?.exec ?? 'false', env, true);
    expect(JSON.parse(result.stdout.split('\n')[0] ?? '')).toMatchObject({ text: '42', class: 'ok', alt: 'ok', tooltip: expect.stringContaining('Shop — 42 visitors') as unknown });
    expect(recipe('waybar-style.css')).toMatch(/#custom-datafast\.stale[\s\S]*#custom-datafast\.error/);
  });

  it('polybar: the module streams the count, coloured when it is not fresh', async () => {
    const exec = /^exec = (.+)$/m.exec(recipe('polybar.ini'))?.[1] ?? 'false';
    expect(recipe('polybar.ini')).toMatch(/^tail = true$/m);
    const result = await shell(exec, env, true);
    expect(result.stdout.split('\n')[0]).toBe('42');
  });

  it('i3blocks: the block prints its lines and exits 0, in colour when a read fails', async () => {
    const command = /^command=(.+)$/m.exec(recipe('i3blocks.conf'))?.[1] ?? 'false';
    expect(await shell(command, env)).toMatchObject({ code: 0, stdout: '42\n42\n' });
    fake.queueFault({ type: 'html', status: 502 }, '/api/v1/analytics/realtime');
    expect(await shell(command, env)).toMatchObject({ code: 0, stdout: '⚠\n⚠\n#e5484d\n' });
  });

  it('tmux: #() prints the count, and ⚠ rather than a blank when the read fails', async () => {
    const command = /#\((.+?)\)/.exec(recipe('tmux.conf'))?.[1] ?? 'false';
    expect((await shell(command, env)).stdout).toBe('42\n');
    fake.queueFault({ type: 'reset' }, '/api/v1/analytics/realtime');
    expect((await shell(command, env)).stdout).toBe('⚠\n');
  });
});
