import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRODUCT_NAME } from '../../src/shared/app-identity';

const ROOT = resolve(__dirname, '../..');
const requireHere = createRequire(__filename);

/** Packaged Electron binaries under release/ (what `npx electron-builder --publish never` leaves). */
function packagedBinaries(): string[] {
  const release = join(ROOT, 'release');
  if (!existsSync(release)) return [];
  return readdirSync(release).flatMap((folder) => {
    const candidates = [join(release, folder, `${PRODUCT_NAME}.app`), join(release, folder, `${PRODUCT_NAME}.exe`), join(release, folder, 'datafast-menubar')];
    return folder.endsWith('-unpacked') || folder.startsWith('mac') ? candidates.filter((path) => existsSync(path)) : [];
  });
}

const binaries = packagedBinaries();
// The release workflow packages first and sets this; on a machine without Electron's binary
// (this project's CI among them) there is nothing to read, and the test says so.
const required = process.env['DATAFAST_REQUIRE_PACKAGED'] === '1';
if (binaries.length === 0 && !required)
  console.warn('packaged-app fuse check skipped: no packaged app under release/ (npx electron-builder --publish never makes one)');

describe.skipIf(binaries.length === 0 && !required)('the packaged app', () => {
  it('exists where electron-builder leaves it', () => {
    expect(binaries.length).toBeGreaterThan(0);
  });

  it.each(binaries.map((path) => [path]))('%s carries the fuses afterPack flips', async (path) => {
    const { getCurrentFuseWire, FuseState } = requireHere('@electron/fuses') as {
      getCurrentFuseWire: (path: string) => Promise<Record<string, number>>;
      FuseState: { ENABLE: number; DISABLE: number };
    };
    const { FUSES } = requireHere('../../scripts/after-pack.cjs') as { FUSES: Record<string, unknown> };
    const wire = await getCurrentFuseWire(path);
    for (const [option, enabled] of Object.entries(FUSES)) {
      if (option === 'version') continue;
      expect(wire[option], `fuse ${option}`).toBe(enabled ? FuseState.ENABLE : FuseState.DISABLE);
    }
  });
});

describe('dist/preload.js', () => {
  it('requires nothing but electron: a sandboxed preload can load no other module', () => {
    const bundle = readFileSync(join(ROOT, 'dist/preload.js'), 'utf8');
    const required = [...bundle.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(bundle).not.toMatch(/\brequire\(\s*[^"'`\s]/);
  });
});

describe('npm run lint:security', () => {
  it('passes: electronegativity finds nothing high or medium that is not reviewed', async () => {
    const { execFile } = await import('node:child_process');
    const output = await new Promise<string>((done, fail) => {
      execFile(process.execPath, ['scripts/lint-security.mjs'], { cwd: ROOT }, (error, stdout, stderr) =>
        error ? fail(new Error(`${stdout}${stderr}`)) : done(stdout),
      );
    });
    expect(output).toMatch(/0 unreviewed, 0 unparsed/);
  }, 60_000);
});
