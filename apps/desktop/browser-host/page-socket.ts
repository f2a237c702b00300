// One page's socket in the browser host: what the preload and the MessagePorts carry in the app.
// The socket's kind (launcher or main window) comes from the token it connected with; every message
// is checked (shape, method rules, port caps) and a refused one is answered with a sentence.
import type { WebSocket } from 'ws';
import type { MessageEndpoint } from '../src/shared/rpc.ts';
import { mayOpenServicesPort, type CallerKind } from '../src/shared/method-access.ts';
import type { MainCalls } from './main-calls.ts';
import { MAX_PORTS_PER_SOCKET, PAGE_REFUSALS, parsePageMessage, type PageRefusal } from './page-messages.ts';

export interface PagePort {
  socket: WebSocket;
  endpoint: MessageEndpoint;
  detach: () => void;
}

export interface PageSocketDeps {
  main: MainCalls;
  /** A new endpoint on the running services; null while they restart. */
  connectServices(): MessageEndpoint | null;
  /** All pages' ports by id (the host closes them on a services restart). */
  ports: Map<string, PagePort>;
  send(socket: WebSocket, message: unknown): void;
  decode(text: string): unknown;
  log(line: string): void;
}

export function servePageSocket(socket: WebSocket, kind: CallerKind, deps: PageSocketDeps): void {
  const { ports, send, log } = deps;
  const refuse = (refusal: PageRefusal, extra: Record<string, unknown> = {}) => {
    log(`refused a ${kind} page message: ${refusal.message}`);
    send(socket, { k: 'refused', ...extra, error: refusal });
  };
  const ownPorts = () => [...ports.values()].filter((port) => port.socket === socket).length;
  const closePort = (portId: string) => {
    const port = ports.get(portId);
    if (!port) return;
    port.detach();
    port.endpoint.close?.();
    ports.delete(portId);
  };

  const onText = (text: string) => {
    let decoded: unknown;
    try {
      decoded = deps.decode(text);
    } catch {
      refuse(PAGE_REFUSALS.notJson);
      return;
    }
    const parsed = parsePageMessage(decoded);
    if (!parsed.ok) {
      refuse(parsed.refusal);
      return;
    }
    const message = parsed.message;
    switch (message.k) {
      case 'invoke':
        void deps.main.invoke(kind, message.method, message.input).then((result) => send(socket, { k: 'invoke-res', id: message.id, ...result }));
        return;
      case 'port-open': {
        const portId = message.portId;
        if (!mayOpenServicesPort(kind)) return refuse(PAGE_REFUSALS.portForbidden(kind), { portId });
        if (ports.has(portId)) return refuse(PAGE_REFUSALS.portInUse, { portId });
        if (ownPorts() >= MAX_PORTS_PER_SOCKET) return refuse(PAGE_REFUSALS.tooManyPorts, { portId });
        const endpoint = deps.connectServices();
        if (!endpoint) return refuse(PAGE_REFUSALS.servicesDown, { portId });
        const detach = endpoint.onMessage((data) => send(socket, { k: 'port-msg', portId, data }));
        ports.set(portId, { socket, endpoint, detach });
        return;
      }
      case 'port-msg': {
        const port = ports.get(message.portId);
        if (!port || port.socket !== socket) return refuse(PAGE_REFUSALS.unknownPort, { portId: message.portId });
        port.endpoint.postMessage(message.data);
        return;
      }
      case 'port-close':
        if (ports.get(message.portId)?.socket === socket) closePort(message.portId);
        return;
    }
  };

  socket.on('message', (data, isBinary) => {
    if (isBinary) return refuse(PAGE_REFUSALS.notJson);
    onText(data.toString());
  });
  socket.on('error', (error: Error & { code?: string }) =>
    log(`page socket (${kind}): ${error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? PAGE_REFUSALS.frameTooBig : error.message}`),
  );
  socket.on('close', () => {
    for (const [portId, port] of ports) if (port.socket === socket) closePort(portId);
  });
}
