// Every error code the app raises (services, main, the shared RPC layer) has its sentence in both
// languages (renderer/i18n/locales/*/errors.json): without one, a person reads the services' English
// log message, in either language. Status notes of a sync (WAIT_…, RETRYING) are worded in common.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../source-files.ts';

const src = join(import.meta.dirname, '../../src');
const locales = join(src, 'renderer/i18n/locales');

/**
 * Codes given to an error: `code: 'X'`, and the helpers and errors that take the code first
 * (handlers/errors.ts, handlers/write-outcome.ts, the RPC client's cancelledError, main's MainCallError).
 */
function raisedCodes(): Set<string> {
  const codes = new Set<string>();
  const pattern = /(?:\b(?:invalid|notFound|nameTaken|outcomeUnknown|cancelledError|MainCallError)\(|\bcode: )'([A-Z][A-Z0-9_]{2,})'/g;
  for (const dir of ['services', 'main', 'shared']) {
    for (const file of sourceFiles(join(src, dir))) {
      for (const match of readFileSync(file, 'utf8').matchAll(pattern)) codes.add(match[1]!);
    }
  }
  return codes;
}

const keysOf = (file: string) => new Set(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>).map((k) => k.replace(/_[a-z].*$/, '')));
const syncNotes = (lng: string) =>
  new Set(Object.keys((JSON.parse(readFileSync(join(locales, lng, 'common.json'), 'utf8')) as { sync: { note: Record<string, string> } }).sync.note));

describe('error sentences', () => {
  const codes = raisedCodes();
  it('finds the codes it checks', () => {
    // the scan itself works: codes every version raises
    for (const known of ['OFFLINE', 'LIVE_NOT_FOUND', 'BOT_OFFLINE', 'REMINDER_TOO_LATE', 'SERIES_NAME_TAKEN', 'CHAT_CREATE_UNKNOWN', 'RPC_CLOSED', 'OPEN_FAILED'])
      expect(codes).toContain(known);
  });

  for (const lng of ['zh-CN', 'en-US']) {
    it(`words every raised code in ${lng}`, () => {
      const worded = keysOf(join(locales, lng, 'errors.json'));
      const notes = syncNotes(lng);
      const unworded = [...codes].filter((code) => !worded.has(code) && !notes.has(code) && !/^(HTTP|WECOM)_/.test(code)).sort();
      expect(unworded).toEqual([]);
    });
  }
});
