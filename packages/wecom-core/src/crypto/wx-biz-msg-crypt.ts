// WXBizMsgCrypt: verify and decrypt WeCom callbacks (URL check and POST events), encrypt replies.
import { randomBytes } from 'node:crypto';
import { decodeAesKey, decryptMessage, encryptMessage } from './aes.ts';
import { buildEncryptedReply, extractEncrypt } from './callback-xml.ts';
import { WeComCryptoError } from './crypto-error.ts';
import { msgSignature, verifyMsgSignature } from './signature.ts';
import { randomNonce } from './jssdk-signature.ts';
import { systemClock } from '@wld/clock';

export interface CallbackCryptoConfig {
  /** The Token set on the callback page. */
  token: string;
  /** The 43-character EncodingAESKey. */
  encodingAesKey: string;
  /** corpid for corp app callbacks, suiteid for suites, '' for bots and personal third-party apps. */
  receiveId: string;
}

export interface CallbackQuery {
  msg_signature: string;
  timestamp: string;
  nonce: string;
}

export class WXBizMsgCrypt {
  readonly #token: string;
  readonly #key: Buffer;
  readonly #receiveId: string;

  constructor(config: CallbackCryptoConfig) {
    this.#token = config.token;
    this.#key = decodeAesKey(config.encodingAesKey);
    this.#receiveId = config.receiveId;
  }

  /** Checks the signature, decrypts, and checks the receiveid; returns the plaintext message. */
  decrypt(query: CallbackQuery, encrypted: string): string {
    if (!verifyMsgSignature(this.#token, query.timestamp, query.nonce, encrypted, query.msg_signature)) {
      throw new WeComCryptoError('CRYPTO_SIGNATURE_MISMATCH', 'msg_signature does not match the message');
    }
    const { message, receiveId } = decryptMessage(this.#key, encrypted);
    if (receiveId !== this.#receiveId) {
      throw new WeComCryptoError(
        'CRYPTO_RECEIVEID_MISMATCH',
        `the message is for "${receiveId}", not this receiver`,
      );
    }
    return message;
  }

  /**
   * The GET URL check: returns the plaintext to answer with (no quotes, BOM or newline). Query values
   * must already be URL-decoded (URLSearchParams does that).
   */
  verifyUrl(query: CallbackQuery & { echostr: string }): string {
    return this.decrypt(query, query.echostr);
  }

  /** A POST callback: the plaintext XML inside the body's <Encrypt> element. */
  decryptCallback(query: CallbackQuery, xmlBody: string): string {
    return this.decrypt(query, extractEncrypt(xmlBody));
  }

  /** An encrypted passive reply to a POST callback. */
  encryptReply(
    plaintext: string,
    timestamp = String(Math.floor(systemClock.now() / 1000)),
    nonce = randomNonce(),
  ): string {
    const encrypted = encryptMessage(this.#key, plaintext, this.#receiveId, randomBytes(16));
    return buildEncryptedReply(
      encrypted,
      msgSignature(this.#token, timestamp, nonce, encrypted),
      timestamp,
      nonce,
    );
  }
}
