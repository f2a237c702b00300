// A token belongs to one (corpid, secret) pair: keying by corpid alone hands one app's token to
// another. The secret enters the key only as a SHA-256 digest.
import { createHash } from 'node:crypto';

export function tokenKey(corpId: string, secret: string): string {
  const digest = createHash('sha256').update(secret, 'utf8').digest('hex');
  return `${corpId}:${digest}`;
}
