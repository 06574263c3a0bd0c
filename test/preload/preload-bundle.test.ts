import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const PRELOAD = resolve(__dirname, '../../dist/preload.js');

/** Every key of what the page is given, nested ones as dotted paths, each with its type. */
function shapeOf(value: unknown, path = ''): string[] {
  if (typeof value !== 'object' || value === null) return [`${path}: ${typeof value}`];
  return Object.keys(value)
    .sort()
    .flatMap((key) => shapeOf((value as Record<string, unknown>)[key], path ? `${path}.${key}` : key));
}

/**
 * The built preload, run as Electron runs a sandboxed one: its own context, `require('electron')`
 * answering with a contextBridge that records what is put in the page's world.
 */
function exposedByPreload(): Map<string, unknown> {
  const exposed = new Map<string, unknown>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void exposed.set(key, api) },
    ipcRenderer: { invoke: () => Promise.resolve(null), on: () => undefined, removeListener: () => undefined },
  };
  const require = (name: string): unknown => {
    if (name !== 'electron') throw new Error(`the preload asked for ${name}; a sandboxed preload has only electron`);
    return electron;
  };
  runInNewContext(readFileSync(PRELOAD, 'utf8'), { require, module: { exports: {} }, exports: {} }, { filename: PRELOAD });
  return exposed;
}

describe('the built preload', () => {
  it('puts exactly one key in the page, whose API is exactly these functions and nothing more', () => {
    const exposed = exposedByPreload();
    expect([...exposed.keys()]).toEqual(['datafast']);
    // A raw invoke, send or ipcRenderer, or any call added without this list, fails here.
    expect(shapeOf(exposed.get('datafast'))).toEqual([
      'dashboard.open: function',
      'notifications.test: function',
      'refresh: function',
      'settings.update: function',
      'state.get: function',
      'state.onChange: function',
      'tokens.check: function',
      'websites.add: function',
      'websites.addDemo: function',
      'websites.move: function',
      'websites.remove: function',
      'websites.rename: function',
      'websites.setActive: function',
      'websites.setSales: function',
      'websites.setThreshold: function',
    ]);
  });
});
