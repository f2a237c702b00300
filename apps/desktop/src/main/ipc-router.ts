// The IPC surface of main: `invoke` (mainContract calls), `subscribe` (state replay) and
// `request-port`. Every message: sender checked, envelope and input validated, output checked.
import { ipcMain } from 'electron';
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { mainContract } from '../shared/contract.ts';
import type { MainContract, MainEvent, MainMethod, MainOutput } from '../shared/contract.ts';
import { IPC, MAIN_EVENT_NAMES } from '../shared/ipc-channels.ts';
import type { InvokeResult, StickyEvent } from '../shared/ipc-channels.ts';
import type { ServiceError } from '../shared/models.ts';
import { describeIssues, invalidInputMessage, invalidInputParams } from '../shared/input-issues.ts';
import { MainCallError, callFailure, toCallFailure } from './call-errors.ts';
import { isMethodAllowed } from '../shared/method-access.ts';
import { trustedSender } from './ipc-sender.ts';
import type { AppLog } from './logger.ts';
import type { TrackedWindow, WindowRegistry } from './window-registry.ts';

export interface CallContext {
  window: TrackedWindow;
  /** The input as sent, before defaults: tells which fields a partial update really set. */
  rawInput: unknown;
}

export type MainHandler<M extends MainMethod> = (
  input: z.output<MainContract[M]['input']>,
  context: CallContext,
) => MainOutput<M> | Promise<MainOutput<M>>;

export type MainHandlers = { [M in MainMethod]: MainHandler<M> };

export { isMethodAllowed } from '../shared/method-access.ts';


const invokeEnvelope = z.object({ method: z.string().min(1).max(64), input: z.unknown() }).strict();
const portRequest = z.object({ nonce: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/) }).strict();

export interface IpcRouterOptions {
  windows: WindowRegistry;
  allowedOrigins: readonly string[];
  handlers: MainHandlers;
  sticky: (window: TrackedWindow, event: MainEvent) => StickyEvent;
  onPortRequest: (window: TrackedWindow, nonce: string) => void;
  log: AppLog;
}

function failure(kind: ServiceError['kind'], code: string, message: string, params?: ServiceError['params']): InvokeResult {
  return { ok: false, error: callFailure(kind, code, message, params) };
}

export async function handleInvoke(
  options: IpcRouterOptions,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  request: unknown,
): Promise<InvokeResult> {
  const window = trustedSender(event, options.windows, options.allowedOrigins);
  if (!window) {
    options.log.warn('refused an IPC call from an unknown sender:', event.senderFrame?.url ?? '(no frame)');
    return failure('forbidden', 'FORBIDDEN', 'This page may not call the app.', { method: '' });
  }
  const envelope = invokeEnvelope.safeParse(request);
  if (!envelope.success)
    return failure('validation', 'INVALID_REQUEST', `Malformed call: ${describeIssues(envelope.error)}`, { issues: describeIssues(envelope.error).slice(0, 300) });
  const { method: name, input: rawInput } = envelope.data;
  if (!Object.hasOwn(mainContract, name)) return failure('validation', 'UNKNOWN_METHOD', `Unknown method "${name}".`, { method: name.slice(0, 80) });
  const method = name as MainMethod;
  if (!isMethodAllowed(window.kind, method)) {
    options.log.warn(`refused ${method} from the ${window.kind} window`);
    return failure('forbidden', 'FORBIDDEN', `The ${window.kind} window may not call ${method}.`, { method });
  }
  const spec = mainContract[method];
  const input = spec.input.safeParse(rawInput);
  if (!input.success)
    return failure('validation', 'INVALID_INPUT', invalidInputMessage(method, input.error), invalidInputParams(method, input.error));
  try {
    const handler = options.handlers[method] as (input: unknown, context: CallContext) => unknown;
    const output = await handler(input.data, { window, rawInput });
    const checked = spec.output.safeParse(output);
    if (!checked.success) {
      options.log.error(
        `${method} produced an output outside the contract: ${describeIssues(checked.error)}`,
      );
      return failure('internal', 'INTERNAL', `${method} failed inside the app.`);
    }
    return { ok: true, output: checked.data };
  } catch (error) {
    if (!(error instanceof MainCallError)) options.log.error(`${method} failed:`, error);
    return { ok: false, error: toCallFailure(error) };
  }
}

export function handleSubscribe(
  options: IpcRouterOptions,
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  name: unknown,
): StickyEvent {
  const window = trustedSender(event, options.windows, options.allowedOrigins);
  if (!window || typeof name !== 'string' || !(MAIN_EVENT_NAMES as readonly string[]).includes(name))
    return null;
  return options.sticky(window, name as MainEvent);
}

export function handlePortRequest(
  options: IpcRouterOptions,
  event: Pick<IpcMainEvent, 'sender' | 'senderFrame'>,
  request: unknown,
): boolean {
  const window = trustedSender(event, options.windows, options.allowedOrigins);
  if (!window || window.kind !== 'main') {
    options.log.warn('refused a services port request from', event.senderFrame?.url ?? '(no frame)');
    return false;
  }
  const parsed = portRequest.safeParse(request);
  if (!parsed.success) {
    options.log.warn('refused a malformed services port request');
    return false;
  }
  options.onPortRequest(window, parsed.data.nonce);
  return true;
}

/** Registers the three channels; returns a function that removes them. */
export function registerIpc(options: IpcRouterOptions): () => void {
  ipcMain.handle(IPC.invoke, (event, request: unknown) => handleInvoke(options, event, request));
  ipcMain.handle(IPC.subscribe, (event, name: unknown) => handleSubscribe(options, event, name));
  const onPort = (event: IpcMainEvent, request: unknown) => void handlePortRequest(options, event, request);
  ipcMain.on(IPC.requestPort, onPort);
  return () => {
    ipcMain.removeHandler(IPC.invoke);
    ipcMain.removeHandler(IPC.subscribe);
    ipcMain.removeListener(IPC.requestPort, onPort);
  };
}
