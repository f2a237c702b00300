// Fault rules written as text (CLI): JSON (`{"kind":"errcode","errcode":-1,"rate":0.1}`) or
// key=value pairs (`kind=errcode,errcode=-1,rate=0.1,path=/cgi-bin/user/get`). A path starting
// with `~` is a regular expression (`path=~^/cgi-bin/living/`).
import type { FaultRule } from './types.ts';

const NUMERIC = new Set(['errcode', 'status', 'latencyMs', 'rate', 'count', 'skip', 'fromMs', 'untilMs']);

function toPath(value: string): string | RegExp {
  return value.startsWith('~') ? new RegExp(value.slice(1)) : value;
}

export function parseFaultSpec(spec: string): FaultRule {
  const text = spec.trim();
  const record: Record<string, unknown> = {};
  if (text.startsWith('{')) {
    Object.assign(record, JSON.parse(text) as Record<string, unknown>);
  } else {
    for (const pair of text.split(',')) {
      const eq = pair.indexOf('=');
      if (eq < 0) throw new TypeError(`fault "${spec}": expected key=value, got "${pair}"`);
      const key = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      record[key] = NUMERIC.has(key) ? Number(value) : value;
    }
  }
  if (typeof record.path === 'string') record.path = toPath(record.path);
  return record as unknown as FaultRule;
}
