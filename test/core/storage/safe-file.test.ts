import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { unsafeFileReason } from '../../../src/core/storage/safe-file';
import { tempDir } from '../../support/temp';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

// FIFOs and symbolic links as an unprivileged user are POSIX things.
describe.runIf(process.platform !== 'win32')('what may be read as a file', () => {
  it('is a regular file, or nothing at all yet', () => {
    writeFileSync(join(dir.path, 'config.json'), '{}');
    expect(unsafeFileReason(join(dir.path, 'config.json'))).toBeNull();
    expect(unsafeFileReason(join(dir.path, 'missing.json'))).toBeNull();
  });

  it('is never a folder or a named pipe, asked without opening it', () => {
    mkdirSync(join(dir.path, 'folder'));
    execFileSync('mkfifo', [join(dir.path, 'pipe')]);
    expect(unsafeFileReason(join(dir.path, 'folder'))).toBe(`${join(dir.path, 'folder')} is a folder, not a regular file`);
    expect(unsafeFileReason(join(dir.path, 'pipe'))).toBe(`${join(dir.path, 'pipe')} is a named pipe (FIFO), not a regular file`);
  });

  it('may be a link to a regular file in the same folder, never one leading elsewhere or nowhere', () => {
    writeFileSync(join(dir.path, 'real.json'), '{}');
    symlinkSync(join(dir.path, 'real.json'), join(dir.path, 'inside.json'));
    const elsewhere = tempDir();
    writeFileSync(join(elsewhere.path, 'secrets.txt'), 'x');
    symlinkSync(join(elsewhere.path, 'secrets.txt'), join(dir.path, 'outside.json'));
    symlinkSync(join(dir.path, 'gone.json'), join(dir.path, 'dangling.json'));
    mkdirSync(join(dir.path, 'sub'));
    symlinkSync(join(dir.path, 'sub'), join(dir.path, 'to-folder.json'));
    expect(unsafeFileReason(join(dir.path, 'inside.json'))).toBeNull();
    expect(unsafeFileReason(join(dir.path, 'outside.json'))).toMatch(/is a link that leads outside its folder \(to .*secrets\.txt\)$/);
    elsewhere.remove();
    expect(unsafeFileReason(join(dir.path, 'dangling.json'))).toMatch(/is a link that leads nowhere$/);
    expect(unsafeFileReason(join(dir.path, 'to-folder.json'))).toMatch(/is a link to sub, which is a folder$/);
  });
});
