import type { WebsiteKey } from '../shared/settings-shapes';
import type { PollState } from '../core/polling/poll-entry';
import { oneShotMessage, reportAnyFailure } from './failures';
import type { HttpTransport } from '../core/datafast/http-transport';
import { systemClock, type Clock } from '../core/time/clock';
import { DASHBOARDS_URL, dashboardUrl } from '../core/datafast/dashboard';
import { Engine, pollingOf, type DesiredPolling, type EngineWebsite } from '../core/polling/engine';
import { DataFastError, needsUserAction } from '../core/datafast/errors';
import type { NumberFormatStyle } from '../shared/count-format';
import { present } from '../core/presenting/presenter';
import type { WatchOptions } from './args';
import type { LiveSource } from '../core/live/live-source';
import { EXIT_OK, exitCodeFor } from './exit-codes';
import { isBarFormat, renderSnapshot, renderSpike } from './output';
import { renderSale } from './details-output';
import { singleLine } from '../core/readings/format';
import { withLiveDetails, type LiveWatch, type RunnerDetails } from './live-details';

export interface WatchIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** In place of node:http(s), for a caller that answers requests itself. */
  readonly transport?: HttpTransport;
  readonly clock?: Clock;
  /** Ends watch mode (Ctrl-C, SIGTERM). */
  readonly stopSignal?: AbortSignal;
}

/** What the runner watches, however it was configured. */
export interface WatchedWebsite {
  readonly websiteKey: WebsiteKey;
  readonly label: string;
  readonly dataFastSiteId: string | null;
  readonly demo: boolean;
  readonly intervalMs: number;
  readonly numberFormat: NumberFormatStyle;
  readonly read: (signal: AbortSignal) => Promise<number>;
  /** Shared with other websites on the same token; changes when the token or address does. */
  readonly budgetKey?: string;
  readonly revision?: string;
  /** The website's name as DataFast gives it, for a website known only by its token. */
  readonly describe?: (signal: AbortSignal) => Promise<string>;
  /** The other configured websites, read beside it where the output lists them all (xbar). */
  readonly others?: readonly WatchedWebsite[];
  /** Where its live details and sales come from; absent for the demo. */
  readonly live?: LiveSource;
  /** Calls back with the website as settings now describe it (or why it is gone); returns stop. */
  readonly follow?: (onChange: (next: WatchedWebsite | Error) => void) => () => void;
}

export function clockOf(io: WatchIO): Clock {
  return io.clock ?? systemClock;
}

/**
 * The website with the name DataFast gives it, asked once beside the first reading. A name is a
 * nicety: without one (any failure) the reading goes on under the placeholder.
 */
async function described(website: WatchedWebsite, signal: AbortSignal): Promise<WatchedWebsite> {
  if (!website.describe) return website;
  try {
    return { ...website, label: await website.describe(signal) };
  } catch {
    return website;
  }
}

function makeEngine(
  options: WatchOptions,
  website: WatchedWebsite,
  io: WatchIO,
  onUpdate: () => void,
  onSpikeLine: (line: string | null) => void,
  label = (): string => website.label,
): Engine {
  const engine = new Engine({
    intervalMs: website.intervalMs,
    clock: clockOf(io),
    onUpdate,
    onSpike: (spike) => onSpikeLine(renderSpike(options.format, spike, label())),
  });
  engine.apply(pollingFor(website));
  return engine;
}

/** What the runner polls: the watched website on screen at its rate, with every other one the output lists. */
function pollingFor(website: WatchedWebsite): DesiredPolling {
  return pollingOf([website, ...(website.others ?? [])].map(engineEntry), { intervalMs: website.intervalMs, activeKey: website.websiteKey });
}

function engineEntry(website: WatchedWebsite): EngineWebsite {
  return { websiteKey: website.websiteKey, budgetKey: website.budgetKey ?? 'runner', revision: website.revision ?? '1', threshold: null, read: website.read };
}

function linkFor(website: WatchedWebsite): string {
  return website.dataFastSiteId ? dashboardUrl(website.dataFastSiteId) : DASHBOARDS_URL;
}

function snapshotText(
  options: WatchOptions,
  website: WatchedWebsite,
  engine: Engine,
  now: number,
  details: RunnerDetails | null,
  wording: (message: string) => string = (message) => message,
): { text: string; failure: DataFastError | null } {
  // A failure is said in the words of the mode: watch mode will try again, a one-shot read will not.
  const stateOf = (key: WebsiteKey): PollState | null => {
    const state = engine.state(key) ?? null;
    return state?.error ? { ...state, error: { ...state.error, message: wording(state.error.message) } } : state;
  };
  const poll = stateOf(website.websiteKey);
  if (!poll) throw new Error('The runner lost track of its website.');
  const all = [website, ...(website.others ?? [])];
  const view = present({
    websites: all.map((shown) => ({
      websiteKey: shown.websiteKey,
      label: shown.label,
      poll: stateOf(shown.websiteKey),
      demo: shown.demo,
    })),
    activeKey: website.websiteKey,
    mode: 'active',
    numberFormat: website.numberFormat,
    now,
  });
  const text = renderSnapshot(options.format, {
    view,
    poll,
    label: website.demo ? `${website.label} (demo)` : website.label,
    dashboardUrl: linkFor(website),
    websites: view.websites.map((menu, index) => ({ menu, dashboardUrl: linkFor(all[index] ?? website) })),
    details,
  });
  return { text, failure: poll.error ? new DataFastError(poll.error) : null };
}

