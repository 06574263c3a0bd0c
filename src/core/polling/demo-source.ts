import { websiteKey } from '../../shared/website-ids';
/**
 * Simulated visitors for trying the app without an account: a daily rhythm, a mean-reverting
 * random walk around it, and now and then a spike that decays over a few minutes.
 */
export interface DemoSourceOptions {
  readonly now?: () => number;
  readonly random?: () => number;
  /** Typical visitors at the day's busiest hour. */
  readonly peak?: number;
}

export const DEMO_WEBSITE_KEY = websiteKey('demo');

/**
 * Where the random walk would stand at a moment, smooth in time: a first reading starts there.
 * One-shot hosts (i3blocks, tmux, xbar) start a new runner for every reading, so each is a first
 * reading, and the rhythm alone moves too slowly to change the number between them.
 */
function driftAt(at: number, peak: number): number {
  const seconds = at / 1000;
  return peak * 0.07 * (Math.sin(seconds / 41) + Math.sin(seconds / 127 + 1) + Math.sin(seconds / 307 + 2));
}

export function createDemoReader(options: DemoSourceOptions = {}): (signal?: AbortSignal) => Promise<number> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const peak = options.peak ?? 60;
  let level: number | null = null;
  let spike = 0;

  return (signal) => {
    if (signal?.aborted) return Promise.reject(signal.reason as Error);
    const time = new Date(now());
    const hour = time.getHours() + time.getMinutes() / 60;
    // Quietest around 4 am, busiest around 4 pm.
    const rhythm = peak * (0.55 + 0.45 * Math.sin(((hour - 10) / 24) * 2 * Math.PI));
    level = level === null ? rhythm + driftAt(time.getTime(), peak) : level + 0.3 * (rhythm - level) + (random() - 0.5) * peak * 0.15;
    if (spike < 1 && random() < 0.03) spike = peak * (1.5 + 2 * random());
    spike *= 0.75;
    return Promise.resolve(Math.max(0, Math.round(level + spike)));
  };
}
