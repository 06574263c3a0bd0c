import { execFile } from 'node:child_process';

/** Whether the keychain's default collection is locked, as far as can be told without touching it. */
export type LockState = 'locked' | 'unlocked' | 'unknown';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * Asks the Secret Service (gnome-keyring, KWallet) over D-Bus whether the default collection is
 * locked. keytar cannot be asked: on a locked collection its findCredentials crashes the process
 * natively and getPassword answers "nothing stored". `dbus-send` ships with D-Bus itself; where it
 * is missing, or the service does not answer, the state is unknown and keytar is used as before.
 */
export function secretServiceLockState(run: typeof execFile = execFile): Promise<LockState> {
  return new Promise((resolve) => {
    run(
      'dbus-send',
      [
        '--session',
        '--print-reply',
        '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets/aliases/default',
        'org.freedesktop.DBus.Properties.Get',
        'string:org.freedesktop.Secret.Collection',
        'string:Locked',
      ],
      { timeout: PROBE_TIMEOUT_MS, windowsHide: true },
      (error, stdout) => {
        if (error) return resolve('unknown');
        const value = /boolean\s+(true|false)/.exec(stdout)?.[1];
        resolve(value === 'true' ? 'locked' : value === 'false' ? 'unlocked' : 'unknown');
      },
    );
  });
}
