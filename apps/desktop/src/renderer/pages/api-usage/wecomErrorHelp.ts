// A human explanation and a fix for a WeCom errcode, shared by the API usage page and the settings'
// connection test. The words come from the one errcode table (`@wld/wecom-core/rules`), with the fix
// that belongs to the call when the code means something particular there (40058 on a recall).
import type { TFunction } from 'i18next';
import { describeErrcode } from '@wld/wecom-core/rules';
import i18n from '../../i18n/index.ts';

export interface ErrcodeHelp {
  /** What went wrong, in plain words. */
  meaning: string;
  /** What to do about it. */
  fix: string;
}

export function errcodeHelp(_t: TFunction, errcode: number | null | undefined, endpoint?: string | null, errmsg = ''): ErrcodeHelp | null {
  if (errcode === null || errcode === undefined) return null;
  const english = i18n.language === 'en-US';
  const { info } = describeErrcode(errcode, errmsg, english ? 'en-US' : 'zh-CN', endpoint);
  const fix = info.fix ? (english ? info.fix.en : info.fix.zh) : '';
  return { meaning: english ? info.en : info.zh, fix };
}

/** For errors without an errcode (the network, the services): a generic explanation. */
export function networkHelp(t: TFunction): ErrcodeHelp {
  return { meaning: t('apiUsage:errcode.network.meaning'), fix: t('apiUsage:errcode.network.fix') };
}
