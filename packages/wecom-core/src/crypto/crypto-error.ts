// Why a callback could not be trusted or read. Distinct from API errors: nothing was sent to WeCom.
import { CodedError } from '../rules/coded-error.ts';

export type CryptoErrorCode =
  | 'CRYPTO_BAD_AES_KEY'
  | 'CRYPTO_SIGNATURE_MISMATCH'
  | 'CRYPTO_BAD_CIPHERTEXT'
  | 'CRYPTO_BAD_PADDING'
  | 'CRYPTO_BAD_LENGTH'
  | 'CRYPTO_RECEIVEID_MISMATCH'
  | 'CRYPTO_BAD_XML';

export class WeComCryptoError extends CodedError {
  declare readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string) {
    super(code, message);
    this.name = 'WeComCryptoError';
  }

  toJSON(): { name: string; code: CryptoErrorCode; message: string } {
    return { name: this.name, code: this.code, message: this.message };
  }
}
