import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { childEnv } from './child-env';

export const CLI = resolve(__dirname, '../../dist/cli.mjs');

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first (npm test does).`);
}

/** Runs the built runner as a real process, as a status bar would. */
export function runCli(args: readonly string[], env: Record<string, string> = {}, stdin = ''): Promise<CliResult> {
  requireBuild();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: baseEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

/** Starts the runner in watch mode and collects stdout lines until `until` says enough. */
export function watchCli(
  args: readonly string[],
  env: Record<string, string>,
  until: (lines: string[]) => boolean,
  onLine: (lines: string[]) => void = () => undefined,
): Promise<{ lines: string[]; stderr: string; code: number | null }> {
  requireBuild();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: baseEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      lines.push(...parts);
      onLine(lines);
      if (until(lines)) child.kill('SIGTERM');
    });
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ lines, stderr, code }));
  });
}

/** The runner gets a throwaway settings folder unless the test names one: a test never touches real settings. */
let defaultConfigDir: string | null = null;
function baseEnv(env: Record<string, string>): Record<string, string> {
  defaultConfigDir ??= mkdtempSync(join(tmpdir(), 'datafast-menubar-cli-'));
  return childEnv({ DATAFAST_MENUBAR_CONFIG_DIR: defaultConfigDir, ...env });
}
