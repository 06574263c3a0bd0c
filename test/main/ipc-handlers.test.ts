import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../src/main/ipc-handlers';
import { requestValidators } from '../../src/shared/ipc-validators';
import { harnessesOnStandardFake } from '../support/app-harness';
import { TEST_TOKENS } from '../support/fake-datafast';

const harnesses = harnessesOnStandardFake();

describe("the window's requests", () => {
  it('have a handler for every channel of the contract', async () => {
    const app = await harnesses.open({ start: false });
    expect(Object.keys(createHandlers(app.controller, { openInBrowser: () => undefined })).sort()).toEqual(Object.keys(requestValidators).sort());
  });

  it("carry out the controller's commands, answering null where there is nothing to say", async () => {
    const app = await harnesses.open();
    const opened: string[] = [];
    const handlers = createHandlers(app.controller, { openInBrowser: (url) => opened.push(url) });
    // An account token with none of its websites chosen adds nothing, and says so.
    const checked = await handlers['token:check']({ token: TEST_TOKENS.account });
    await expect(handlers['websites:add']({ pendingId: checked.pendingId, dataFastSiteIds: [] })).rejects.toThrow(/No website chosen/);
    expect(app.controller.settings.websites).toEqual([]);
    const again = await handlers['token:check']({ token: TEST_TOKENS.shopKey });
    await expect(handlers['websites:add']({ pendingId: again.pendingId, dataFastSiteIds: [] })).resolves.toEqual({ added: ['Shop'], sessionOnly: false });
    const [shop] = app.controller.settings.websites;
    if (!shop) throw new Error('no website');
    await expect(handlers['websites:rename']({ id: shop.id, label: 'My shop' })).resolves.toBeNull();
    await expect(handlers['state:get'](null)).resolves.toMatchObject({ websites: [{ label: 'My shop' }] });
    await handlers['dashboard:open']({ id: shop.id });
    expect(opened).toEqual(['https://datafa.st/dashboard']);
    await expect(handlers['websites:remove']({ id: shop.id })).resolves.toBeNull();
    await expect(handlers['websites:rename']({ id: shop.id, label: 'Gone' })).rejects.toThrow('That website is no longer configured.');
  });
});
