/**
 * The bounds and defaults of everything a person can set. One source for the settings schema,
 * the IPC checks, the settings window's inputs and the runner, so they cannot drift apart.
 */

/** Our own website key: the keychain account name and what everything else refers to a website by. */
export const WEBSITE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const LABEL_MAX_LENGTH = 80;
export const MAX_WEBSITES = 50;

export const REFRESH_SECONDS = { min: 10, max: 600, default: 30 } as const;
export const SPIKE_FACTOR = { min: 1.2, max: 20, default: 2 } as const;
export const SPIKE_MINIMUM = { min: 1, max: 1_000_000, default: 10 } as const;
export const COOLDOWN_MINUTES = { min: 1, max: 1_440, default: 30 } as const;
/** A website's own alert level (visitors); none by default. */
export const SPIKE_THRESHOLD_MAX = 10_000_000;
