import { systemClock } from '@wld/clock';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jsApiSignature, randomNonce, stripFragment } from '../../src/crypto/jssdk-signature.ts';

describe('JS-SDK signature', () => {
  it('matches the published example (noncestr Wm3WZYTPz0wzccnW, timestamp 1414587457)', () => {
    const signed = jsApiSignature({
      ticket: 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg',
      nonceStr: 'Wm3WZYTPz0wzccnW',
      timestamp: 1414587457,
      url: 'http://mp.weixin.qq.com?params=value',
    });
    expect(signed.signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed');
  });

  it('signs the URL without its #fragment and with raw (not encoded) values', () => {
    const url = 'https://desk.example.com/live?id=a b&x=1#/detail';
    const signed = jsApiSignature({ ticket: 'T', nonceStr: 'N', timestamp: 1, url });
    const expected = createHash('sha1')
      .update('jsapi_ticket=T&noncestr=N&timestamp=1&url=https://desk.example.com/live?id=a b&x=1')
      .digest('hex');
    expect(signed.url).toBe('https://desk.example.com/live?id=a b&x=1');
    expect(signed.signature).toBe(expected);
    expect(stripFragment('https://a/b')).toBe('https://a/b');
  });

  it('makes fresh nonces and a current timestamp when not given', () => {
    const a = jsApiSignature({ ticket: 'T', url: 'https://a/' });
    const b = jsApiSignature({ ticket: 'T', url: 'https://a/' });
    expect(a.nonceStr).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(a.nonceStr).not.toBe(b.nonceStr);
    expect(Math.abs(a.timestamp - systemClock.now() / 1000)).toBeLessThan(300);
    expect(randomNonce(32)).toHaveLength(32);
  });
});
