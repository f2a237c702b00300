// The services' side of safeStorage: `crypt` requests to main, answered by `cryptResult`.
import type { ServicesToMain } from '../../shared/host-protocol.ts';
import type { Crypt } from './encrypted-file-store.ts';

export interface CryptAnswer {
  id: number;
  ok: boolean;
  data?: string | undefined;
  error?: string | undefined;
}

export interface MainCrypt extends Crypt {
  /** Main answered request `id`. */
  settle(answer: CryptAnswer): void;
}

export function createMainCrypt(post: (message: ServicesToMain) => void, timeoutMs = 10_000): MainCrypt {
  let nextId = 1;
  const pending = new Map<number, { resolve: (data: string) => void; reject: (error: Error) => void }>();
  const ask = (op: 'encrypt' | 'decrypt', data: string) =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`main did not answer the ${op} request within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref?.();
      pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      post({ type: 'crypt', id, op, data });
    });
  return {
    encrypt: (plain) => ask('encrypt', plain),
    decrypt: (cipher) => ask('decrypt', cipher),
    settle(answer) {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (answer.ok && answer.data !== undefined) waiting.resolve(answer.data);
      else waiting.reject(new Error(answer.error ?? 'safeStorage failed'));
    },
  };
}
