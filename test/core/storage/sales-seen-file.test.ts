import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SALES_SEEN_FILE_NAME, SalesSeenFile } from '../../../src/core/storage/sales-seen-file';
import { websiteKey } from '../../../src/shared/website-ids';
import { tempDir } from '../../support/temp';

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

  it('leaves a FIFO in its place alone: says why, never blocks on reading it, never writes', () => {
    const path = join(dir.path, SALES_SEEN_FILE_NAME);
    execFileSync('mkfifo', [path]);
    const file = new SalesSeenFile(dir.path);
    expect(() => file.load()).toThrow(/not a regular file/);
    file.save(new Map([[SHOP, { ids: ['pay_1'], checkedAt: 1 }]]));
    expect(statSync(path).isFIFO()).toBe(true);
  });

  it('writes nothing but ids and times', () => {
    const file = new SalesSeenFile(dir.path);
    file.save(new Map([[SHOP, { ids: ['pay_1'], checkedAt: 5 }]]));
    expect(JSON.parse(readFileSync(file.path, 'utf8'))).toEqual({ version: 1, websites: { w_shop: { ids: ['pay_1'], checkedAt: 5 } } });
  });
});
