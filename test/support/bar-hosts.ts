import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The real status-bar programs from Debian, started the way a desktop starts them, and read back
 * the way a person reads them: i3blocks' JSON protocol, tmux's drawn status line, and screenshots
 * of polybar (on Xvfb) and waybar (in a headless sway) through a text recogniser.
 */

const run = promisify(execFile);

export const HOST_TOOLS = {
  polybar: '/usr/bin/polybar',
  i3blocks: '/usr/bin/i3blocks',
  i3: '/usr/bin/i3',
  sway: '/usr/bin/sway',
  waybar: '/usr/bin/waybar',
  tmux: '/usr/bin/tmux',
  xvfb: '/usr/bin/Xvfb',
  grim: '/usr/bin/grim',
  import: '/usr/bin/import',
  convert: '/usr/bin/convert',
  tesseract: '/usr/bin/tesseract',
} as const;

export const missingHostTools = (): string[] => Object.values(HOST_TOOLS).filter((tool) => !existsSync(tool));

/** Where each host's screenshots go, to be looked at. */
export const SCREENSHOTS = resolve(__dirname, '../../test-results/status-bars');

export function keepScreenshot(from: string, name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const to = join(SCREENSHOTS, name);
  copyFileSync(from, to);
  return to;
}

/** Waits until `check` gives a value, trying every `everyMs`; the last failure says what was seen. */
export async function eventually<T>(check: () => Promise<T | null>, what: string, timeoutMs = 60_000, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== null) return value;
      last = null;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not seen within ${timeoutMs / 1000} s${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((done) => setTimeout(done, everyMs));
  }
}

/** A process in its own group, so ending it ends what it started (a shell, the runner). */
export function startGroup(file: string, args: readonly string[], env: Record<string, string>, cwd?: string): ChildProcess & { output: () => string } {
  const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...(cwd !== undefined && { cwd }) });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

export async function endGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  // 'exit', not 'close': a daemon it started (a keyring) may hold its output open for good.
  const ended = new Promise<void>((done) => child.once('exit', () => done()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const late = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 3_000);
  await ended;
  clearTimeout(late);
}

/** An X server of its own; the display number is the one Xvfb reports free. */
export async function startXvfb(width: number, height: number): Promise<{ display: string; stop: () => Promise<void> }> {
  const server = spawn(HOST_TOOLS.xvfb, ['-displayfd', '1', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
    detached: true,
  });
  const number = await new Promise<string>((done, fail) => {
    let said = '';
    server.stdout.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('\n')) done(said.trim());
    });
    server.once('exit', (code) => fail(new Error(`Xvfb exited (${code})`)));
  });
  return { display: `:${number}`, stop: () => endGroup(server) };
}

export interface BarReading {
  /** What the text recogniser reads in the bar. */
  readonly text: string;
  /** Pixels drawn in the runner's red (#e5484d): the failing look. */
  readonly redPixels: number;
}

/**
 * Reads a bar's screenshot as an eye would: the strip `crop` (ImageMagick geometry) enlarged,
 * turned to dark text on white for the recogniser, and its red pixels counted.
 */
export async function readBar(png: string, crop: string): Promise<BarReading> {
  const strip = `${png}.strip.png`;
  const large = `${png}.large.png`;
  await run(HOST_TOOLS.convert, [png, '-crop', crop, '+repage', strip]);
  // Light text on a dark bar turned dark on white, its grey edges pushed to either side.
  await run(HOST_TOOLS.convert, [
    strip,
    '-colorspace',
    'gray',
    '-negate',
    '-level',
    '20%,80%',
    '-resize',
    '400%',
    '-bordercolor',
    'white',
    '-border',
    '40',
    large,
  ]);
  const { stdout } = await run(HOST_TOOLS.tesseract, [large, '-', '--psm', '7']);
  // Every pixel not near the red turns black, the red ones white: their mean is the red share.
  const { stdout: red } = await run(HOST_TOOLS.convert, [
    strip,
    '-fuzz',
    '18%',
    '-fill',
    'black',
    '+opaque',
    '#e5484d',
    '-fill',
    'white',
    '-opaque',
    '#e5484d',
    '-format',
    '%[fx:mean*w*h]',
    'info:',
  ]);
  return { text: stdout.replace(/\s+/g, ' ').trim(), redPixels: Math.round(Number(red)) };
}

/**
 * The bar `host` draws, taken by `capture` into a file under `folder` until it shows what `accept`
 * waits for; the accepted screenshot is kept in test-results/status-bars/ as `host-state.png`.
 */
export function barShots(host: string, folder: string, capture: (png: string) => Promise<unknown>) {
  return (state: string, accept: (bar: BarReading) => boolean): Promise<BarReading> =>
    eventually(async () => {
      const png = join(folder, `${host}-${state}.png`);
      await capture(png);
      // The top 40 px of a 900 px wide output: the bar, as both tests configure it.
      const bar = await readBar(png, '900x40+0+0');
      if (!accept(bar)) return null;
      keepScreenshot(png, `${host}-${state}.png`);
      return bar;
    }, `${host} ${state}`);
}

export async function screenshotX(display: string, file: string): Promise<string> {
  await run(HOST_TOOLS.import, ['-display', display, '-window', 'root', file]);
  return file;
}
