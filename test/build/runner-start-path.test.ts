import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from '../support/run-cli';

/** The files Node loads before the runner's first line runs: the entry and what it imports statically, transitively. */
function staticallyLoaded(entry: string, loaded = new Map<string, string>()): Map<string, string> {
  const visit = (file: string): void => {
    if (loaded.has(file)) return;
    const text = readFileSync(file, 'utf8');
    loaded.set(file, text);
    for (const match of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$*{}\s,]+from\s*)?["'](\.[^"']+)["']/g)) {
      const specifier = match[1];
      if (specifier) visit(resolve(dirname(file), specifier));
    }
  };
  visit(entry);
  return loaded;
}

/** A chunk the runner imports when a command needs it, by the name of its source file. */
function chunkNamed(name: string): string {
  const folder = join(dirname(CLI), 'runner');
  const file = readdirSync(folder).find((candidate) => candidate.startsWith(`${name}-`) && candidate.endsWith('.mjs'));
  if (!file) throw new Error(`no ${name} chunk in ${folder}`);
  return join(folder, file);
}

// A status bar starts the runner for every refresh; zod's half megabyte is what such a start
// used to spend most of its time compiling.
describe('the built runner', () => {
  const loaded = staticallyLoaded(CLI);

  it('finds the chunks the entry imports, so the check below sees the whole start path', () => {
    expect(loaded.size).toBeGreaterThan(1);
    expect([...loaded.keys()].every((file) => file === CLI || file.startsWith(join(dirname(CLI), 'runner')))).toBe(true);
  });

  it('starts without loading zod: schemas come in with the command that reads settings or DataFast', () => {
    const withZod = [...loaded].filter(([, text]) => text.includes('ZodError')).map(([file]) => file);
    expect(withZod).toEqual([]);
  });

  it('reads with DATAFAST_API_KEY without zod, the keychain, TLS or a proxy agent: each loads only where it is needed', () => {
    const apiKeyRead = staticallyLoaded(CLI);
    expect([...apiKeyRead.values()].filter((text) => text.includes('ZodError'))).toEqual([]);
    const everything = [...apiKeyRead.values()].join('\n');
    // They may be named in a dynamic import(), never in a static one.
    for (const module of ['keytar', 'node:https', 'node:zlib', 'https-proxy-agent', 'http-proxy-agent']) {
      expect(everything).not.toMatch(new RegExp(`(?:^|[;}\\s])import\\s*(?:[\\w$*{}\\s,]+from\\s*)?["']${module}["']`));
    }
    expect(everything).toContain('realtimeCountOf');
    expect(everything).toContain('websiteFromToken');
  });

  it('keeps the settings file and keychain out of the start path', () => {
    expect([...loaded.keys()]).not.toContain(chunkNamed('context'));
  });

  it('has zod in a chunk loaded later, so the check above looks for something that is there', () => {
    const folder = join(dirname(CLI), 'runner');
    const later = readdirSync(folder)
      .filter((name) => name.endsWith('.mjs'))
      .map((name) => join(folder, name))
      .filter((file) => !loaded.has(file) && readFileSync(file, 'utf8').includes('ZodError'));
    expect(later).toHaveLength(1);
  });
});
