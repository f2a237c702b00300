// The Content-Security-Policy of every page: sent as a header (protocol handler and webRequest) and
// repeated in each HTML file's meta tag. antd's CSS-in-JS injects <style> elements, hence
// 'unsafe-inline' for styles only; scripts never run inline.
export function contentSecurityPolicy(devServerOrigin: string | null = null): string {
  const self = devServerOrigin ? `'self' ${devServerOrigin}` : "'self'";
  const directives: Record<string, string> = {
    'default-src': "'self'",
    // The dev server's React refresh preamble is an inline script: allowed in development only.
    'script-src': devServerOrigin ? `${self} 'unsafe-inline'` : "'self'",
    'style-src': `${self} 'unsafe-inline'`,
    'img-src': `${self} data: blob:`,
    'font-src': `${self} data:`,
    'connect-src': devServerOrigin ? `${self} ${devServerOrigin.replace(/^http/, 'ws')}` : "'self'",
    'worker-src': `${self} blob:`,
    'object-src': "'none'",
    'base-uri': "'none'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
    'frame-src': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
