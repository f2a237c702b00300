// The windows main created, by id and by their webContents: the only senders IPC listens to.
import type { BrowserWindow } from 'electron';

export type WindowKind = 'launcher' | 'main';

export interface TrackedWindow {
  /** BrowserWindow.id: the windowId of `connect`/`disconnect`. */
  id: number;
  kind: WindowKind;
  window: BrowserWindow;
  webContentsId: number;
}

export class WindowRegistry {
  private readonly byWindowId = new Map<number, TrackedWindow>();
  private readonly closedListeners = new Set<(tracked: TrackedWindow) => void>();

  add(window: BrowserWindow, kind: WindowKind): TrackedWindow {
    const tracked: TrackedWindow = { id: window.id, kind, window, webContentsId: window.webContents.id };
    this.byWindowId.set(tracked.id, tracked);
    window.once('closed', () => {
      this.byWindowId.delete(tracked.id);
      for (const listener of this.closedListeners) listener(tracked);
    });
    return tracked;
  }

  get(windowId: number): TrackedWindow | undefined {
    return this.byWindowId.get(windowId);
  }

  byWebContents(webContentsId: number): TrackedWindow | undefined {
    for (const tracked of this.byWindowId.values())
      if (tracked.webContentsId === webContentsId) return tracked;
    return undefined;
  }

  ofKind(kind: WindowKind): TrackedWindow[] {
    return [...this.byWindowId.values()].filter((t) => t.kind === kind);
  }

  all(): TrackedWindow[] {
    return [...this.byWindowId.values()];
  }

  onClosed(listener: (tracked: TrackedWindow) => void): () => void {
    this.closedListeners.add(listener);
    return () => this.closedListeners.delete(listener);
  }
}
