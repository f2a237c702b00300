// electron-builder.yml as the audit and the config lint read it: the targets (platform × arch), the
// `files` exclusions with their macros expanded per target, the glibc the .deb declares.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { BinaryArch, BinaryPlatform } from './binary-format.ts';

export const CONFIG_FILE = path.resolve(import.meta.dirname, '..', '..', '..', '..', 'electron-builder.yml');

export interface Target {
  platform: BinaryPlatform;
  arch: BinaryArch;
}

type TargetEntry = string | { target: string; arch?: string | string[] };
interface PlatformSection {
  target?: TargetEntry | TargetEntry[];
}

export interface BuilderConfig {
  appId?: string;
  files?: string[];
  asarUnpack?: string[];
  npmRebuild?: boolean;
  buildDependenciesFromSource?: boolean;
  electronFuses?: Record<string, boolean>;
  publish?: unknown;
  win?: PlatformSection;
  mac?: PlatformSection & { notarize?: boolean; hardenedRuntime?: boolean };
  linux?: PlatformSection;
  deb?: { depends?: string[] };
  [key: string]: unknown;
}

/** electron-builder's own helpers (js-yaml, the schema validator) from its install. */
export function builderRequire(): NodeJS.Require {
  const own = createRequire(import.meta.url);
  return createRequire(own.resolve('electron-builder'));
}

export function readBuilderConfig(file = CONFIG_FILE): BuilderConfig {
  const yaml = builderRequire()('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(file, 'utf8')) as BuilderConfig;
}

const SECTIONS: Array<[keyof BuilderConfig & ('win' | 'mac' | 'linux'), BinaryPlatform]> = [
  ['win', 'win32'],
  ['mac', 'darwin'],
  ['linux', 'linux'],
];

/** Every platform × arch some target of the config builds (x64 when a target names no arch). */
export function targetsOf(config: BuilderConfig): Target[] {
  const seen = new Map<string, Target>();
  for (const [key, platform] of SECTIONS) {
    const section = config[key];
    if (!section?.target) continue;
    const entries = Array.isArray(section.target) ? section.target : [section.target];
    for (const entry of entries) {
      const archs = typeof entry === 'string' ? ['x64'] : [entry.arch ?? 'x64'].flat();
      for (const arch of archs) seen.set(`${platform}-${arch}`, { platform, arch: arch as BinaryArch });
    }
  }
  return [...seen.values()];
}

/** The `!` patterns of `files`, macros expanded for the target (as electron-builder does). */
export function exclusionsFor(config: BuilderConfig, target: Target): string[] {
  const os = { win32: 'win', darwin: 'mac', linux: 'linux' }[target.platform];
  return (config.files ?? [])
    .filter((pattern) => pattern.startsWith('!'))
    .map((pattern) =>
      pattern
        .slice(1)
        .replaceAll('${platform}', target.platform)
        .replaceAll('${arch}', target.arch)
        .replaceAll('${os}', os),
    );
}

/** The x.y of a `libc6 (>= x.y)` dependency of the .deb; null when none is declared. */
export function declaredGlibc(config: BuilderConfig): string | null {
  for (const dependency of config.deb?.depends ?? []) {
    const match = /^libc6\s*\(>=\s*(\d+(?:\.\d+)+)\)$/.exec(dependency.trim());
    if (match?.[1]) return match[1];
  }
  return null;
}
