/** Where a chart puts its time labels and how tall its scale is: pure, so tested without a browser. */

export const MINUTE = 60_000;

/** Tick spacings a clock reads easily, smallest first. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720].map((minutes) => minutes * MINUTE);

/** The smallest step giving at most five ticks across the span. */
export function timeStep(spanMs: number): number {
  return TIME_STEPS.find((step) => spanMs / step <= 5) ?? TIME_STEPS[TIME_STEPS.length - 1] ?? 720 * MINUTE;
}

/** Round times inside [from, to]: 14:15, 14:30, 14:45 rather than 14:07, 14:22. */
export function timeTicks(from: number, to: number): number[] {
  const step = timeStep(to - from);
  // Steps are whole minutes or hours of local time, so the first tick rounds in local time.
  const offset = new Date(from).getTimezoneOffset() * MINUTE;
  const ticks: number[] = [];
  for (let at = Math.ceil((from - offset) / step) * step + offset; at <= to; at += step) ticks.push(at);
  return ticks;
}

/** A scale top at or above the peak that halves to a round number: 4, 10, 20, 40, 50, 250… */
export function scaleTop(peak: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(1, peak)));
  const nice = [1, 2, 2.5, 4, 5, 10].map((factor) => factor * magnitude).find((top) => top >= peak && (top / 2) % 1 === 0);
  return Math.max(2, nice ?? 10 * magnitude);
}
