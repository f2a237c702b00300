// The network settings form: values as typed, checked against the shared networkSettingsSchema, and
// turned back into the `network` object main stores.
import type { z } from 'zod';
import { networkSettingsSchema } from '../../../shared/settings.ts';
import type { NetworkSettings } from '../../../shared/settings.ts';
import type { FormIssue } from './profileForm.ts';

export interface HeaderRow {
  name: string;
  value: string;
}

export interface NetworkFormValues {
  baseUrl: string;
  proxyUrl: string;
  timeoutMs: number | null;
  maxRetries: number | null;
  retryDelayMs: number | null;
  cacheEnabled: boolean;
  cacheTtlSeconds: number | null;
  gatewayHeaders: HeaderRow[];
}

export const NUMBER_FIELDS = ['timeoutMs', 'maxRetries', 'retryDelayMs', 'cacheTtlSeconds'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** The limits the shared schema sets on a number field (shown in the message and on the input). */
export function numberRange(field: NumberField): { min: number; max: number } {
  const inner = networkSettingsSchema.shape[field].unwrap() as z.ZodNumber;
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function networkToForm(network: NetworkSettings): NetworkFormValues {
  return {
    baseUrl: network.baseUrl,
    proxyUrl: network.proxyUrl,
    timeoutMs: network.timeoutMs,
    maxRetries: network.maxRetries,
    retryDelayMs: network.retryDelayMs,
    cacheEnabled: network.cacheEnabled,
    cacheTtlSeconds: network.cacheTtlSeconds,
    gatewayHeaders: Object.entries(network.gatewayHeaders).map(([name, value]) => ({ name, value })),
  };
}

export function validateNetworkForm(values: NetworkFormValues): FormIssue[] {
  const issues: FormIssue[] = [];
  for (const field of ['baseUrl', 'proxyUrl'] as const) {
    const result = networkSettingsSchema.shape[field].safeParse(values[field].trim());
    if (!result.success) issues.push({ path: [field], key: 'validation.url', message: result.error.issues[0]?.message ?? '' });
  }
  for (const field of NUMBER_FIELDS) {
    const value = values[field];
    const result = networkSettingsSchema.shape[field].safeParse(value ?? Number.NaN);
    if (!result.success) {
      issues.push({ path: [field], key: 'validation.range', message: result.error.issues[0]?.message ?? '', values: numberRange(field) });
    }
  }
  const names = new Set<string>();
  values.gatewayHeaders.forEach((h, i) => {
    const name = h.name.trim();
    if (!HEADER_NAME.test(name)) issues.push({ path: ['gatewayHeaders', i, 'name'], key: 'validation.headerName', message: 'header name: a token' });
    else if (names.has(name.toLowerCase())) issues.push({ path: ['gatewayHeaders', i, 'name'], key: 'validation.headerDuplicate', message: 'duplicate header' });
    names.add(name.toLowerCase());
  });
  return issues;
}

/** Valid form values → the stored shape (parsed by the shared schema, so defaults and types hold). */
export function formToNetwork(values: NetworkFormValues): NetworkSettings {
  return networkSettingsSchema.parse({
    baseUrl: values.baseUrl.trim(),
    proxyUrl: values.proxyUrl.trim(),
    timeoutMs: values.timeoutMs,
    maxRetries: values.maxRetries,
    retryDelayMs: values.retryDelayMs,
    cacheEnabled: values.cacheEnabled,
    cacheTtlSeconds: values.cacheTtlSeconds,
    gatewayHeaders: Object.fromEntries(values.gatewayHeaders.map((h) => [h.name.trim(), h.value])),
  });
}
