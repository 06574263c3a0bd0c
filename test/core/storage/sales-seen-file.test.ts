import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SALES_SEEN_FILE_NAME, SalesSeenFile } from '../../../src/core/storage/sales-seen-file';
import { websiteKey } from '../../../src/shared/website-ids';
import { tempDir } from '../../support/temp';
import { watchedFifo } from '../../support/fifo';

const SHOP = websiteKey('w_shop');
let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir('sales-seen-');
});
afterEach(() => dir.remove());

describe('sales-seen.json', () => {
  it('keeps ids and the time of the last look, privately, and reads them back', () => {
    const file = new SalesSeenFile(dir.path);
    file.save(new Map([[SHOP, { ids: ['pay_1', 'pay_2'], checkedAt: 1_700_000_000_000 }]]));
    expect(new SalesSeenFile(dir.path).load()).toEqual(new Map([[SHOP, { ids: ['pay_1', 'pay_2'], checkedAt: 1_700_000_000_000 }]]));
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
  });

  it('starts again from nothing when the file is damaged or of another shape, and drops keys that are not ours', () => {
    const path = join(dir.path, SALES_SEEN_FILE_NAME);
    writeFileSync(path, '{"version":1,"websites":');
    expect(new SalesSeenFile(dir.path).load().size).toBe(0);
    writeFileSync(path, JSON.stringify({ version: 1, websites: { 'not a key!': { ids: ['x'], checkedAt: 1 }, w_shop: { ids: ['y'], checkedAt: 2 } } }));
    expect([...new SalesSeenFile(dir.path).load().keys()]).toEqual([SHOP]);
  });

  it('starts again from nothing when a well-formed file is over 2 MiB, without reading it', () => {
    // 60 websites with 500 long ids each: every record is valid, only the size says it is not ours.
    const ids = Array.from({ length: 500 }, (_, i) => `pay_${'x'.repeat(64)}_${i}`);
    const websites = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`w_${i}`, { ids, checkedAt: 1 }]));
    writeFileSync(join(dir.path, SALES_SEEN_FILE_NAME), JSON.stringify({ version: 1, websites }));
    expect(statSync(join(dir.path, SALES_SEEN_FILE_NAME)).size).toBeGreaterThan(2 * 1024 * 1024);
    expect(new SalesSeenFile(dir.path).load().size).toBe(0);
  });

  it('leaves a FIFO in its place alone: says why, never blocks on reading it, never writes', () => {
    const path = join(dir.path, SALES_SEEN_FILE_NAME);
    const fifo = watchedFifo(path);
    try {
      const file = new SalesSeenFile(dir.path);
      expect(() => file.load()).toThrow(/not a regular file/);
      file.save(new Map([[SHOP, { ids: ['pay_1'], checkedAt: 1 }]]));
      expect(statSync(path).isFIFO()).toBe(true);
    } finally {
      fifo.release();
    }
  });

  it('writes nothing but ids and times', () => {
    const file = new SalesSeenFile(dir.path);
    file.save(new Map([[SHOP, { ids: ['pay_1'], checkedAt: 5 }]]));
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ version: 1, websites: { w_shop: { ids: ['pay_1'], checkedAt: 5 } } });
  });
});
