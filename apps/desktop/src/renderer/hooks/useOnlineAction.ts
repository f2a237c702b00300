// Whether actions that need WeCom (writes, sync, sends) can run now, and if not, why — in words the
// user sees on the disabled control.
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors.ts';
import { useConnectionStore } from '../stores/connection.ts';
import type { ConnectionStoreState } from '../stores/connection.ts';

export interface OnlineAction {
  disabled: boolean;
  reason: string | null;
}

/** The i18n key (in `common`) explaining why writes are off, or null when they are on. */
export function offlineReasonKey(s: Pick<ConnectionStoreState, 'state' | 'servicesState'>): string | null {
  if (s.servicesState && s.servicesState.state !== 'running') return 'offline.reasonServices';
  switch (s.state) {
    case 'online':
      return null;
    case 'offline':
      return 'offline.reason';
    case 'connecting':
      return 'offline.reasonConnecting';
    case 'unconfigured':
      return 'offline.reasonUnconfigured';
    default:
      return 'offline.reasonUnknown';
  }
}

export function useOnlineAction(): OnlineAction {
  const { t } = useTranslation('common');
  const state = useConnectionStore((s) => s.state);
  const servicesState = useConnectionStore((s) => s.servicesState);
  const lastError = useConnectionStore((s) => s.lastError);
  const key = offlineReasonKey({ state, servicesState });
  if (key === null) return { disabled: false, reason: null };
  // WeCom refused the credentials: say that (its sentence), not "not configured"
  if (key === 'offline.reasonUnconfigured' && lastError?.code === 'WRONG_SECRET') return { disabled: true, reason: errorText(lastError) };
  return { disabled: true, reason: t(key) };
}
