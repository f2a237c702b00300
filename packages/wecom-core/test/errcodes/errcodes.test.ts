import { describe, expect, it } from 'vitest';
import {
  ERRCODES,
  describeErrcode,
  errcodeDocUrl,
  isKnownErrcode,
  parseErrmsg,
} from '../../src/errors/errcodes.ts';

const SAMPLE_60020 =
  'not allow to access from your ip, hint: [1699999999_12_abcdef], from ip: 203.0.113.7, more info at https://open.work.weixin.qq.com/devtool/query?e=60020';

describe('errcode table', () => {
  it('covers every code the reference lists', () => {
    const required = [
      -1, 0, 6000, 40001, 40003, 40004, 40005, 40006, 40007, 40008, 40013, 40014, 40029, 40035, 40050, 40056,
      40058, 40091, 40206, 41001, 41002, 41004, 42001, 42052, 43004, 44004, 45001, 45002, 45009, 45029, 45033,
      48001, 48002, 48009, 50001, 50002, 50100, 60003, 60011, 60020, 60021, 60030, 60111, 60123, 81013, 81026,
      82001, 86001, 86003, 86006, 86008, 86207, 86224, 92000, 92001, 92002, 92003, 92006, 92007, 92008,
    ];
    const missing = required.filter((code) => !isKnownErrcode(code));
    expect(missing).toEqual([]);
  });

  it('gives every entry both languages and a consistent fix', () => {
    for (const [code, info] of Object.entries(ERRCODES)) {
      expect(info.zh, `zh of ${code}`).not.toBe('');
      expect(info.en, `en of ${code}`).not.toBe('');
      if (info.fix) expect(info.fix.zh && info.fix.en, `fix of ${code}`).toBeTruthy();
    }
  });

  it('classifies the codes the pipeline reacts to', () => {
    expect(ERRCODES[-1]!.retry).toBe('backoff');
    expect(ERRCODES[45033]!.retry).toBe('backoff');
    expect(ERRCODES[6000]!.retry).toBe('backoff');
    expect(ERRCODES[40014]!.retry).toBe('token');
    expect(ERRCODES[42001]!.retry).toBe('token');
    expect(ERRCODES[40001]!.retry).toBe('token');
    expect(ERRCODES[45009]!).toMatchObject({ retry: 'window', category: 'rate_limit' });
    expect(ERRCODES[60020]!).toMatchObject({ retry: 'never', category: 'permission' });
    expect(ERRCODES[92006]!.retry).toBe('never');
    expect(ERRCODES[40091]!.category).toBe('auth');
  });
});

describe('parseErrmsg', () => {
  it('splits WeCom errmsg into text, hint and IP', () => {
    expect(parseErrmsg(SAMPLE_60020)).toEqual({
      text: 'not allow to access from your ip',
      hint: '1699999999_12_abcdef',
      fromIp: '203.0.113.7',
    });
    expect(parseErrmsg('ok')).toEqual({ text: 'ok', hint: null, fromIp: null });
  });
});

describe('describeErrcode', () => {
  it('puts the caller IP into the 60020 message, in both languages', () => {
    const zh = describeErrcode(60020, SAMPLE_60020, 'zh-CN');
    const en = describeErrcode(60020, SAMPLE_60020, 'en-US');
    expect(zh.message).toContain('203.0.113.7');
    expect(zh.message).toContain('企业可信IP');
    expect(en.message).toContain('203.0.113.7');
    expect(en.message).toContain('trusted IP');
    expect(zh.hint).toBe('1699999999_12_abcdef');
    expect(zh.info.fix?.en).toContain('203.0.113.7');
  });

  it('still says what to do when 60020 comes without an IP', () => {
    expect(describeErrcode(60020, 'not allow to access from your ip', 'en-US').message).toContain(
      "this machine's public IP",
    );
  });

  it('explains the well-known traps', () => {
    expect(describeErrcode(48009, 'x', 'en-US').message).toMatch(/list_id.*simplelist/);
    expect(describeErrcode(60011, 'x', 'zh-CN').message).toContain('可见范围');
    expect(describeErrcode(92008, 'x', 'en-US').message).toMatch(/app that created it/);
    expect(describeErrcode(40001, 'x', 'en-US').message).toMatch(/Secret.*enabled/);
    expect(describeErrcode(40091, 'x', 'zh-CN').message).toContain('已启用');
    expect(describeErrcode(45009, 'api freq out of limit', 'en-US').message).toMatch(
      /60 s.*1 hour.*next day/,
    );
    expect(describeErrcode(92006, 'x', 'zh-CN').message).toContain('预约中');
  });

  it('gives unknown codes a message with WeCom text and the lookup URL', () => {
    const described = describeErrcode(12345, 'something odd, hint: [h1], more info at https://x', 'en-US');
    expect(described.message).toBe(
      'WeCom error 12345: something odd. Look it up at https://open.work.weixin.qq.com/devtool/query?e=12345',
    );
    expect(described.hint).toBe('h1');
    expect(described.info.retry).toBe('never');
    expect(describeErrcode(12345, '', 'zh-CN').message).toContain(errcodeDocUrl(12345));
  });
});
