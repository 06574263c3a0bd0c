/**
 * Whether the settings window opens by itself at start: on a first run, with no website to show
 * in the tray, unless the app was started at login (`--hidden`), where a window would be unasked.
 */
export function opensSettingsAtStart(websiteCount: number, argv: readonly string[]): boolean {
  return websiteCount === 0 && !argv.includes('--hidden');
}
