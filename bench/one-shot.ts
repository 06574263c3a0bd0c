/**
 * What one `--once` read costs, since xbar, tmux and i3blocks without `persist` start the runner
 * for every refresh: the runner beside bare `node -e 0`, and beside the `curl … | jq` one-liner a
 * user weighs it against, when both are installed. A website key from the environment over
 * http and over https (a loopback TLS server, its test CA given through NODE_EXTRA_CA_CERTS),
 * and a token from the keychain. Runs are paired, A B A B, and each figure is the median of the
 * pairs' ratios, so a comparison holds while the machine's speed drifts. Each run is measured by
 * GNU time (CPU, peak memory of the process and all it waited for) where it is installed; its CPU
 * is in hundredths of a second, so CPU is compared as the sum over all runs.
 *
 * Node reads NODE_EXTRA_CA_CERTS at every start, before any script: with a system's whole bundle
 * (as some machines set it) that alone is most of bare node's start. Each pair runs in the same
 * environment, and the http read is measured both as the environment is and without it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { standardFake, TEST_TOKENS, type FakeDataFast } from '../test/support/fake-datafast';
import { testCertificates } from '../test/support/test-ca';

const CLI = resolve('dist/cli.mjs');
const PAIRS = 15;
const GNU_TIME = '/usr/bin/time';
const BENCH_SERVICE = 'DataFast Menubar bench';

interface Run {
  readonly wallMs: number;
  readonly cpuSeconds: number;
  readonly peakMiB: number;
  readonly code: number | null;
}

interface Command {
  readonly name: string;
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function onPath(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** One run, started asynchronously so the servers in this process can answer it. */
function runOnce(command: Command, folder: string): Promise<Run> {
  const measured = existsSync(GNU_TIME);
  const report = join(folder, 'time.txt');
  const argv = measured ? [GNU_TIME, '-f', '%U %S %M', '-o', report, ...command.argv] : command.argv;
  const started = performance.now();
  return new Promise((done, fail) => {
    const child = spawn(argv[0] ?? '', argv.slice(1), { env: command.env, stdio: 'ignore' });
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      if (!measured) return done({ wallMs, cpuSeconds: Number.NaN, peakMiB: Number.NaN, code });
      const [user = 'NaN', system = 'NaN', kib = 'NaN'] = readFileSync(report, 'utf8').trim().split('\n').at(-1)?.split(' ') ?? [];
      done({ wallMs, cpuSeconds: Number(user) + Number(system), peakMiB: Number(kib) / 1024, code });
    });
  });
}

interface Paired {
  readonly a: Run;
  readonly b: Run;
  readonly wall: number;
  readonly cpu: number;
  readonly memory: number;
}

/** A and B in turn, after one warm-up of each: medians of each and of the pair-by-pair ratios. */
async function paired(a: Command, b: Command, folder: string): Promise<Paired> {
  await runOnce(a, folder);
  await runOnce(b, folder);
  const runs: Array<[Run, Run]> = [];
  for (let i = 0; i < PAIRS; i++) runs.push([await runOnce(a, folder), await runOnce(b, folder)]);
  const failed = runs.find(([run]) => run.code !== 0);
  if (failed) throw new Error(`${a.name} exited with ${String(failed[0].code)}`);
  const of = (pick: (run: Run) => number, side: 0 | 1): number => median(runs.map((pair) => pick(pair[side])));
  const ratio = (pick: (run: Run) => number): number => median(runs.map(([x, y]) => pick(x) / pick(y)));
  const total = (side: 0 | 1): number => runs.reduce((sum, pair) => sum + pair[side].cpuSeconds, 0);
  const summary = (side: 0 | 1): Run => ({
    wallMs: of((run) => run.wallMs, side),
    cpuSeconds: total(side) / runs.length,
    peakMiB: of((run) => run.peakMiB, side),
    code: 0,
  });
  return {
    a: summary(0),
    b: summary(1),
    wall: ratio((run) => run.wallMs),
    cpu: total(0) / total(1),
    memory: ratio((run) => run.peakMiB),
  };
}

const figures = (run: Run): string => `${run.wallMs.toFixed(0)} ms, ${(run.cpuSeconds * 1000).toFixed(0)} ms CPU, ${run.peakMiB.toFixed(1)} MiB`;

function print(what: string, result: Paired, against: string, goal = ''): void {
  console.log(
    `one-shot read, ${what}: runner ${figures(result.a)}; ${against} ${figures(result.b)}; ratio wall ${result.wall.toFixed(2)}×, CPU ${result.cpu.toFixed(2)}×, peak memory ${result.memory.toFixed(2)}×${goal}`,
  );
}

