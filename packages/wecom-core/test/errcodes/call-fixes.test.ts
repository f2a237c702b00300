// A code's fix belongs to the call that got it: 40058 means "recall someone else's message" only on
// message/recall; on lives.modify (living/modify) it is a plain invalid parameter.
import { describe, expect, it } from 'vitest';
import { classifyErrcode } from '../../src/errors/classify.ts';
import { describeErrcode, fixFor } from '../../src/errors/errcodes.ts';

const RECALL = /recall|撤回/i;

describe('call-specific errcode fixes', () => {
  it('40058 on living/modify says nothing about recalling messages, in either language', () => {
    for (const language of ['zh-CN', 'en-US'] as const) {
      const text = describeErrcode(40058, 'invalid parameter', language, '/cgi-bin/living/modify').message;
      expect(text).toContain('40058');
      expect(text).not.toMatch(RECALL);
    }
    const error = classifyErrcode({ errcode: 40058, errmsg: 'invalid parameter', endpoint: '/cgi-bin/living/modify', request: null, language: 'en-US' });
    expect(error.messages.en).not.toMatch(RECALL);
    expect(error.messages.zh).not.toMatch(RECALL);
    expect(error.fix?.en).not.toMatch(RECALL);
  });

  it('40058 on message/recall explains which messages can be recalled', () => {
    const error = classifyErrcode({ errcode: 40058, errmsg: 'invalid parameter', endpoint: '/cgi-bin/message/recall', request: null, language: 'zh-CN' });
    expect(error.messages.en).toContain('Only messages sent by this app can be recalled');
    expect(error.messages.zh).toContain('撤回消息只能撤回本应用发出的消息');
    expect(error.fix?.en).toMatch(RECALL);
  });

  it('a call without its own fix keeps the code’s fix; a query string does not hide the call', () => {
    expect(fixFor(40001, '/cgi-bin/living/modify')).toEqual(fixFor(40001));
    expect(fixFor(40058, '/cgi-bin/message/recall?debug=1')?.en).toMatch(RECALL);
    expect(fixFor(40058)?.en).not.toMatch(RECALL);
  });
});
