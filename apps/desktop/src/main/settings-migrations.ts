// Settings files from older versions, brought up to SETTINGS_VERSION one step at a time, then
// validated. A field that fails validation falls back to its default (and is reported) instead of
// losing the whole file: profiles in particular are kept one by one.
import {
  SETTINGS_VERSION,
  defaultSettings,
  networkSettingsSchema,
  profileSchema,
  settingsSchema,
} from '../shared/settings.ts';
import type { Profile, Settings } from '../shared/settings.ts';

type Raw = Record<string, unknown>;

const NETWORK_KEYS = Object.keys(networkSettingsSchema.shape);

/** v1 kept the network fields at the top level (baseUrl, proxyUrl, timeoutMs…); v2 nests them in `network`. */
function v1ToV2(raw: Raw): Raw {
  const { version: _version, ...rest } = raw;
  const network: Raw =
    typeof rest.network === 'object' && rest.network !== null ? { ...(rest.network as Raw) } : {};
  const out: Raw = {};
  for (const [key, value] of Object.entries(rest)) {
    if (NETWORK_KEYS.includes(key)) network[key] = value;
    else out[key] = value;
  }
  return { ...out, network, version: 2 };
}

/**
 * v2 profiles carried an `environment` label (dev/test/prod) that selected nothing; v3 drops it (a
 * profile's own `baseUrl` and apps are what differ between a corp's environments).
 */
function v2ToV3(raw: Raw): Raw {
  const profiles = Array.isArray(raw.profiles)
    ? raw.profiles.map((profile: unknown) => {
        if (typeof profile !== 'object' || profile === null) return profile;
        const { environment: _environment, ...rest } = profile as Raw;
        return rest;
      })
    : raw.profiles;
  return { ...raw, profiles, version: 3 };
}

/** migrations[n] turns version n into version n + 1. */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = { 1: v1ToV2, 2: v2ToV3 };

export interface LoadedSettings {
  settings: Settings;
  /** The version the file had (1 when it had none). */
  fromVersion: number;
  migrated: boolean;
  /** What was wrong and replaced by a default; empty when the file was valid. */
  problems: string[];
  /** The file came from a newer app: used read-only as far as it validates. */
  newerVersion: boolean;
}

function versionOf(raw: Raw): number {
  const v = raw.version;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : 1;
}

export function migrateSettings(input: unknown): LoadedSettings {
  const isEmpty = typeof input !== 'object' || input === null || Object.keys(input).length === 0;
  if (isEmpty) {
    return {
      settings: defaultSettings(),
      fromVersion: SETTINGS_VERSION,
      migrated: false,
      problems: [],
      newerVersion: false,
    };
  }
  let raw: Raw = { ...(input as Raw) };
  const fromVersion = versionOf(raw);
  const newerVersion = fromVersion > SETTINGS_VERSION;
  for (let v = fromVersion; v < SETTINGS_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no settings migration from version ${v}`);
    raw = step(raw);
  }
  const { settings, problems } = salvage({ ...raw, version: SETTINGS_VERSION });
  return { settings, fromVersion, migrated: fromVersion < SETTINGS_VERSION, problems, newerVersion };
}

/** Validates field by field so one bad value does not cost the user every profile. */
function salvage(raw: Raw): { settings: Settings; problems: string[] } {
  const whole = settingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, problems: [] };
  const problems: string[] = [];
  const candidate: Raw = { version: SETTINGS_VERSION };
  for (const key of Object.keys(settingsSchema.shape)) {
    if (key === 'version' || !(key in raw)) continue;
    if (key === 'profiles') {
      candidate.profiles = salvageProfiles(raw.profiles, problems);
      continue;
    }
    if (key === 'network') {
      candidate.network = salvageNetwork(raw.network, problems);
      continue;
    }
    const field = settingsSchema.shape[key as keyof typeof settingsSchema.shape].safeParse(raw[key]);
    if (field.success) candidate[key] = field.data;
    else problems.push(`${key}: ${field.error.issues[0]?.message ?? 'invalid'} (reset to the default)`);
  }
  const settings = settingsSchema.parse(candidate);
  if (
    settings.activeProfileId !== null &&
    !settings.profiles.some((p) => p.id === settings.activeProfileId)
  ) {
    problems.push(`activeProfileId: no profile "${settings.activeProfileId}" (cleared)`);
    settings.activeProfileId = null;
  }
  return { settings, problems };
}

function salvageProfiles(value: unknown, problems: string[]): Profile[] {
  if (!Array.isArray(value)) {
    problems.push('profiles: not a list (reset to none)');
    return [];
  }
  const seen = new Set<string>();
  const kept: Profile[] = [];
  value.forEach((item, index) => {
    const parsed = profileSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(`profiles[${index}]: ${parsed.error.issues[0]?.message ?? 'invalid'} (dropped)`);
    } else if (seen.has(parsed.data.id)) {
      problems.push(`profiles[${index}]: duplicate id "${parsed.data.id}" (dropped)`);
    } else {
      seen.add(parsed.data.id);
      kept.push(parsed.data);
    }
  });
  return kept;
}

function salvageNetwork(value: unknown, problems: string[]): unknown {
  const source: Raw = typeof value === 'object' && value !== null ? (value as Raw) : {};
  const out: Raw = {};
  for (const key of NETWORK_KEYS) {
    if (!(key in source)) continue;
    const field = networkSettingsSchema.shape[key as keyof typeof networkSettingsSchema.shape].safeParse(
      source[key],
    );
    if (field.success) out[key] = field.data;
    else
      problems.push(`network.${key}: ${field.error.issues[0]?.message ?? 'invalid'} (reset to the default)`);
  }
  return out;
}
