// Query keys of the services' calls: [method, inputKey(input)], equal for equal inputs.
import type { ServicesMethod } from '../../shared/contract.ts';

/** A stable key for an input: same value, same key, whatever the object identity. */
export function inputKey(input: unknown): string {
  return JSON.stringify(input, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
    }
    return value;
  });
}

/** The query key of one services call: [method, inputKey(input)]. */
export const serviceQueryKey = (method: ServicesMethod, input: unknown): [string, string] => [method, inputKey(input)];
