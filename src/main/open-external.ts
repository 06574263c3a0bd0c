import type { Shell } from 'electron';
import { isAllowedExternalUrl } from '../core/datafast/dashboard';

/**
 * The app's only door to the user's browser: https URLs on DataFast's own host, nothing else,
 * checked right here where the URL is handed over. Returns whether it was opened.
 */
export function openDataFastUrl(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url, { activate: true });
  return true;
}
