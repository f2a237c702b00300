// A response-cache key: credential + method + path + sorted query + body (keys sorted at any depth),
// so the same read asked two ways hits the same entry. The credential part is the token key
// (corpid + sha256 of the secret), never a secret.

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify(record[key])}`).join(',')}}`;
}

export function cacheKey(
  credentialKey: string,
  method: string,
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>> | undefined,
  body: unknown,
): string {
  let sortedQuery = '';
  if (query) {
    const keys = Object.keys(query)
      .filter((key) => query[key] !== undefined)
      .sort();
    sortedQuery = keys.map((key) => `${key}=${String(query[key])}`).join('&');
  }
  return `${credentialKey}\n${method}\n${path}\n${sortedQuery}\n${body === undefined ? '' : stableStringify(body)}`;
}

/** The path part of a key, for invalidating one endpoint's entries. */
export function pathOfCacheKey(key: string): string {
  return key.split('\n', 3)[2] ?? '';
}
