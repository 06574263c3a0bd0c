import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';
import { PNG } from 'pngjs';
import { ATLAS, atlasJson, buildGlyphAtlas } from '../../scripts/build-tray-glyphs.mjs';
import { render, SOURCE, templateDrawing } from '../../scripts/generate-icons.mjs';
import { describe, expect, it } from 'vitest';
import { APP_ID, PRODUCT_NAME } from '../../src/shared/app-identity';

const ROOT = resolve(__dirname, '../..');
const requireHere = createRequire(__filename);

interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  afterPack: string;
  directories: { buildResources: string; output: string };
  mac: {
    icon: string;
    entitlements: string;
    entitlementsInherit: string;
    hardenedRuntime: boolean;
    extendInfo: Record<string, unknown>;
    target: Array<{ target: string; arch: string[] }>;
  };
  win: { icon: string; target: Array<{ target: string }> };
  nsis: { perMachine: boolean; oneClick: boolean };
  linux: { icon: string; target: string[]; category: string; desktop: { entry: Record<string, string> } };
  deb: { depends: string[] };
  publish: { provider: string };
}

const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own configuration check", async () => {
    // The very function electron-builder runs on its configuration before packaging.
    const { validateConfiguration } = requireHere('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = requireHere('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, mac: { ...config.mac, nonsense: true } }, new DebugLogger(false))).rejects.toThrow(
      /Invalid configuration object/,
    );
  });

  it('references only files that exist', () => {
    const referenced = [
      config.afterPack,
      config.mac.icon,
      config.mac.entitlements,
      config.mac.entitlementsInherit,
      config.win.icon,
      config.linux.icon,
      config.directories.buildResources,
    ];
    for (const path of referenced) expect(existsSync(join(ROOT, path)), path).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512]) expect(existsSync(join(ROOT, config.linux.icon, `${size}x${size}.png`))).toBe(true);
  });

  it('uses the app id everywhere, including as the Windows AppUserModelID', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { productName: string };
    expect(pkg.productName).toBe(PRODUCT_NAME);
    expect(readFileSync(join(ROOT, 'src/main/index.ts'), 'utf8')).toContain('app.setAppUserModelId(APP_ID)');
  });

  it('keeps every bundled library out of the packaged node_modules, and keytar in it', () => {
    // electron-builder's own matcher for node_modules files, built from our `files` patterns.
    const { getNodeModuleFileMatcher } = requireHere('app-builder-lib/out/fileMatcher') as {
      getNodeModuleFileMatcher: (
        appDir: string,
        destination: string,
        expand: (pattern: string) => string,
        options: object,
        packager: object,
      ) => {
        createFilter(): (file: string, stat: { isDirectory(): boolean; moduleFullFilePath: string }) => boolean;
      };
    };
    const filter = getNodeModuleFileMatcher(ROOT, join(ROOT, 'app'), (pattern) => pattern, {}, { config, debugLogger: { isEnabled: false } }).createFilter();
    const packaged = (relative: string, isDirectory = false): boolean =>
      filter(join(ROOT, relative), { isDirectory: () => isDirectory, moduleFullFilePath: relative });
    expect(packaged('node_modules/keytar', true)).toBe(true);
    expect(packaged('node_modules/keytar/lib/keytar.js')).toBe(true);
    expect(packaged('node_modules/keytar/build/Release/keytar.node')).toBe(true);
    const bundled = JSON.parse(readFileSync(join(ROOT, 'dist/bundled-packages.json'), 'utf8')) as string[];
    expect(bundled).toEqual(expect.arrayContaining(['zod', 'electron-store', 'conf', 'electron-updater']));
    for (const name of bundled) {
      expect(packaged(`node_modules/${name}`, true), name).toBe(false);
      expect(packaged(`node_modules/${name}/package.json`), name).toBe(false);
    }
  });

  it('lists everything bundled into dist/ as a production dependency, so a production audit covers what ships', () => {
    const bundled = JSON.parse(readFileSync(join(ROOT, 'dist/bundled-packages.json'), 'utf8')) as string[];
    const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
    for (const name of bundled) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry, `${name} is bundled but not installed at the top level`).toBeDefined();
      expect(entry?.dev ?? false, `${name} is bundled but a devDependency: move it to dependencies`).toBe(false);
    }
  });

  it('ships only the built output, keytar unpacked', () => {
    expect(config.files).toContain('!**/*.map');
    expect(config.files.every((pattern) => !/^src|test|bench/.test(pattern))).toBe(true);
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/**']);
  });

  it('builds a menu-bar app on macOS, a per-user installer on Windows, AppImage and deb on Linux', () => {
    expect(config.mac.extendInfo['LSUIElement']).toBe(true);
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.target.map((t) => [t.target, t.arch])).toEqual([
      ['dmg', ['x64', 'arm64']],
      ['zip', ['x64', 'arm64']],
    ]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis.perMachine).toBe(false);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.desktop.entry['Categories']).toContain('Utility');
    expect(config.deb.depends).toContain('libsecret-1-0');
    expect(config.deb.depends.some((dependency) => dependency.includes('appindicator'))).toBe(true);
    expect(config.publish.provider).toBe('github');
  });

  it('flips the fuses that matter', () => {
    const { FUSES } = requireHere(join(ROOT, config.afterPack)) as { FUSES: Record<string, unknown> };
    const { FuseV1Options } = requireHere('@electron/fuses') as { FuseV1Options: Record<string, number> };
    const fuse = (name: string): unknown => FUSES[String(FuseV1Options[name])];
    expect(fuse('RunAsNode')).toBe(false);
    expect(fuse('EnableNodeOptionsEnvironmentVariable')).toBe(false);
    expect(fuse('EnableNodeCliInspectArguments')).toBe(false);
    expect(fuse('EnableEmbeddedAsarIntegrityValidation')).toBe(true);
    expect(fuse('OnlyLoadAppFromAsar')).toBe(true);
  });
});

describe('icons', () => {
  const png = (path: string) => PNG.sync.read(readFileSync(join(ROOT, path)));

  it('are generated from the one source drawing and up to date', () => {
    const drawing = readFileSync(join(ROOT, SOURCE), 'utf8');
    expect(render(drawing, 256).equals(readFileSync(join(ROOT, 'assets/icons/256x256.png')))).toBe(true);
    expect(render(drawing, 24).equals(readFileSync(join(ROOT, 'assets/tray-24.png')))).toBe(true);
    expect(render(templateDrawing(drawing), 32).equals(readFileSync(join(ROOT, 'assets/trayTemplate@2x.png')))).toBe(true);
  });

  it('draw the tray count from a glyph atlas that matches the bundled font', () => {
    expect(atlasJson(buildGlyphAtlas()) === readFileSync(join(ROOT, ATLAS), 'utf8'), 'run npm run icons and commit the atlas').toBe(true);
  });

  it('ship the tray font with its licence', () => {
    expect(readFileSync(join(ROOT, 'assets/fonts/LICENSE-RobotoCondensed.txt'), 'utf8')).toContain('Apache License');
    expect(readFileSync(join(ROOT, 'dist/assets/fonts/LICENSE-RobotoCondensed.txt'), 'utf8')).toContain('Apache License');
  });

  it('come in every size each platform needs', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) expect(png(`assets/icons/${size}x${size}.png`).width).toBe(size);
    expect(png('assets/trayTemplate.png').width).toBe(16);
    expect(png('assets/trayTemplate@2x.png').width).toBe(32);
    for (const size of [16, 24, 32, 48]) expect(png(`assets/tray-${size}.png`).width).toBe(size);
    expect(readFileSync(join(ROOT, 'assets/icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns');
    const ico = readFileSync(join(ROOT, 'assets/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5);
  });

  it('keeps macOS template images black on transparent, as template images must be', () => {
    const image = png('assets/trayTemplate@2x.png');
    for (let i = 0; i < image.data.length; i += 4) {
      if ((image.data[i + 3] ?? 0) > 0) expect([image.data[i], image.data[i + 1], image.data[i + 2]]).toEqual([0, 0, 0]);
    }
  });
});

describe('cross-platform workflow', () => {
  interface Step {
    uses?: string;
    run?: string;
  }
  const workflow = load(readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as {
    jobs: Record<string, { steps: Step[]; strategy?: { matrix: { os?: string[]; include?: Array<{ os: string }> } } }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('uses only real, pinned actions', () => {
    const used = new Set(steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    expect([...used].sort()).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'actions/upload-artifact@v4']);
  });

  it('checks, tests and packages on macOS, Windows and Linux', () => {
    const build = workflow.jobs['build'];
    expect(build?.strategy?.matrix.include?.map((entry) => entry.os)).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const commands = (build?.steps ?? []).map((step) => step.run ?? '').join('\n');
    for (const command of [
      'npm ci',
      'npm run typecheck',
      'npm run lint',
      'npm run lint:security',
      'npm test',
      'xvfb-run',
      'electron-builder --publish never',
    ]) {
      expect(commands).toContain(command);
    }
    const release = workflow.jobs['release'];
    expect((release?.steps ?? []).map((step) => step.run ?? '').join('\n')).toContain('electron-builder --publish always');
  });
});
