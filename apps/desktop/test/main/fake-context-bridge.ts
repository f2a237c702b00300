// What crosses Electron's contextBridge, for the fake: values are copied (not shared), functions are
// proxied (their arguments and results copied too), promises are proxied, and an Error arrives as a
// new Error carrying its message only: name, stack and custom properties stay behind.
// https://www.electronjs.org/docs/latest/api/context-bridge#parameter--error--return-type-support

/** An Error as the other world sees it. */
function copyError(error: Error): Error {
  return new Error(error.message);
}

export function copyAcrossBridge(value: unknown, seen = new WeakMap<object, unknown>()): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function') return proxyFunction(value as (...args: unknown[]) => unknown);
    if (typeof value === 'symbol') throw new Error('An object could not be cloned: symbols cannot cross the bridge');
    return value;
  }
  if (value instanceof Error) return copyError(value);
  if (value instanceof Promise) return proxyPromise(value);
  const known = seen.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(copyAcrossBridge(item, seen));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    // Dates, buffers, maps…: the structured clone algorithm (class instances lose their prototype).
    return structuredClone(value);
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = copyAcrossBridge(item, seen);
  return copy;
}

function proxyPromise(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (result) => copyAcrossBridge(result),
    (reason: unknown) => {
      throw copyAcrossBridge(reason);
    },
  );
}

function proxyFunction(fn: (...args: unknown[]) => unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => {
    let result: unknown;
    try {
      result = fn(...args.map((arg) => copyAcrossBridge(arg)));
    } catch (error) {
      throw copyAcrossBridge(error);
    }
    return copyAcrossBridge(result);
  };
}
