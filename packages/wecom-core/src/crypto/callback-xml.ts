// The XML envelope of POST callbacks and of encrypted replies. Only <Encrypt> is read, so a tight
// pattern is enough; the decrypted message itself is left to the caller to parse.
import { WeComCryptoError } from './crypto-error.ts';

const ENCRYPT_RE = /<Encrypt>\s*(?:<!\[CDATA\[([\s\S]*?)\]\]>|([^<]*))\s*<\/Encrypt>/;

export function extractEncrypt(xml: string): string {
  const match = ENCRYPT_RE.exec(xml);
  const value = (match?.[1] ?? match?.[2] ?? '').trim();
  if (!value) throw new WeComCryptoError('CRYPTO_BAD_XML', 'the callback body has no <Encrypt> element');
  return value;
}

function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

export function buildEncryptedReply(
  encrypted: string,
  signature: string,
  timestamp: string,
  nonce: string,
): string {
  return (
    `<xml><Encrypt>${cdata(encrypted)}</Encrypt><MsgSignature>${cdata(signature)}</MsgSignature>` +
    `<TimeStamp>${timestamp}</TimeStamp><Nonce>${cdata(nonce)}</Nonce></xml>`
  );
}
