import type { App, Session } from 'electron';

/**
 * App-wide guards: no page may navigate away, open windows, or get a permission. Links to
 * DataFast go through `openExternal`, which checks its own allowlist.
 */
export function lockDownWebContents(app: Pick<App, 'on'>, session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
