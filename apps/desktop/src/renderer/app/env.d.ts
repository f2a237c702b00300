// Ambient types for the renderer: Vite's client types (import.meta.glob, assets) and the bridge the
// preload exposes as `window.wld`.
/// <reference types="vite/client" />
import type { DesktopBridge } from '../../shared/contract.ts';

declare global {
  interface Window {
    wld?: DesktopBridge;
  }
}

export {};
