// Who may talk to main over IPC: the top frame of a window main created, showing one of our pages.
import type { WebContents, WebFrameMain } from 'electron';
import { originOf } from './origin.ts';
import type { TrackedWindow, WindowRegistry } from './window-registry.ts';

export interface IpcSenderEvent {
  sender: Pick<WebContents, 'id'>;
  senderFrame: Pick<WebFrameMain, 'url' | 'parent'> | null;
}

export function trustedSender(
  event: IpcSenderEvent,
  windows: WindowRegistry,
  allowedOrigins: readonly string[],
): TrackedWindow | null {
  const frame = event.senderFrame;
  // A destroyed frame, or an iframe inside our page, is never trusted.
  if (!frame || frame.parent !== null) return null;
  const origin = originOf(frame.url);
  if (origin === null || !allowedOrigins.includes(origin)) return null;
  return windows.byWebContents(event.sender.id) ?? null;
}
