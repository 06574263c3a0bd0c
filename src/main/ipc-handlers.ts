import type { AppController } from '../core/app/app-controller';
import type { Handlers } from './ipc';

export interface WindowCommands {
  readonly openInBrowser: (url: string) => void;
}

/** What each window request does, in terms of the controller's commands. */
export function createHandlers(controller: AppController, commands: WindowCommands): Handlers {
  return {
    'state:get': () => Promise.resolve(controller.appState()),
    'token:check': ({ token }) => controller.commands.checkToken(token),
    'websites:add': ({ pendingId, dataFastSiteIds }) => controller.commands.addChecked(pendingId, dataFastSiteIds),
    'websites:add-demo': () => controller.commands.addDemo(),
    'websites:rename': async ({ id, label }) => {
      await controller.commands.rename(id, label);
      return null;
    },
    'websites:move': async ({ id, direction }) => {
      await controller.commands.move(id, direction);
      return null;
    },
    'websites:remove': async ({ id }) => {
      await controller.commands.remove(id);
      return null;
    },
    'websites:set-active': async ({ id }) => {
      await controller.commands.switchWebsite(id);
      return null;
    },
    'websites:set-threshold': async ({ id, threshold }) => {
      await controller.commands.setThreshold(id, threshold);
      return null;
    },
    'websites:set-sales': async ({ id, notifySales }) => {
      await controller.commands.setNotifySales(id, notifySales);
      return null;
    },
    'settings:update': async (patch) => {
      await controller.commands.updateSettings(patch);
      return null;
    },
    'notifications:test': () => {
      controller.testNotification();
      return Promise.resolve(null);
    },
    'dashboard:open': ({ id }) => {
      const url = controller.dashboardUrlFor(id);
      if (url) commands.openInBrowser(url);
      return Promise.resolve(null);
    },
    'refresh:now': async () => {
      await controller.commands.refreshNow();
      return null;
    },
  };
}
