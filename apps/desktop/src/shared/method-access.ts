// Which window may call which of main's methods: the same rule for Electron's IPC router and for the
// browser host's WebSocket. The launcher may only drive start-up; the main window everything but that.
import type { MainMethod } from './contract.ts';

export type CallerKind = 'launcher' | 'main';

export const LAUNCHER_METHODS: ReadonlySet<MainMethod> = new Set<MainMethod>([
  'launcher.retry',
  'launcher.continueOffline',
  'launcher.chooseDemo',
  'app.info',
  'app.quit',
  'app.openLogFolder',
  'settings.get',
]);

export function isMethodAllowed(kind: CallerKind, method: MainMethod): boolean {
  return kind === 'launcher' ? LAUNCHER_METHODS.has(method) : !method.startsWith('launcher.');
}

/** Only the main window talks to the services (the launcher shows start-up progress). */
export function mayOpenServicesPort(kind: CallerKind): boolean {
  return kind === 'main';
}
