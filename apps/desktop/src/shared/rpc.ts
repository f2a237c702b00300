// Transport-agnostic RPC between the renderer (client) and the services process (server).
// Wire: {t:'req', id, method, input} · {t:'cancel', id} · {t:'res', id, ok, output | error} · {t:'evt', event, payload}.
// The renderer imports the client and the port adapters only; bundlers drop the server.
export {
  RpcError,
  isRpcError,
  type MessageEndpoint,
  type RpcCancelMessage,
  type RpcClientMessage,
  type RpcEventMessage,
  type RpcMessage,
  type RpcRequestMessage,
  type RpcResponseMessage,
  type RpcServerMessage,
  type ServicesTiming,
} from './rpc-wire.ts';
export { fromDomPort, fromElectronPort, type DomPortLike, type ElectronPortLike } from './rpc-ports.ts';
export { createRpcClient, type CallOptions, type CallTiming, type RpcClient, type RpcClientOptions } from './rpc-client.ts';
export {
  createRpcServer,
  defaultMapError,
  redactSecrets,
  type HandlerContext,
  type MethodArgs,
  type RpcServer,
  type RpcServerOptions,
  type ServicesHandler,
  type ServicesHandlers,
} from './rpc-server.ts';
