// The message cipher of WeCom callbacks: AES-256-CBC, IV = key[0..16], PKCS#7 padding to 32-byte
// blocks, plaintext = random(16) ‖ msg_len (4 bytes, big-endian) ‖ msg ‖ receiveid.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { WeComCryptoError } from './crypto-error.ts';

const BLOCK = 32;
const AES_KEY_PATTERN = /^[A-Za-z0-9]{43}$/;

/** EncodingAESKey (43 chars) → the 32-byte AES key. */
export function decodeAesKey(encodingAesKey: string): Buffer {
  if (!AES_KEY_PATTERN.test(encodingAesKey)) {
    throw new WeComCryptoError('CRYPTO_BAD_AES_KEY', 'EncodingAESKey must be 43 letters and digits');
  }
  const key = Buffer.from(encodingAesKey + '=', 'base64');
  if (key.length !== 32)
    throw new WeComCryptoError('CRYPTO_BAD_AES_KEY', 'EncodingAESKey does not decode to 32 bytes');
  return key;
}

export function pkcs7Pad(data: Buffer): Buffer {
  const padding = BLOCK - (data.length % BLOCK);
  return Buffer.concat([data, Buffer.alloc(padding, padding)]);
}

/** Strict: the length must be a block multiple and every padding byte must equal the count (1..32). */
export function pkcs7Unpad(data: Buffer): Buffer {
  if (data.length === 0 || data.length % BLOCK !== 0) {
    throw new WeComCryptoError(
      'CRYPTO_BAD_PADDING',
      `decrypted length ${data.length} is not a multiple of ${BLOCK}`,
    );
  }
  const padding = data[data.length - 1]!;
  if (padding < 1 || padding > BLOCK)
    throw new WeComCryptoError('CRYPTO_BAD_PADDING', `invalid padding byte ${padding}`);
  let mismatch = 0;
  for (let i = data.length - padding; i < data.length; i++) mismatch |= data[i]! ^ padding;
  if (mismatch !== 0) throw new WeComCryptoError('CRYPTO_BAD_PADDING', 'padding bytes are inconsistent');
  return data.subarray(0, data.length - padding);
}

export interface DecryptedMessage {
  message: string;
  receiveId: string;
  random: Buffer;
}

export function encryptMessage(
  key: Buffer,
  message: string,
  receiveId: string,
  random: Buffer = randomBytes(16),
): string {
  if (random.length !== 16)
    throw new WeComCryptoError('CRYPTO_BAD_LENGTH', 'the random prefix must be 16 bytes');
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length, 0);
  const plain = pkcs7Pad(Buffer.concat([random, length, body, Buffer.from(receiveId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

export function decryptMessage(key: Buffer, encrypted: string): DecryptedMessage {
  const cipherText = Buffer.from(encrypted, 'base64');
  if (cipherText.length === 0 || cipherText.length % 16 !== 0) {
    throw new WeComCryptoError('CRYPTO_BAD_CIPHERTEXT', 'the ciphertext is not whole AES blocks of base64');
  }
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const plain = pkcs7Unpad(Buffer.concat([decipher.update(cipherText), decipher.final()]));
  if (plain.length < 20)
    throw new WeComCryptoError('CRYPTO_BAD_LENGTH', 'the plaintext is shorter than its header');
  const length = plain.readUInt32BE(16);
  if (20 + length > plain.length) {
    throw new WeComCryptoError('CRYPTO_BAD_LENGTH', `message length ${length} exceeds the plaintext`);
  }
  return {
    random: Buffer.from(plain.subarray(0, 16)),
    message: plain.subarray(20, 20 + length).toString('utf8'),
    receiveId: plain.subarray(20 + length).toString('utf8'),
  };
}
