/**
 * When reads happen, so that many websites on one token never arrive together: each background
 * website keeps its own place in its interval, and websites a 429 held resume one at a time.
 */

/** How far apart websites held by one token resume when the hold lifts. */
export const RESUME_SPACING_MS = 3_000;

/** A website's stable place within an interval: FNV-1a of its key, so it is the same every run. */
export function stablePhase(websiteKey: string, intervalMs: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < websiteKey.length; i++) hash = Math.imul(hash ^ websiteKey.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % intervalMs;
}

/**
 * When a website reads next after a read at `from`. On screen: one interval later. In the
 * background: at its own slot of the interval, never sooner than an interval after the last read
 * (the background rate is a ceiling), so background websites read in turn rather than together,
 * whatever brought them in step.
 */
export function nextReadAt(websiteKey: string, from: number, intervalMs: number, onScreen: boolean): number {
  if (onScreen) return from + intervalMs;
  const phase = stablePhase(websiteKey, intervalMs);
  return Math.ceil((from + intervalMs - phase) / intervalMs) * intervalMs + phase;
}

/**
 * How long after a 429 hold lifts a website reads: the active one at once, then the others on the
 * same token in the order given, each a few seconds after the last.
 */
export function resumeDelay(websiteKey: string, activeKey: string | null, sameToken: readonly string[]): number {
  if (websiteKey === activeKey) return 0;
  return (sameToken.filter((key) => key !== activeKey).indexOf(websiteKey) + 1) * RESUME_SPACING_MS;
}
