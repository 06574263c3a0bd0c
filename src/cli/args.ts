import { AppError } from '../core/datafast/errors';
import type { DataFastSiteId } from '../shared/settings-shapes';
import { dataFastSiteId } from '../shared/website-ids';
import { parseArgs } from 'node:util';
import { apiUrlProblem } from '../core/datafast/api-origin';
import { isAllowedInterval, MIN_INTERVAL_MS } from '../core/polling/intervals';
import { errorMessage } from '../core/datafast/errors';
import { tokenKind } from '../core/datafast/token';
import { REFRESH_SECONDS } from '../shared/setting-limits';

export type OutputFormat = 'text' | 'json' | 'waybar' | 'xbar' | 'swiftbar' | 'i3blocks' | 'polybar';
const FORMATS: readonly OutputFormat[] = ['text', 'json', 'waybar', 'xbar', 'swiftbar', 'i3blocks', 'polybar'];
/** Formats whose host reads the whole output of one run, never a stream of lines. */
const ONE_SHOT_FORMATS: ReadonlySet<OutputFormat> = new Set(['xbar', 'i3blocks']);

export interface WatchOptions {
  readonly command: 'watch';
  readonly once: boolean;
  readonly format: OutputFormat;
  /** Null when not given: the settings file's interval applies. */
  readonly intervalMs: number | null;
  readonly dataFastSiteId: DataFastSiteId | null;
  readonly website: string | null;
  readonly apiUrl: string | null;
  readonly demo: boolean;
  /** Adds today against yesterday and what is live now to each reading. */
  readonly details: boolean;
  /** Prints each sale first seen after start (watch mode). */
  readonly sales: boolean;
}

export interface AddOptions {
  readonly command: 'add';
  readonly dataFastSiteIds: readonly DataFastSiteId[];
  readonly all: boolean;
  readonly apiUrl: string | null;
}

export interface ListOptions {
  readonly command: 'list';
  readonly format: 'text' | 'json';
}

export interface RestoreOptions {
  readonly command: 'restore';
  readonly apiUrl: string | null;
}

export interface RemoveOptions {
  readonly command: 'remove';
  readonly target: string;
}

export interface HelpOptions {
  readonly command: 'help' | 'version';
}

export type RunnerCommand = WatchOptions | AddOptions | ListOptions | RemoveOptions | RestoreOptions | HelpOptions;

export class UsageError extends AppError {
  override readonly name = 'UsageError';

  constructor(message: string) {
    super('usage', message);
  }
}

const TOKEN_FLAGS = /^--?(token|api-key|apikey|key)(=|$)/i;
const WEBSITE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The demo moves fast enough to watch. */
const DEFAULT_DEMO_INTERVAL_MS = MIN_INTERVAL_MS;

/** Parses the command line; never accepts a token, since argv is visible to every user. */
export function parseRunnerArgs(argv: readonly string[]): RunnerCommand {
  for (const arg of argv) {
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    if (TOKEN_FLAGS.test(arg) || tokenKind(value.trim()) !== null) {
      throw new UsageError(
        'Tokens are not accepted as arguments: every user of this machine can read the command line. Set DATAFAST_API_KEY, or pipe the token into "datafast-menubar add".',
      );
    }
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: true,
      options: {
        once: { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        interval: { type: 'string' },
        'website-id': { type: 'string', multiple: true },
        website: { type: 'string' },
        all: { type: 'boolean', default: false },
        'api-url': { type: 'string' },
        demo: { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
        sales: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${argumentProblem(error)} Run with --help for usage.`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  if (values.version) return { command: 'version' };
  const [command, ...rest] = positionals;
  const dataFastSiteIds = (values['website-id'] ?? []).map((given) => {
    const id = given.trim();
    if (!WEBSITE_ID.test(id)) throw new UsageError(`"${id}" does not look like a DataFast website ID (letters and digits, as in the dashboard URL).`);
    return dataFastSiteId(id);
  });
  const apiUrl = values['api-url'] ?? null;
  const apiUrlRefused = apiUrl === null ? null : apiUrlProblem(apiUrl);
  if (apiUrlRefused) throw new UsageError(`--api-url: ${apiUrlRefused}`);

  switch (command) {
    case undefined:
      break;
    case 'add':
      expectNoMore(rest, 'add');
      if (values.all && dataFastSiteIds.length > 0) throw new UsageError('Use either --all or --website-id, not both.');
      return { command: 'add', dataFastSiteIds, all: values.all, apiUrl };
    case 'list': {
      expectNoMore(rest, 'list');
      const format = values.format;
      if (format !== 'text' && format !== 'json') throw new UsageError(`list prints text or json, not "${format}".`);
      return { command: 'list', format };
    }
    case 'restore':
      expectNoMore(rest, 'restore');
      return { command: 'restore', apiUrl };
    case 'remove': {
      const [target, ...extra] = rest;
      if (!target) throw new UsageError('Say which website to remove: datafast-menubar remove <label|domain|id>.');
      expectNoMore(extra, 'remove');
      return { command: 'remove', target };
    }
    default:
      throw new UsageError(`Unknown command "${command}": use add, list, remove or restore, or no command to watch. Run with --help for usage.`);
  }

  const format = values.format;
  if (!isFormat(format)) throw new UsageError(`Unknown format "${format}": use one of ${FORMATS.join(', ')}.`);
  let intervalMs: number | null = values.demo ? DEFAULT_DEMO_INTERVAL_MS : null;
  if (values.interval !== undefined) {
    intervalMs = Math.round(Number(values.interval) * 1000);
    if (!/^\d+(\.\d+)?$/.test(values.interval.trim()) || !isAllowedInterval(intervalMs)) {
      throw new UsageError(`--interval must be a number of seconds from ${REFRESH_SECONDS.min} to ${REFRESH_SECONDS.max} (got "${values.interval}").`);
    }
  }
  if (dataFastSiteIds.length > 1) throw new UsageError('Watch one website at a time: give --website-id once.');
  const once = values.once || ONE_SHOT_FORMATS.has(format);
  if (values.sales && (once || (format !== 'json' && format !== 'text'))) {
    throw new UsageError(
      '--sales prints a line for each new sale while it watches: use it without --once, with --format json or text (a status bar would show the line as its count).',
    );
  }
  if (values.demo && (values.details || values.sales))
    throw new UsageError('--details and --sales read a DataFast website; the demo has neither live details nor sales.');
  return {
    command: 'watch',
    once,
    format,
    intervalMs,
    dataFastSiteId: dataFastSiteIds[0] ?? null,
    website: values.website?.trim() || null,
    apiUrl,
    demo: values.demo,
    details: values.details,
    sales: values.sales,
  };
}

/** parseArgs speaks of positionals and `--`; a person typed an option we do not have. */
function argumentProblem(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? error.code : null;
  const option = /'(-[^']*)'/.exec(errorMessage(error))?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `Unknown option "${option}".`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    const name = option.split(' ')[0] ?? option;
    const said = errorMessage(error);
    if (said.includes('argument missing')) return `"${name}" needs a value.`;
    // The next word starts with "-", so it may be another option or a value such as a website named "---".
    if (said.includes('ambiguous'))
      return `"${name}" is followed by something that looks like an option. For a value that starts with "-", write ${name}=VALUE.`;
    return `"${name}" takes no value.`;
  }
  return `${errorMessage(error)}.`;
}

function expectNoMore(rest: readonly string[], command: string): void {
  if (rest.length > 0) throw new UsageError(`Unexpected "${rest.join(' ')}" after ${command}.`);
}

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}
