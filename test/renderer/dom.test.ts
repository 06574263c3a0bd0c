import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/settings-page';

/** `src/renderer/dom.ts` bundled on its own, its functions on `window.dom` in a blank page. */
let browser: Browser;
let page: Page;
beforeAll(async () => {
  const bundle = await build({
    entryPoints: [resolve(__dirname, '../../src/renderer/dom.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'dom',
    platform: 'browser',
    logLevel: 'silent',
  });
  browser = await launchChromium();
  page = await browser.newPage();
  await page.setContent('<!doctype html><body><div id="root"></div></body>');
  await page.addScriptTag({ content: bundle.outputFiles[0]?.text ?? '' });
});
afterAll(() => browser.close());

interface Dom {
  h(tag: string, attributes?: Record<string, unknown>, ...children: unknown[]): { outerHTML: string; dataset: Record<string, string>; focus(): void };
  replaceKeepingFocus(container: unknown, ...children: unknown[]): void;
}
type PageGlobals = { dom: Dom; document: { getElementById(id: string): { append(node: unknown): void } | null; activeElement: { id: string } | null } };

describe('building the window from data', () => {
  it('puts text in as text, never as markup, and leaves out empty attributes and children', async () => {
    const html = await page.evaluate(() => {
      const { dom } = globalThis as unknown as PageGlobals;
      return dom.h('p', { id: 'x', hidden: true, title: null, 'aria-live': false }, '<b>Shop</b> & co', null, false).outerHTML;
    });
    expect(html).toBe('<p id="x" hidden="">&lt;b&gt;Shop&lt;/b&gt; &amp; co</p>');
  });

  it('binds an on… attribute as an event listener', async () => {
    const clicked = await page.evaluate(() => {
      const { dom } = globalThis as unknown as PageGlobals;
      let clicks = 0;
      const button = dom.h('button', { onclick: () => (clicks += 1) }) as unknown as { click(): void };
      button.click();
      button.click();
      return clicks;
    });
    expect(clicked).toBe(2);
  });

  it('keeps keyboard focus on the element with the same key when the content is rebuilt', async () => {
    const focused = await page.evaluate(() => {
      const { dom, document } = globalThis as unknown as PageGlobals;
      const root = document.getElementById('root');
      const field = (id: string) => dom.h('input', { id, 'data-key': 'name' });
      dom.replaceKeepingFocus(root, field('first'), dom.h('button', { id: 'other', 'data-key': 'other' }));
      (document as unknown as { querySelector(s: string): { focus(): void } }).querySelector('#first').focus();
      dom.replaceKeepingFocus(root, dom.h('button', { id: 'other-2', 'data-key': 'other' }), field('second'), null);
      return document.activeElement?.id;
    });
    expect(focused).toBe('second');
  });
});
