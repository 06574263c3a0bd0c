// `npm start` after the build: launches the app in Electron. Electron 45 downloads its binary on
// first launch, not at install; where that cannot happen (offline, a firewall that blocks GitHub)
// the electron package itself would print a stack trace, so this says what happened and what to do.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const packageFolder = dirname(require.resolve('electron/package.json'));

function binaryPath() {
  const pathFile = join(packageFolder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(packageFolder, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

if (binaryPath() === null) {
  console.log("Downloading Electron's binary (once; about 100 MB)...");
  const download = spawnSync(process.execPath, [join(packageFolder, 'install.js')], { encoding: 'utf8' });
  if (download.status !== 0 || binaryPath() === null) {
    const reason =
      `${download.stderr ?? ''}`
        .split('\n')
        .find((line) => /Error|failed/i.test(line))
        ?.trim() ?? 'no reason given';
    console.error(
      [
        '',
        `Electron could not be downloaded (${reason}).`,
        'It comes from GitHub on the first `npm start`. What to do:',
        '  - connect to the internet (or allow github.com through the firewall) and run `npm start` again;',
        '  - or point ELECTRON_MIRROR at a mirror you can reach, e.g. ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/ npm start.',
        'The headless runner needs no Electron: `node dist/cli.mjs --demo` works now.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

const app = spawn(binaryPath() ?? '', ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
