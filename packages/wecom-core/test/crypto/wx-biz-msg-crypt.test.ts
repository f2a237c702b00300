import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeAesKey, decryptMessage, encryptMessage, pkcs7Pad, pkcs7Unpad } from '../../src/crypto/aes.ts';
import { extractEncrypt } from '../../src/crypto/callback-xml.ts';
import { WeComCryptoError } from '../../src/crypto/crypto-error.ts';
import { msgSignature, signaturesEqual } from '../../src/crypto/signature.ts';
import { WXBizMsgCrypt } from '../../src/crypto/wx-biz-msg-crypt.ts';

// The published example of WeCom's callback documentation (加解密方案说明 / sample code).
const DOC = {
  token: 'QDG6eK',
  encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
  corpId: 'wx5823bf96d3bd56c7',
  verify: {
    msg_signature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    timestamp: '1409659589',
    nonce: '263014780',
    echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
    plaintext: '1616140317555161061',
  },
  post: {
    msg_signature: '477715d11cdb4164915debcba66cb864d751f3e6',
    timestamp: '1409659813',
    nonce: '1372623149',
    body: '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA[RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==]]></Encrypt><AgentID><![CDATA[218]]></AgentID></xml>',
    plaintext:
      '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>',
  },
};

const docCrypt = () =>
  new WXBizMsgCrypt({ token: DOC.token, encodingAesKey: DOC.encodingAesKey, receiveId: DOC.corpId });

function expectCryptoError(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WeComCryptoError);
    expect((error as WeComCryptoError).code).toBe(code);
    return;
  }
  throw new Error(`expected ${code}`);
}

/**
 * An independent encryption path for known answers: WebCrypto's AES-CBC (which always adds its own
 * 16-byte PKCS#7 block) over a plaintext padded to 32 bytes by hand; the extra block is cut off.
 */
async function referenceEncrypt(
  key: Buffer,
  random: Buffer,
  message: string,
  receiveId: string,
): Promise<string> {
  const body = Buffer.from(message, 'utf8');
  const header = Buffer.alloc(20);
  random.copy(header, 0);
  new DataView(header.buffer, header.byteOffset, 20).setUint32(16, body.length, false); // big-endian
  const unpadded = Buffer.concat([header, body, Buffer.from(receiveId, 'utf8')]);
  const padCount = 32 - (unpadded.length % 32);
  const padded = Buffer.concat([unpadded, Buffer.alloc(padCount, padCount)]);
  const cryptoKey = await webcrypto.subtle.importKey('raw', key, 'AES-CBC', false, ['encrypt']);
  const out = Buffer.from(
    await webcrypto.subtle.encrypt({ name: 'AES-CBC', iv: key.subarray(0, 16) }, cryptoKey, padded),
  );
  return out.subarray(0, padded.length).toString('base64');
}

describe('WXBizMsgCrypt with the published example', () => {
  it('verifies the URL check and answers the echostr plaintext', () => {
    expect(docCrypt().verifyUrl(DOC.verify)).toBe(DOC.verify.plaintext);
  });

  it('decrypts the published POST callback', () => {
    const { body, ...query } = DOC.post;
    expect(docCrypt().decryptCallback(query, body)).toBe(DOC.post.plaintext);
  });

  it('computes the published signature by sorting the four strings', () => {
    expect(msgSignature(DOC.token, DOC.verify.timestamp, DOC.verify.nonce, DOC.verify.echostr)).toBe(
      DOC.verify.msg_signature,
    );
    const sorted = [DOC.token, DOC.verify.timestamp, DOC.verify.nonce, DOC.verify.echostr].sort().join('');
    expect(createHash('sha1').update(sorted).digest('hex')).toBe(DOC.verify.msg_signature);
  });

  it('rejects a tampered signature, a tampered message and a wrong receiveid', () => {
    const tampered = DOC.verify.msg_signature.replace(/^5/, '6');
    expectCryptoError(
      () => docCrypt().verifyUrl({ ...DOC.verify, msg_signature: tampered }),
      'CRYPTO_SIGNATURE_MISMATCH',
    );
    expectCryptoError(
      () => docCrypt().verifyUrl({ ...DOC.verify, msg_signature: 'short' }),
      'CRYPTO_SIGNATURE_MISMATCH',
    );
    expectCryptoError(
      () => docCrypt().verifyUrl({ ...DOC.verify, nonce: '263014781' }),
      'CRYPTO_SIGNATURE_MISMATCH',
    );
    const other = new WXBizMsgCrypt({
      token: DOC.token,
      encodingAesKey: DOC.encodingAesKey,
      receiveId: 'wwsomeoneelse',
    });
    expectCryptoError(() => other.verifyUrl(DOC.verify), 'CRYPTO_RECEIVEID_MISMATCH');
  });
});

