import { renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchFileText } from '../../../src/core/storage/file-watch';
import { eventually } from '../../support/app-harness';
import { tempDir } from '../../support/temp';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watching a file another program writes', () => {
  let dir: ReturnType<typeof tempDir>;
  let path: string;
  let seen: string[];
  let stop: () => void;

  beforeEach(() => {
    dir = tempDir();
    path = join(dir.path, 'config.json');
    writeFileSync(path, '{"a":1}');
    seen = [];
    stop = watchFileText(path, (text) => seen.push(text));
  });
  afterEach(() => {
    stop();
    dir.remove();
  });

  it('reports a replacing write (temporary file, then rename) once, within a second', async () => {
    writeFileSync(join(dir.path, 'config.json.tmp-1'), '{"a":2}');
    renameSync(join(dir.path, 'config.json.tmp-1'), path);
    await eventually(() => seen.length > 0, 1_000);
    await pause(200);
    expect(seen).toEqual(['{"a":2}']);
    // And keeps watching the new file: a watch on the replaced one would have gone quiet.
    writeFileSync(path, '{"a":3}');
    await eventually(() => seen.length === 2, 1_000);
    expect(seen.at(-1)).toBe('{"a":3}');
  });

  it('says nothing when the text did not change or another file changed, and nothing after it stops', async () => {
    utimesSync(path, new Date(), new Date());
    writeFileSync(path, '{"a":1}');
    writeFileSync(join(dir.path, 'history.json'), '{}');
    await pause(300);
    expect(seen).toEqual([]);
    stop();
    writeFileSync(path, '{"a":9}');
    await pause(300);
    expect(seen).toEqual([]);
  });

  it('reports a save that replaces the file with the same text, which may go with a key replaced beside it', async () => {
    writeFileSync(join(dir.path, 'config.json.tmp-2'), '{"a":1}');
    renameSync(join(dir.path, 'config.json.tmp-2'), path);
    await eventually(() => seen.length > 0, 1_000);
    expect(seen).toEqual(['{"a":1}']);
  });
});
