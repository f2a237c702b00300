// main's calls as the browser host answers them, with the checks of Electron's IPC router: the method
// exists, the calling window may use it, the input matches the contract, the output too. Every
// refusal is a sentence, never a ZodError's JSON.
import { z } from 'zod';
import { mainContract, type MainMethod } from '../src/shared/contract.ts';
import type { InvokeResult } from '../src/shared/ipc-channels.ts';
import { invalidInputMessage, invalidInputParams } from '../src/shared/input-issues.ts';
import { isMethodAllowed, type CallerKind } from '../src/shared/method-access.ts';
import type { ServiceError } from '../src/shared/models.ts';
import { callFailure, toCallFailure } from '../src/main/call-errors.ts';

export type MainCallHandler = (input: unknown, rawInput: unknown) => unknown;
export type MainCallHandlers = { [M in MainMethod]: MainCallHandler };

export interface MainCalls {
  invoke(kind: CallerKind, method: string, rawInput: unknown): Promise<InvokeResult>;
}

const fail = (kind: ServiceError['kind'], code: string, message: string, params?: ServiceError['params']): InvokeResult => ({
  ok: false,
  error: callFailure(kind, code, message, params),
});
const clip = (text: string) => text.slice(0, 64);

export function createMainCalls(
  handlers: MainCallHandlers,
  log: (line: string) => void,
): MainCalls {
  return {
    async invoke(kind, name, rawInput) {
      if (!Object.hasOwn(mainContract, name))
        return fail('validation', 'UNKNOWN_METHOD', `Unknown method "${clip(name)}".`, { method: clip(name) });
      const method = name as MainMethod;
      if (!isMethodAllowed(kind, method)) {
        log(`refused ${method} from the ${kind} window`);
        return fail('forbidden', 'FORBIDDEN', `The ${kind} window may not call ${method}.`);
      }
      const spec = mainContract[method];
      const input = spec.input.safeParse(rawInput);
      if (!input.success) return fail('validation', 'INVALID_INPUT', invalidInputMessage(method, input.error), invalidInputParams(method, input.error));
      try {
        const output = await handlers[method](input.data, rawInput);
        const checked = spec.output.safeParse(output);
        if (!checked.success) {
          log(`${method} produced an output outside the contract`);
          return fail('internal', 'INTERNAL', `${method} failed inside the app.`);
        }
        return { ok: true, output: checked.data };
      } catch (error) {
        if (error instanceof z.ZodError) return fail('validation', 'INVALID_INPUT', invalidInputMessage(method, error), invalidInputParams(method, error));
        const failure = toCallFailure(error);
        return { ok: false, error: { ...failure, message: failure.message.slice(0, 500) } };
      }
    },
  };
}
