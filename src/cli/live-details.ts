import { errorMessage } from '../core/datafast/errors';
import { redactTokens } from '../core/datafast/redact';
import { liveRead } from '../core/live/live-reader';
import type { LiveSummary } from '../core/live/live-summary';
import { SaleTracker } from '../core/live/sale-tracker';
import type { Sale } from '../core/live/sales';
import type { TodayComparison } from '../core/live/today';
import { createTodayReader } from '../core/live/today-reader';
import type { WatchOptions } from './args';
import type { WatchedWebsite, WatchIO } from './watch';

/** The runner watches one website, the active one: its map every minute, as the app reads the active website's. */
export const RUNNER_MAP_EVERY_MS = 60_000;

/** What `--details` adds to a reading; null where it is not known (yet, or for this website). */
export interface RunnerDetails {
  readonly today: TodayComparison | null;
  readonly live: LiveSummary | null;
}

export interface LiveWatch {
  /** The website, its read now also reading the map and today's series when they are due. */
  readonly website: WatchedWebsite;
  details(): RunnerDetails;
}

/**
 * `--details` and `--sales` on a watched website: the map stands in for the count read once a
 * minute, new payments are told apart from the ones present at start (never printed), and
 * today's series is read every 5 minutes. A website DataFast refuses the map for is said once on
 * stderr and goes on counting.
 */
export function withLiveDetails(
  website: WatchedWebsite,
  options: WatchOptions,
  io: Pick<WatchIO, 'stderr'> & { readonly now: () => number },
  onSales: (sales: readonly Sale[]) => void,
): LiveWatch {
  const source = website.live;
  let live: LiveSummary | null = null;
  let today: TodayComparison | null = null;
  const details = (): RunnerDetails => ({ today, live });
  if (!source || (!options.details && !options.sales)) return { website, details };
  const { now } = io;
  const tracker = new SaleTracker();
  const countRead = liveRead({
    readCount: (signal) => website.read(signal),
    readMap: (signal) => source.readMap(signal),
    now,
    mapEveryMs: () => RUNNER_MAP_EVERY_MS,
    onMap: (map, at) => {
      live = map.summary;
      const fresh = tracker.observe(website.websiteKey, map.sales, at);
      if (fresh.length > 0) onSales(fresh);
    },
    onMapRefused: (reason) => io.stderr(`datafast-menubar: ${reason}`),
  });
  const todayReader = options.details
    ? createTodayReader({ readHours: (range, signal) => source.readHours(range, signal), timeZone: (signal) => source.timeZone(signal), now })
    : null;
  let lastTodayProblem: string | null = null;
  const read = async (signal: AbortSignal): Promise<number> => {
    const visitors = await countRead(signal);
    if (todayReader?.due(now())) {
      try {
        today = await todayReader.read(signal);
        lastTodayProblem = null;
      } catch (error) {
        // Today's numbers are a nicety beside the count: a failure is said once, and the count stands.
        const problem = redactTokens(errorMessage(error));
        if (problem !== lastTodayProblem) io.stderr(`datafast-menubar: today's visitors could not be read (${problem}).`);
        lastTodayProblem = problem;
      }
    }
    return visitors;
  };
  return { website: { ...website, read }, details };
}
