// JSON with Uint8Array support, for the WebSocket that stands in for Electron's IPC and MessagePorts
// in the browser host. Plain JS: the page loads it as a classic script, Node imports it as a module.
(function (root) {
  function toBase64(bytes) {
    if (typeof Buffer !== 'undefined') return Buffer.from(bytes).toString('base64');
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }
  function fromBase64(text) {
    if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(text, 'base64'));
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  function encode(value) {
    return JSON.stringify(value, function (_key, v) {
      if (v instanceof Uint8Array) return { __u8: toBase64(v) };
      return v;
    });
  }
  function decode(text) {
    return JSON.parse(text, function (_key, v) {
      if (v && typeof v === 'object' && typeof v.__u8 === 'string' && Object.keys(v).length === 1) return fromBase64(v.__u8);
      return v;
    });
  }
  root.wldWireCodec = { encode: encode, decode: decode };
})(typeof globalThis !== 'undefined' ? globalThis : window);
