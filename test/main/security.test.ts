import { describe, expect, it } from 'vitest';
import { lockDownWebContents } from '../../src/main/security';

describe('web contents', () => {
  it('denies new windows, navigation and every permission', () => {
    const appHandlers: Array<(event: unknown, contents: unknown) => void> = [];
    let requestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    lockDownWebContents(
      { on: (_event: string, handler: (event: unknown, contents: unknown) => void) => appHandlers.push(handler) } as unknown as Electron.App,
      {
        setPermissionRequestHandler: (handler: typeof requestHandler) => (requestHandler = handler),
        setPermissionCheckHandler: (handler: typeof checkHandler) => (checkHandler = handler),
      } as unknown as Electron.Session,
    );
    const granted: boolean[] = [];
    requestHandler!({}, 'geolocation', (value) => granted.push(value));
    expect(granted).toEqual([false]);
    expect(checkHandler!()).toBe(false);
    let openHandler: (() => { action: string }) | null = null;
    const prevented: string[] = [];
    const contents = {
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
      on: (event: string, handler: (e: { preventDefault: () => void }) => void) => handler({ preventDefault: () => prevented.push(event) }),
    };
    appHandlers[0]!({}, contents);
    expect(openHandler!()).toEqual({ action: 'deny' });
    expect(prevented).toEqual(['will-navigate', 'will-redirect', 'will-attach-webview']);
  });
});