describe('AES message layout', () => {
  const key = decodeAesKey(DOC.encodingAesKey);
  const random = Buffer.from('0123456789abcdef', 'utf8');

  it('matches an independent WebCrypto encryption byte for byte', async () => {
    for (const message of ['', 'hi', '<xml>直播提醒：明天 10:00 开始</xml>', 'x'.repeat(1000)]) {
      const expected = await referenceEncrypt(key, random, message, DOC.corpId);
      expect(encryptMessage(key, message, DOC.corpId, random)).toBe(expected);
      const decrypted = decryptMessage(key, expected);
      expect(decrypted.message).toBe(message);
      expect(decrypted.receiveId).toBe(DOC.corpId);
      expect(decrypted.random.equals(random)).toBe(true);
    }
  });

  it('pads to 32-byte blocks, a full block when already aligned', () => {
    expect(pkcs7Pad(Buffer.alloc(31)).length).toBe(32);
    expect(pkcs7Pad(Buffer.alloc(32)).length).toBe(64);
    expect(pkcs7Pad(Buffer.alloc(32)).at(-1)).toBe(32);
    expect(pkcs7Unpad(pkcs7Pad(Buffer.from('abc'))).toString()).toBe('abc');
  });

  it('rejects bad padding strictly', () => {
    const block = Buffer.alloc(32, 7);
    block[30] = 6; // one padding byte disagrees
    expectCryptoError(() => pkcs7Unpad(block), 'CRYPTO_BAD_PADDING');
    expectCryptoError(() => pkcs7Unpad(Buffer.alloc(32, 0)), 'CRYPTO_BAD_PADDING');
    expectCryptoError(() => pkcs7Unpad(Buffer.alloc(32, 33)), 'CRYPTO_BAD_PADDING');
    expectCryptoError(() => pkcs7Unpad(Buffer.alloc(48, 1)), 'CRYPTO_BAD_PADDING');
  });

  it('rejects a ciphertext whose decryption has bad padding', async () => {
    // A valid-looking AES-CBC ciphertext of 32 bytes ending in 0x00: decrypts, but padding is invalid.
    const plain = Buffer.alloc(32, 0);
    const cryptoKey = await webcrypto.subtle.importKey('raw', key, 'AES-CBC', false, ['encrypt']);
    const cipherText = Buffer.from(
      await webcrypto.subtle.encrypt({ name: 'AES-CBC', iv: key.subarray(0, 16) }, cryptoKey, plain),
    ).subarray(0, 32);
    expectCryptoError(() => decryptMessage(key, cipherText.toString('base64')), 'CRYPTO_BAD_PADDING');
    expectCryptoError(
      () => decryptMessage(key, Buffer.alloc(20).toString('base64')),
      'CRYPTO_BAD_CIPHERTEXT',
    );
  });

  it('rejects a length field longer than the plaintext', async () => {
    const forged = await referenceEncrypt(key, random, 'abc', '');
    // Re-encrypt with the length field pointing past the end.
    const plain = Buffer.concat([random, Buffer.from([0, 0, 1, 0]), Buffer.from('abc')]);
    const padded = pkcs7Pad(plain);
    const cryptoKey = await webcrypto.subtle.importKey('raw', key, 'AES-CBC', false, ['encrypt']);
    const cipherText = Buffer.from(
      await webcrypto.subtle.encrypt({ name: 'AES-CBC', iv: key.subarray(0, 16) }, cryptoKey, padded),
    ).subarray(0, padded.length);
    expect(decryptMessage(key, forged).message).toBe('abc');
    expectCryptoError(() => decryptMessage(key, cipherText.toString('base64')), 'CRYPTO_BAD_LENGTH');
  });

  it('rejects malformed EncodingAESKeys', () => {
    expectCryptoError(() => decodeAesKey('short'), 'CRYPTO_BAD_AES_KEY');
    expectCryptoError(() => decodeAesKey(DOC.encodingAesKey.slice(0, 42) + '+'), 'CRYPTO_BAD_AES_KEY');
  });
});

describe('callbacks end to end', () => {
  it('round-trips an encrypted reply through decryptCallback', () => {
    const crypt = docCrypt();
    const reply = crypt.encryptReply(
      '<xml><Content><![CDATA[好的]]></Content></xml>',
      '1700000000',
      'nonce123',
    );
    const query = {
      msg_signature: /<MsgSignature><!\[CDATA\[([0-9a-f]+)\]\]><\/MsgSignature>/.exec(reply)![1]!,
      timestamp: '1700000000',
      nonce: 'nonce123',
    };
    expect(crypt.decryptCallback(query, reply)).toBe('<xml><Content><![CDATA[好的]]></Content></xml>');
  });

  it('receives for an empty receiveid (bots) and rejects one meant for a corp', () => {
    const bot = new WXBizMsgCrypt({ token: 't', encodingAesKey: DOC.encodingAesKey, receiveId: '' });
    const reply = bot.encryptReply('ping', '1', 'n');
    const signature = /<MsgSignature><!\[CDATA\[([0-9a-f]+)\]\]>/.exec(reply)![1]!;
    expect(bot.decryptCallback({ msg_signature: signature, timestamp: '1', nonce: 'n' }, reply)).toBe('ping');
    const corp = new WXBizMsgCrypt({ token: 't', encodingAesKey: DOC.encodingAesKey, receiveId: DOC.corpId });
    expectCryptoError(
      () => corp.decryptCallback({ msg_signature: signature, timestamp: '1', nonce: 'n' }, reply),
      'CRYPTO_RECEIVEID_MISMATCH',
    );
  });

  it('extracts <Encrypt> with or without CDATA and fails without it', () => {
    expect(extractEncrypt('<xml><Encrypt><![CDATA[abc+/=]]></Encrypt></xml>')).toBe('abc+/=');
    expect(extractEncrypt('<xml>\n  <Encrypt>abc</Encrypt>\n</xml>')).toBe('abc');
    expectCryptoError(() => extractEncrypt('<xml><ToUserName>x</ToUserName></xml>'), 'CRYPTO_BAD_XML');
  });

  it('compares signatures only when equal, whatever the case', () => {
    expect(signaturesEqual('abcdef', 'ABCDEF')).toBe(true);
    expect(signaturesEqual('abcdef', 'abcdee')).toBe(false);
    expect(signaturesEqual('abcdef', 'abcde')).toBe(false);
  });
});
