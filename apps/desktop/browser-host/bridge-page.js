// The browser host's stand-in for the preload: the same `window.wld` (DesktopBridge) the Electron preload
// exposes, carried over one WebSocket to the host process instead of ipcRenderer and a MessagePort.
(function () {
  'use strict';
  var codec = window.wldWireCodec;
  var socketUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/__wld/ws';
  // The launch token the host served this page with: sent as a subprotocol (never in a URL), and
  // taken out of the document so nothing later in the page can read it back.
  var tokenTag = window.document.querySelector('meta[name="wld-host-token"]');
  var token = tokenTag ? tokenTag.getAttribute('content') : '';
  if (tokenTag) tokenTag.remove();
  var socket = new WebSocket(socketUrl, ['wld.v1', 'wld-token.' + token]);
  var open = new Promise(function (resolve, reject) {
    socket.addEventListener('open', function () { resolve(); });
    socket.addEventListener('error', function () { reject(new Error('The app host is not reachable.')); });
  });
  var nextId = 1;
  var pending = new Map();
  var listeners = new Map();
  var ports = new Map();
  // Launcher events can arrive before the page has subscribed (main sends them once the window has
  // loaded; here the socket may be faster than React): keep the latest one for a late subscriber.
  var sticky = new Map();

  function send(message) {
    return open.then(function () { socket.send(codec.encode(message)); });
  }

  socket.addEventListener('message', function (event) {
    var message = codec.decode(event.data);
    if (message.k === 'invoke-res') {
      var call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (message.ok) call.resolve(message.output);
      // a plain ServiceError, as the preload rejects with in the app
      else call.reject(message.error);
    } else if (message.k === 'main-evt') {
      // In the app, main closes the launcher and shows the main window once the services are up.
      if (message.event === '__host.initDone' && /launcher\.html$/.test(location.pathname)) {
        location.replace('/index.html');
        return;
      }
      var current = listeners.get(message.event) || [];
      if (current.length === 0 && /^launcher\./.test(message.event)) sticky.set(message.event, message.payload);
      current.forEach(function (listener) { listener(message.payload); });
    } else if (message.k === 'port-msg') {
      var port = ports.get(message.portId);
      if (port) port.postMessage(message.data);
    } else if (message.k === 'refused') {
      window.console.warn(message.error.message);
      var refusedPort = message.portId && ports.get(message.portId);
      if (refusedPort) { refusedPort.close(); ports.delete(message.portId); }
    } else if (message.k === 'port-close') {
      var closing = ports.get(message.portId);
      if (closing) { closing.close(); ports.delete(message.portId); }
    }
  });
  socket.addEventListener('close', function () {
    pending.forEach(function (call) { call.reject(new Error('The app host closed the connection.')); });
    pending.clear();
  });

  window.wld = Object.freeze({
    version: 'browser-host',
    invoke: function (method, input) {
      var id = nextId++;
      return new Promise(function (resolve, reject) {
        pending.set(id, { resolve: resolve, reject: reject });
        send({ k: 'invoke', id: id, method: method, input: input }).catch(reject);
      });
    },
    subscribe: function (event, listener) {
      var list = listeners.get(event) || [];
      list.push(listener);
      listeners.set(event, list);
      if (sticky.has(event)) {
        var payload = sticky.get(event);
        sticky.delete(event);
        setTimeout(function () { listener(payload); }, 0);
      }
      return function () {
        listeners.set(event, (listeners.get(event) || []).filter(function (l) { return l !== listener; }));
      };
    },
    requestServicesPort: function () {
      var nonce = Math.random().toString(36).slice(2) + Date.now().toString(36);
      var portId = nonce;
      var channel = new MessageChannel();
      ports.set(portId, channel.port1);
      channel.port1.onmessage = function (event) { send({ k: 'port-msg', portId: portId, data: event.data }); };
      send({ k: 'port-open', portId: portId }).then(function () {
        window.postMessage({ type: 'wld:port', nonce: nonce }, location.origin, [channel.port2]);
      });
      return Promise.resolve(nonce);
    },
  });
})();
