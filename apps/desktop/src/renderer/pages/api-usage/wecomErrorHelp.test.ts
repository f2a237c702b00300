// An errcode's explanation belongs to the call that got it: 40058 speaks of recalls only on recall.
import { describe, expect, it } from 'vitest';
import i18n from '../../i18n/index.ts';
import { errcodeHelp } from './wecomErrorHelp.ts';

const RECALL = /recall|撤回/i;

describe('errcode help per call', () => {
  it.each(['zh-CN', 'en-US'])('%s: 40058 on living/modify is a plain invalid parameter', async (language) => {
    await i18n.changeLanguage(language);
    const help = errcodeHelp(i18n.t, 40058, '/cgi-bin/living/modify')!;
    expect(help.meaning.length).toBeGreaterThan(5);
    expect(`${help.meaning} ${help.fix}`).not.toMatch(RECALL);
    expect(errcodeHelp(i18n.t, 40058)).toEqual(help);
  });

  it.each(['zh-CN', 'en-US'])('%s: 40058 on message/recall explains which messages can be recalled', async (language) => {
    await i18n.changeLanguage(language);
    const help = errcodeHelp(i18n.t, 40058, '/cgi-bin/message/recall')!;
    expect(help.fix).toMatch(RECALL);
    expect(help.meaning).not.toContain('callErrcode');
  });
});
