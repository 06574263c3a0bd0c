import { redactTokens } from '../datafast/redact';
import type { PollOutcome } from '../polling/poll-entry';

/** Where log lines go: a file in the app, nowhere in tests that do not ask. */
export interface LogSink {
  error(line: string): void;
  warn(line: string): void;
  info(line: string): void;
}

/**
 * The app's log, for a person to send when something goes wrong: errors, refused IPC calls and
 * poll failures. Every line passes through the same redaction as the messages the app shows, so
 * a token can never reach the file. Poll failures are written when they start, change or end,
 * not at every retry: a day offline is a few lines, not thousands.
 */
export class AppLog {
  readonly #sink: LogSink;
  readonly #failing = new Map<string, string>();

  constructor(sink: LogSink) {
    this.#sink = sink;
  }

  error(text: string): void {
    this.#sink.error(redactTokens(text));
  }

  warn(text: string): void {
    this.#sink.warn(redactTokens(text));
  }

  info(text: string): void {
    this.#sink.info(redactTokens(text));
  }

  poll(outcome: PollOutcome): void {
    const previous = this.#failing.get(outcome.websiteKey);
    if (outcome.ok) {
      if (previous === undefined) return;
      this.#failing.delete(outcome.websiteKey);
      this.info(`website ${outcome.websiteKey}: reading again (${outcome.visitors} visitors)`);
      return;
    }
    const failure = `${outcome.error.kind}: ${outcome.error.message}`;
    if (previous === failure) return;
    this.#failing.set(outcome.websiteKey, failure);
    this.warn(`website ${outcome.websiteKey}: ${failure}`);
  }
}

/** A sink that writes nothing, for where no log was asked for. */
export const NO_LOG: LogSink = { error: () => undefined, warn: () => undefined, info: () => undefined };
