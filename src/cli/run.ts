import { createDataFastClient, requireTokenKind, type FetchFunction } from '../core/client';
import type { Clock } from '../core/clock';
import { dashboardUrl } from '../core/dashboard';
import { createDemoReader, DEMO_WEBSITE_ID } from '../core/demo-source';
import { Engine } from '../core/engine';
import { DataFastError, needsUserAction } from '../core/errors';
import { present } from '../core/presenter';
import { normaliseToken } from '../core/token';
import { parseRunnerArgs, UsageError, type RunnerOptions } from './args';
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from './exit-codes';
import { renderSnapshot, renderSpike } from './output';
import { USAGE } from './usage';

export interface RunnerIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch?: FetchFunction;
  readonly clock?: Clock;
  /** Ends watch mode (Ctrl-C, SIGTERM). */
  readonly stopSignal?: AbortSignal;
}

interface Website {
  readonly websiteId: string;
  readonly label: string;
  readonly dataFastId: string | null;
  readonly demo: boolean;
  readonly read: (signal: AbortSignal) => Promise<number>;
}

/** Runs the headless program and resolves to its exit status. Never calls process.exit itself. */
export async function runRunner(argv: readonly string[], io: RunnerIO): Promise<number> {
  let options: RunnerOptions;
  let website: Website;
  try {
    options = parseRunnerArgs(argv);
    if (options.help) {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    website = websiteFromEnvironment(options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof DataFastError) {
      io.stderr(`datafast-menubar: ${error.message}`);
      return error instanceof DataFastError ? exitCodeFor(error.kind) : EXIT_USAGE;
    }
    throw error;
  }
  return options.once ? readOnce(options, website, io) : watch(options, website, io);
}

function websiteFromEnvironment(options: RunnerOptions, io: RunnerIO): Website {
  if (options.demo) {
    const now = io.clock ? () => io.clock?.now() ?? Date.now() : Date.now;
    const read = createDemoReader({ now });
    return { websiteId: DEMO_WEBSITE_ID, label: 'Demo website', dataFastId: null, demo: true, read: (signal) => read(signal) };
  }
  const raw = io.env['DATAFAST_API_KEY'];
  if (raw === undefined || raw.trim() === '') {
    throw new UsageError('No token: set DATAFAST_API_KEY to your DataFast website key (df_…) or account token (dft_…), or try --demo.');
  }
  const token = normaliseToken(raw);
  const kind = requireTokenKind(token);
  if (kind === 'account-token' && options.websiteId === null) {
    throw new UsageError('An account token (dft_…) needs --website-id ID to say which website to watch.');
  }
  if (kind === 'website-key' && options.websiteId !== null) {
    throw new UsageError('--website-id is only for account tokens (dft_…); a website key (df_…) already names its website.');
  }
  const client = createDataFastClient({
    ...(options.apiUrl !== null && { apiUrl: options.apiUrl }),
    ...(io.fetch !== undefined && { fetch: io.fetch }),
  });
  const credentials = { token, websiteId: options.websiteId ?? undefined };
  return {
    websiteId: options.websiteId ?? 'website',
    label: options.websiteId ?? 'DataFast website',
    dataFastId: options.websiteId,
    demo: false,
    read: (signal) => client.realtimeVisitors(credentials, signal),
  };
}

function makeEngine(options: RunnerOptions, website: Website, io: RunnerIO, onUpdate: () => void, onSpike: (line: string | null) => void): Engine {
  const engine = new Engine({
    intervalMs: options.intervalMs,
    ...(io.clock !== undefined && { clock: io.clock }),
    onUpdate,
    onSpike: (spike) => onSpike(renderSpike(options.format, spike, website.label)),
  });
  engine.setWebsites([{ websiteId: website.websiteId, budgetKey: 'runner', revision: '1', threshold: null, read: website.read }]);
  return engine;
}

function snapshotText(options: RunnerOptions, website: Website, engine: Engine, now: number): { text: string; failure: DataFastError | null } {
  const poll = engine.scheduler.state(website.websiteId);
  if (!poll) throw new Error('The runner lost track of its website.');
  const view = present({
    websites: [{ websiteId: website.websiteId, label: website.label, poll, demo: website.demo }],
    activeId: website.websiteId,
    mode: 'active',
    numberFormat: 'compact',
    now,
  });
  const text = renderSnapshot(options.format, {
    view,
    poll,
    label: website.demo ? `${website.label} (demo)` : website.label,
    dashboardUrl: website.dataFastId ? dashboardUrl(website.dataFastId) : null,
  });
  return { text, failure: poll.error ? new DataFastError(poll.error) : null };
}

async function readOnce(options: RunnerOptions, website: Website, io: RunnerIO): Promise<number> {
  const engine = makeEngine(options, website, io, () => undefined, () => undefined);
  engine.start();
  await engine.scheduler.refreshNow(website.websiteId);
  engine.stop();
  const { text, failure } = snapshotText(options, website, engine, io.clock?.now() ?? Date.now());
  // Status bars show stdout even on failure, so xbar and waybar always get a line to draw.
  if (!failure || options.format !== 'text') io.stdout(text);
  if (failure) {
    io.stderr(`datafast-menubar: ${failure.message}`);
    return exitCodeFor(failure.kind);
  }
  return EXIT_OK;
}

function watch(options: RunnerOptions, website: Website, io: RunnerIO): Promise<number> {
  return new Promise((resolve) => {
    let lastError: string | null = null;
    const finish = (code: number): void => {
      engine.stop();
      io.stopSignal?.removeEventListener('abort', onStop);
      resolve(code);
    };
    const onStop = (): void => finish(EXIT_OK);
    const engine = makeEngine(
      options,
      website,
      io,
      () => {
        const { text, failure } = snapshotText(options, website, engine, io.clock?.now() ?? Date.now());
        io.stdout(text);
        if (failure && failure.message !== lastError) io.stderr(`datafast-menubar: ${failure.message}`);
        lastError = failure?.message ?? null;
        // Nothing will change until the user fixes the token or website, so say so and stop.
        if (failure && needsUserAction(failure.kind)) finish(exitCodeFor(failure.kind));
      },
      (line) => {
        if (line !== null) io.stdout(line);
      },
    );
    if (io.stopSignal?.aborted) {
      resolve(EXIT_OK);
      return;
    }
    io.stopSignal?.addEventListener('abort', onStop, { once: true });
    engine.start();
  });
}
