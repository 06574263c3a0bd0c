import { parseArgs } from 'node:util';
import { isAllowedInterval, DEFAULT_INTERVAL_MS, MIN_INTERVAL_MS } from '../core/intervals';
import { tokenKind } from '../core/token';

export type OutputFormat = 'text' | 'json' | 'waybar' | 'xbar';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'waybar', 'xbar'];

export interface RunnerOptions {
  readonly once: boolean;
  readonly format: OutputFormat;
  readonly intervalMs: number;
  readonly websiteId: string | null;
  readonly apiUrl: string | null;
  readonly demo: boolean;
  readonly help: boolean;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const TOKEN_FLAGS = /^--?(token|api-key|apikey|key)(=|$)/i;

export function parseRunnerArgs(argv: readonly string[]): RunnerOptions {
  for (const arg of argv) {
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (TOKEN_FLAGS.test(arg) || tokenKind(value.trim()) !== null) {
      throw new UsageError(
        'Tokens are not accepted as arguments: every user of this machine can read the command line. Set DATAFAST_API_KEY instead.',
      );
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        once: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        interval: { type: 'string' },
        'website-id': { type: 'string' },
        'api-url': { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}. Run with --help for usage.`);
  }
  const { values } = parsed;
  const format = values.format;
  if (!isFormat(format)) throw new UsageError(`Unknown format "${format}": use one of ${FORMATS.join(', ')}.`);

  const demo = values.demo;
  let intervalMs = demo ? MIN_INTERVAL_MS : DEFAULT_INTERVAL_MS;
  if (values.interval !== undefined) {
    const seconds = Number(values.interval);
    intervalMs = Math.round(seconds * 1000);
    if (!/^\d+(\.\d+)?$/.test(values.interval.trim()) || !isAllowedInterval(intervalMs)) {
      throw new UsageError(`--interval must be a number of seconds from 10 to 600 (got "${values.interval}").`);
    }
  }
  const websiteId = values['website-id']?.trim() || null;
  if (websiteId !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(websiteId)) {
    throw new UsageError(`"${websiteId}" does not look like a DataFast website ID (letters and digits, as in the dashboard URL).`);
  }
  return {
    once: values.once || format === 'xbar',
    format,
    intervalMs,
    websiteId,
    apiUrl: values['api-url'] ?? null,
    demo,
    help: values.help,
  };
}

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}
