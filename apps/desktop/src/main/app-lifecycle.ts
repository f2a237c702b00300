// App-level events: one instance only, quit when the windows are gone (not on macOS), and a clean
// services shutdown before quitting.
import { app } from 'electron';
import type { AppContext } from './app-context.ts';
import type { AppLog } from './logger.ts';

export function wireAppLifecycle(context: AppContext, log: AppLog): void {
  app.on('second-instance', () => context.focus());
  app.on('activate', () => context.reopen());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' || context.phase === 'launching') app.quit();
  });
  let cleanedUp = false;
  let cleaning: Promise<void> | null = null;
  app.on('before-quit', (event) => {
    if (cleanedUp) return;
    // Every quit asked before the services are down waits for the one shutdown under way.
    event.preventDefault();
    cleaning ??= context
      .shutdown()
      .catch((error: unknown) => log.error('shutdown failed:', error))
      .finally(() => {
        cleanedUp = true;
        app.quit();
      });
  });
}
