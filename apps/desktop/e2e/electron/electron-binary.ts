// Where the Electron executable is, without triggering the `electron` package's download.
// Mirrors the package's own lookup: path.txt names the executable inside dist/ (or inside
// ELECTRON_OVERRIDE_DIST_PATH).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { path: string; reason: null } | { path: null; reason: string };

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!existsSync(pathFile) && !override) {
    return {
      path: null,
      reason: `${pathFile} is missing: the Electron binary was never downloaded (no network to its release host here)`,
    };
  }
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const full = override ? path.join(override, executable) : path.join(packageDir, 'dist', executable);
  if (!existsSync(full)) return { path: null, reason: `no Electron executable at ${full}` };
  return { path: full, reason: null };
}