/** A configured website whose token the runner's own `add` put in the keychain, or why there is none. */
async function keychainFolder(fake: FakeDataFast, env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, 'add', '--api-url', fake.url], { env, stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done(code === 0 ? null : stderr.trim() || `exit ${String(code)}`));
    child.stdin.end(TEST_TOKENS.shopKey);
  });
}

export async function benchOneShot(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'datafast-bench-once-'));
  const certificates = testCertificates(folder);
  const [plain, secure] = await Promise.all([standardFake(), standardFake(certificates)]);
  try {
    if (!existsSync(GNU_TIME))
      console.log(`one-shot read: ${GNU_TIME} is not installed, so CPU and peak memory are not measured (Debian: apt-get install time)`);
    // This machine's environment (the session bus for the keychain too), with no token or proxy of its own.
    const given = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^DATAFAST_|_proxy$/i.test(name)));
    const env = { ...given, HOME: folder, DATAFAST_MENUBAR_CONFIG_DIR: folder, DATAFAST_MENUBAR_KEYCHAIN_SERVICE: BENCH_SERVICE };
    const clean = Object.fromEntries(Object.entries(env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'));
    const trusting = { ...env, NODE_EXTRA_CA_CERTS: certificates.caPath };
    const bare = (environment: NodeJS.ProcessEnv): Command => ({ name: 'bare node', argv: [process.execPath, '-e', '0'], env: environment });
    const runner = (apiUrl: string, environment: NodeJS.ProcessEnv): Command => ({
      name: 'the runner',
      argv: [process.execPath, CLI, '--once', '--api-url', apiUrl],
      env: { ...environment, DATAFAST_API_KEY: TEST_TOKENS.shopKey },
    });
    const extraCerts = process.env['NODE_EXTRA_CA_CERTS'];
    const asGiven = extraCerts ? `NODE_EXTRA_CA_CERTS=${extraCerts} as this machine sets it` : 'no NODE_EXTRA_CA_CERTS';
    const goal = ' (goal ≤ 1.5× wall, ≤ 50 MiB)';
    print(`website key from the environment, http on loopback, ${asGiven}`, await paired(runner(plain.url, env), bare(env), folder), 'bare node', goal);
    if (extraCerts) {
      print(
        'website key from the environment, http on loopback, without NODE_EXTRA_CA_CERTS',
        await paired(runner(plain.url, clean), bare(clean), folder),
        'bare node',
        goal,
      );
    }
    print(
      'website key from the environment, https on loopback (the test CA in NODE_EXTRA_CA_CERTS)',
      await paired(runner(secure.url, trusting), bare(trusting), folder),
      'bare node',
    );
    if (onPath('curl') && onPath('jq')) {
      const oneLiner = (url: string): Command => ({
        name: 'curl | jq',
        argv: [
          'sh',
          '-c',
          `curl -fsS --cacert '${certificates.caPath}' -H "Authorization: Bearer $DATAFAST_API_KEY" '${url}/api/v1/analytics/realtime?fields=visitors' | jq -r '.data[0].visitors'`,
        ],
        env: { ...trusting, DATAFAST_API_KEY: TEST_TOKENS.shopKey },
      });
      print('website key, http, beside a curl | jq one-liner', await paired(runner(plain.url, trusting), oneLiner(plain.url), folder), 'curl | jq');
      print('website key, https, beside a curl | jq one-liner', await paired(runner(secure.url, trusting), oneLiner(secure.url), folder), 'curl | jq');
    } else {
      console.log('one-shot read beside curl | jq: not measured, curl or jq is not installed');
    }
    const notAdded = await keychainFolder(plain, env);
    if (notAdded !== null) {
      console.log(`one-shot read, token from the keychain: not measured, the keychain could not take the token (${notAdded})`);
    } else {
      const fromKeychain: Command = { name: 'the runner', argv: [process.execPath, CLI, '--once'], env };
      print('token from the keychain (settings file, keytar, the D-Bus lock probe on Linux), http', await paired(fromKeychain, bare(env), folder), 'bare node');
      execFileSync(process.execPath, [CLI, 'remove', 'Shop'], { env, stdio: 'ignore' });
    }
  } finally {
    await Promise.all([plain.close(), secure.close()]);
    rmSync(folder, { recursive: true, force: true });
  }
}
