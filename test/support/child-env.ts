/**
 * The environment a test gives a child process: only what a test names, plus what any process
 * needs to run at all (PATH, home and temp folders, the session bus for the keychain, and on
 * Windows SYSTEMROOT, without which networking fails).
 */
const PASSED_THROUGH = [
  'PATH',
  'HOME',
  'DBUS_SESSION_BUS_ADDRESS',
  'DISPLAY',
  'XDG_RUNTIME_DIR',
  'SYSTEMROOT',
  'USERPROFILE',
  'APPDATA',
  'LOCALAPPDATA',
  'TEMP',
  'TMP',
];

export function childEnv(env: Record<string, string>): Record<string, string> {
  const inherited: Record<string, string> = {};
  for (const name of PASSED_THROUGH) {
    const value = process.env[name];
    if (value !== undefined) inherited[name] = value;
  }
  return { ...inherited, ...env };
}
