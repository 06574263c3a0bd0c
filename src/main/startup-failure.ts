import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import { errnoCode, errorMessage } from '../core/datafast/errors';
import { firstSentence } from '../core/presenting/presenter';
import { redactTokens } from '../core/datafast/redact';
import { PRODUCT_NAME } from '../shared/app-identity';

export interface StartupFailureActions {
  openSettingsFolder(): void;
  /** Moves the settings file aside (kept as a copy) and starts the app again. */
  resetSettings(): void;
  quit(): void;
}

/** What went wrong, in words a person can act on; tokens never appear. */
export function startupFailureMessage(error: unknown): string {
  const code = errnoCode(error);
  const detail = redactTokens(errorMessage(error)).replace(/\.$/, '');
  const fsHint =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? ' The settings folder cannot be written: check its permissions, or reset the settings.'
      : code === 'ENOTDIR' || code === 'EEXIST'
        ? ' Something that is not a folder stands where the settings folder should be.'
        : '';
  return `${PRODUCT_NAME} could not start: ${detail}.${fsHint}`;
}

/** The menu of an app that could not start: what went wrong, and the ways out. */
export function startupFailureTemplate(message: string, actions: StartupFailureActions): MenuItemConstructorOptions[] {
  return [
    { id: 'failure', label: `${PRODUCT_NAME} could not start`, enabled: false },
    { id: 'failure-detail', label: firstSentence(message.replace(`${PRODUCT_NAME} could not start: `, '')), enabled: false },
    { type: 'separator' },
    { id: 'open-folder', label: 'Open settings folder', click: () => actions.openSettingsFolder() },
    { id: 'reset', label: 'Reset settings (keeps a copy)', click: () => actions.resetSettings() },
    { type: 'separator' },
    { id: 'quit', label: `Quit ${PRODUCT_NAME}`, click: () => actions.quit() },
  ];
}

/**
 * Turns the tray into the failure report: a red `!` icon, the message as its tooltip, and the
 * menu above. The tray was made first thing, so there is always one to show this in.
 */
export function showStartupFailure(
  tray: Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu'>,
  options: { error: unknown; image: NativeImage | null; buildMenu: (template: MenuItemConstructorOptions[]) => Menu; actions: StartupFailureActions },
): string {
  const message = startupFailureMessage(options.error);
  if (options.image) tray.setImage(options.image);
  tray.setToolTip(message);
  tray.setContextMenu(options.buildMenu(startupFailureTemplate(message, options.actions)));
  return message;
}
