// Query keys of the services' calls: [method, inputKey(input)], equal for equal inputs.
import type { ServicesMethod } from '../../shared/contract.ts';

/** Code-unit order: stable, and no collator to build (the first localeCompare cost ~12 ms at start-up). */
const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/** A stable key for an input: same value, same key, whatever the object identity. */
export function inputKey(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(byKey));
    }
    return value;
  });
}

/** The query key of one services call: [method, inputKey(input)]. */
export const serviceQueryKey = (method: ServicesMethod, input: unknown): [string, string] => [method, inputKey(input)];
