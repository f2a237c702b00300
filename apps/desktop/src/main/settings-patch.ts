// The settings patch a page really sent. The contract's partial schema fills defaults for absent
// fields (zod), so only the keys present in the raw input are applied; a partial `network` is merged.
import type { MainInput } from '../shared/contract.ts';
import type { NetworkSettings } from '../shared/settings.ts';
import type { SettingsPatch } from './settings-store.ts';

function keysOf(value: unknown): Set<string> {
  return new Set(typeof value === 'object' && value !== null ? Object.keys(value) : []);
}

export function settingsPatchFrom(input: MainInput<'settings.update'>, rawInput: unknown): SettingsPatch {
  const sent = keysOf(rawInput);
  const patch: SettingsPatch = {};
  if (sent.has('language') && input.language !== undefined) patch.language = input.language;
  if (sent.has('theme') && input.theme !== undefined) patch.theme = input.theme;
  if (sent.has('activeProfileId') && input.activeProfileId !== undefined) patch.activeProfileId = input.activeProfileId;
  if (sent.has('network') && input.network !== undefined) {
    const sentNetwork = keysOf((rawInput as { network?: unknown }).network);
    patch.network = Object.fromEntries(
      Object.entries(input.network).filter(([key]) => sentNetwork.has(key)),
    ) as Partial<NetworkSettings>;
  }
  return patch;
}
