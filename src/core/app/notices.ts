/**
 * Things the person should know (a settings file set aside, a keychain that cannot be read),
 * shown in the settings window until the app quits, or until the problem goes away.
 */
export class Notices {
  #notices: string[];
  readonly #onChange: () => void;

  constructor(initial: readonly string[], onChange: () => void) {
    this.#notices = [...initial];
    this.#onChange = onChange;
  }

  add(message: string): void {
    if (!this.#notices.includes(message)) this.#notices.push(message);
    this.#onChange();
  }

  /** Takes a notice back once what it said is no longer true. */
  withdraw(message: string): void {
    const kept = this.#notices.filter((notice) => notice !== message);
    if (kept.length === this.#notices.length) return;
    this.#notices = kept;
    this.#onChange();
  }

  list(): string[] {
    return [...this.#notices];
  }
}
