// Connection to WeCom (from the services) and the state of the services process itself (from main).
// Fed by the `connection` and `services.state` events; read by the top bar, the offline banner and
// every write action (useOnlineAction). The system's network going down or coming back (the
// window's offline / online events) has the services try WeCom at once: they would otherwise
// notice at their next call (the live monitor's, up to 15 s later) or their next probe.
import { create } from 'zustand';
import type { MainEventPayload } from '../api/client.ts';
import { api } from '../api/client.ts';
import type { ConnectionState, ServiceError } from '../../shared/models.ts';
import { toServiceError } from '../errors.ts';

export type ServicesState = MainEventPayload<'services.state'>;

export interface ConnectionStoreState {
  /** null until the services first answer. */
  state: ConnectionState['state'] | null;
  /** Newest data in the cache (ms), null when empty or unknown. */
  asOf: number | null;
  since: number | null;
  lastError: ServiceError | null;
  servicesState: ServicesState | null;
  reconnecting: boolean;
  /** Why the last manual reconnect failed, shown under the banner. */
  reconnectError: ServiceError | null;
}

export interface ConnectionStoreActions {
  applyConnection(connection: ConnectionState): void;
  applyServicesState(services: ServicesState): void;
  /** Asks the services to try WeCom again now. */
  reconnect(): Promise<void>;
  /** The system's network went down or came back: has the services try WeCom now, quietly. */
  networkChanged(up: boolean): void;
  /** Subscribes to both event streams and loads the current state; returns the unsubscribe. */
  start(): () => void;
}

export const initialConnectionState: ConnectionStoreState = {
  state: null,
  asOf: null,
  since: null,
  lastError: null,
  servicesState: null,
  reconnecting: false,
  reconnectError: null,
};

export const useConnectionStore = create<ConnectionStoreState & ConnectionStoreActions>()((set, get) => ({
  ...initialConnectionState,
  applyConnection: (c) =>
    set({
      state: c.state,
      asOf: c.asOf,
      since: c.since,
      lastError: c.lastError,
      ...(c.state === 'online' ? { reconnectError: null } : {}),
    }),
  applyServicesState: (servicesState) => set({ servicesState }),
  reconnect: async () => {
    if (get().reconnecting) return;
    set({ reconnecting: true, reconnectError: null });
    try {
      const c = await api.call('connection.reconnect', {});
      get().applyConnection(c);
      if (c.state !== 'online') set({ reconnectError: c.lastError });
    } catch (e) {
      set({ reconnectError: toServiceError(e) });
    } finally {
      set({ reconnecting: false });
    }
  },
  networkChanged: (up) => {
    const { state, reconnecting } = get();
    // only where the answer can change the state: unconfigured waits for new credentials
    const worthAsking = up ? state === 'offline' : state === 'online' || state === 'connecting';
    if (!worthAsking || reconnecting) return;
    // the answer comes back as a `connection` event too; a failed call changes nothing here
    api.call('connection.reconnect', {}).then(get().applyConnection, () => {});
  },
  start: () => {
    const offConnection = api.on('connection', (c) => get().applyConnection(c));
    const onOnline = () => get().networkChanged(true);
    const onOffline = () => get().networkChanged(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    const offServices = api.onMain('services.state', (s) => {
      get().applyServicesState(s);
      // After a restart the new services know the connection state best: ask again.
      if (s.state === 'running') void loadConnection(get().applyConnection);
    });
    void loadConnection(get().applyConnection);
    return () => {
      offConnection();
      offServices();
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  },
}));

async function loadConnection(apply: (c: ConnectionState) => void): Promise<void> {
  try {
    // The feed's starting point, not a cached read: from here on the `connection` events carry it.
    // eslint-disable-next-line no-restricted-syntax
    apply(await api.call('connection.state', {}));
  } catch (e) {
    useConnectionStore.setState({ lastError: toServiceError(e) });
  }
}
