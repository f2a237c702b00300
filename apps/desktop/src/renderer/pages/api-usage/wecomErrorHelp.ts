// A human explanation and a fix for the WeCom errcodes an admin actually meets, shared by the API usage
// page and the settings' connection test. Texts live in the `apiUsage` namespace (errcode.<code>).
import type { TFunction } from 'i18next';

/** Codes with an explanation in apiUsage.json; others fall back to WeCom's own hint. */
export const EXPLAINED_ERRCODES = [
  -1, 40001, 40003, 40007, 40013, 40014, 40056, 40058, 40091, 41001, 42001, 44004, 45002, 45009, 45033, 48002, 48009,
  50002, 60011, 60020, 60111, 81013, 86003, 86008, 92006, 92008,
] as const;

const explained = new Set<number>(EXPLAINED_ERRCODES);

export interface ErrcodeHelp {
  /** What went wrong, in plain words. */
  meaning: string;
  /** What to do about it. */
  fix: string;
}

/** Codes that mean something particular on one call (by request path): texts in callErrcode.<call>. */
const CALL_EXPLAINED: Readonly<Record<string, { key: string; codes: readonly number[] }>> = {
  '/cgi-bin/message/recall': { key: 'recall', codes: [40058] },
};

export function errcodeHelp(t: TFunction, errcode: number | null | undefined, endpoint?: string | null): ErrcodeHelp | null {
  if (errcode === null || errcode === undefined) return null;
  const call = endpoint && Object.hasOwn(CALL_EXPLAINED, endpoint) ? CALL_EXPLAINED[endpoint] : undefined;
  if (call?.codes.includes(errcode)) {
    return {
      meaning: t(`apiUsage:callErrcode.${call.key}.${errcode}.meaning`),
      fix: t(`apiUsage:callErrcode.${call.key}.${errcode}.fix`),
    };
  }
  if (!explained.has(errcode)) return null;
  return {
    meaning: t(`apiUsage:errcode.${errcode}.meaning`),
    fix: t(`apiUsage:errcode.${errcode}.fix`),
  };
}

/** For errors without an errcode (the network, the services): a generic explanation. */
export function networkHelp(t: TFunction): ErrcodeHelp {
  return { meaning: t('apiUsage:errcode.network.meaning'), fix: t('apiUsage:errcode.network.fix') };
}
