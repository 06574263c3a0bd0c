// electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
// RunAsNode, NODE_OPTIONS and --inspect would let anyone run code as the app (and read its
// keychain entries); asar integrity and asar-only loading stop tampering with the app's code.
const { join } = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

/** The fuse settings, exported so a test can check them without packaging. */
const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
};

function executablePath(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  const name = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${name}.app`);
    case 'win32':
      return join(appOutDir, `${name}.exe`);
    default:
      return join(appOutDir, packager.executableName);
  }
}

async function afterPack(context) {
  await flipFuses(executablePath(context), {
    ...FUSES,
    // macOS arm64 binaries must be re-signed after their bytes change; electron-builder signs next.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
  });
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
