// The certificates HTTPS calls trust: Node's own list (bundled roots, NODE_EXTRA_CA_CERTS) plus the
// OS store, so a corporate TLS-inspecting proxy whose root the IT department installed is trusted
// as it is by the browser. Undefined (Node's default list) when the OS store adds nothing or this
// Node cannot read it (tls.getCACertificates needs Node ≥ 22.15).
import tls from 'node:tls';

type Kind = 'default' | 'system';
export type CertificateSource = (kind: Kind) => string[];

function nodeSource(): CertificateSource | null {
  const get = (tls as unknown as { getCACertificates?: (kind: Kind) => string[] }).getCACertificates;
  return typeof get === 'function' ? (kind) => get(kind) : null;
}

export function trustedCertificates(source: CertificateSource | null = nodeSource()): string[] | undefined {
  if (!source) return undefined;
  let system: string[];
  try {
    system = source('system');
  } catch {
    return undefined;
  }
  const known = new Set(source('default'));
  const added = system.filter((pem) => !known.has(pem));
  if (added.length === 0) return undefined;
  return [...known, ...added];
}
