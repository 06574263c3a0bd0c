import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inRepo } from '../support/repo-paths';

const CORE = inRepo('src', 'core');

/** Which of core's folders each folder imports from, static and dynamic imports alike, with the file that does. */
function folderImports(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const folder of readdirSync(CORE).filter((name) => statSync(join(CORE, name)).isDirectory())) {
    const targets = new Map<string, string>();
    for (const file of readdirSync(join(CORE, folder)).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(CORE, folder, file), 'utf8');
      for (const match of text.matchAll(/(?:from\s*|import\s*\(\s*)['"](\.[^'"]+)['"]/g)) {
        const [target = ''] = relative(CORE, resolve(join(CORE, folder), match[1] ?? '')).split('/');
        if (target !== folder && !target.startsWith('..') && !targets.has(target)) targets.set(target, `${folder}/${file}`);
      }
    }
    graph.set(folder, targets);
  }
  return graph;
}

/** The folders from the bottom layer up, or the first circle found. */
function layers(graph: Map<string, Map<string, string>>): { order: string[]; circle: string[] | null } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  let circle: string[] | null = null;
  const visit = (folder: string, path: string[]): void => {
    if (circle) return;
    if (state.get(folder) === 'visiting') {
      circle = [...path.slice(path.indexOf(folder)), folder];
      return;
    }
    if (state.get(folder) === 'done') return;
    state.set(folder, 'visiting');
    for (const target of graph.get(folder)?.keys() ?? []) visit(target, [...path, folder]);
    state.set(folder, 'done');
    order.push(folder);
  };
  for (const folder of graph.keys()) visit(folder, []);
  return { order, circle };
}

describe("src/core's folders", () => {
  const graph = folderImports();

  it('form layers: no folder imports another that imports it back, directly or through others', () => {
    expect(graph.size).toBeGreaterThan(5);
    expect(layers(graph).circle).toBeNull();
  });

  it("are listed in README's layout table from the bottom layer up, every folder once", () => {
    const readme = readFileSync(inRepo('README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `src\/core\/([a-z-]+)` \|/gm)].map((match) => match[1] ?? '');
    expect([...listed].sort()).toEqual([...graph.keys()].sort());
    // A folder listed above one it imports would read as upside down.
    for (const [index, folder] of listed.entries()) {
      const below = new Set(listed.slice(0, index));
      for (const [target, file] of graph.get(folder) ?? []) expect(below.has(target), `${file} imports ${target}, listed after ${folder}`).toBe(true);
    }
  });
});