/** The website with `--details`/`--sales` reading beside its count, when asked for. */
function liveWatchOf(options: WatchOptions, website: WatchedWebsite, io: WatchIO, label: () => string = () => website.label): LiveWatch {
  return withLiveDetails(website, options, { stderr: io.stderr, now: () => clockOf(io).now() }, (sales) => {
    for (const sale of sales) {
      const line = renderSale(options.format, sale, label(), clockOf(io).now());
      if (line !== null) io.stdout(line);
    }
  });
}

export async function readOnce(options: WatchOptions, configured: WatchedWebsite, io: WatchIO): Promise<number> {
  const liveWatch = liveWatchOf(options, configured, io);
  const engine = makeEngine(
    options,
    liveWatch.website,
    io,
    () => undefined,
    () => undefined,
  );
  engine.start();
  const reads = Promise.all([configured, ...(configured.others ?? [])].map((shown) => engine.refreshNow(shown.websiteKey)));
  const [website] = await Promise.all([described(configured, io.stopSignal ?? new AbortController().signal), reads]);
  engine.stop();
  const { text, failure } = snapshotText(options, website, engine, clockOf(io).now(), options.details ? liveWatch.details() : null, oneShotMessage);
  // Every format says the state on stdout (⚠ and the last count when known), as watch mode does:
  // tmux, polybar and i3blocks show stdout, and a blank would look like a calm zero.
  io.stdout(text);
  if (!failure) return EXIT_OK;
  io.stderr(`datafast-menubar: ${failure.message}`);
  // A status bar shows its own error screen for a failed plugin, hiding ours: bars get 0.
  return isBarFormat(options.format) ? EXIT_OK : exitCodeFor(failure.kind);
}

/**
 * How long a status bar's runner waits before asking again after a rejected token or an unknown
 * website: slowly, since only the user can fix it, and a fix made in the settings is seen sooner.
 */
export const RECHECK_REJECTED_MS = 300_000;

export function watch(options: WatchOptions, website: WatchedWebsite, io: WatchIO): Promise<number> {
  return new Promise((resolve) => {
    let lastError: string | null = null;
    let current = website;
    let unfollow = (): void => undefined;
    let recheck: unknown = null;
    const clock = clockOf(io);
    const cancelRecheck = (): void => {
      if (recheck !== null) clock.clearTimeout(recheck);
      recheck = null;
    };
    // A bar that loses its process shows nothing, or its host's own error, so a bar's runner stays
    // with ⚠ and the reason, asks again now and then, and follows the settings for a new token.
    const recheckLater = (): void => {
      if (recheck !== null) return;
      recheck = clock.setTimeout(() => {
        recheck = null;
        void engine.refreshNow(current.websiteKey);
      }, RECHECK_REJECTED_MS);
    };
    const finish = (code: number): void => {
      unfollow();
      cancelRecheck();
      engine.stop();
      io.stopSignal?.removeEventListener('abort', onStop);
      resolve(code);
    };
    const onStop = (): void => finish(EXIT_OK);
    // `--sales` in text is a feed of sales for a terminal: a count line every 30 s between them
    // would bury them. JSON tells each line by its type, so it keeps both.
    const salesFeed = options.sales && options.format === 'text';
    const printCount = (text: string): void => {
      if (!salesFeed) io.stdout(text);
    };
    if (salesFeed) io.stderr(`datafast-menubar: watching ${singleLine(website.label)} for new sales; each is printed here as it is seen.`);
    let liveWatch = liveWatchOf(options, website, io, () => current.label);
    const details = (): RunnerDetails | null => (options.details ? liveWatch.details() : null);
    const engine = makeEngine(
      options,
      liveWatch.website,
      io,
      () => {
        const { text, failure } = snapshotText(options, current, engine, clock.now(), details());
        printCount(text);
        if (failure && failure.message !== lastError) io.stderr(`datafast-menubar: ${failure.message}`);
        lastError = failure?.message ?? null;
        if (!failure || !needsUserAction(failure.kind)) cancelRecheck();
        // Nothing will change until the user fixes the token or website: a terminal is told so
        // and the run stops; a bar keeps its ⚠ and asks again slowly.
        else if (isBarFormat(options.format)) recheckLater();
        else finish(exitCodeFor(failure.kind));
      },
      (line) => {
        if (line !== null) io.stdout(line);
      },
      () => current.label,
    );
    if (io.stopSignal?.aborted) {
      resolve(EXIT_OK);
      return;
    }
    io.stopSignal?.addEventListener('abort', onStop, { once: true });
    // Settings changed by the app or another runner apply here too, as they do in the app.
    unfollow =
      website.follow?.((next) => {
        if (next instanceof Error) {
          finish(reportAnyFailure(next, io.stderr));
          return;
        }
        current = next;
        liveWatch = liveWatchOf(options, next, io, () => current.label);
        // The watched website and every other one the output lists: a stream that lists them all
        // (SwiftBar, xbar) would otherwise lose their counts at the first change of settings.
        engine.apply(pollingFor({ ...next, read: liveWatch.website.read }));
        printCount(snapshotText(options, current, engine, clock.now(), details()).text);
      }) ?? unfollow;
    engine.start();
    // A website known only by its token gets DataFast's name for it once, from the next update on.
    if (website.describe) {
      void described(website, io.stopSignal ?? new AbortController().signal).then((named) => {
        if (current === website) current = named;
      });
    }
  });
}
