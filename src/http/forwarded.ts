// Who is calling, and over what, as seen through the reverse proxies we were told to trust.

export interface ClientOrigin {
  ip: string;
  /** The client reached us over HTTPS (directly, or at the outermost trusted proxy). */
  secure: boolean;
}

export interface Hop {
  forwardedFor: string | undefined;
  forwardedProto: string | undefined;
  /** The address of the socket's peer: the closest proxy, or the client itself. */
  socketAddress: string | undefined;
  socketTls: boolean;
}

const list = (header: string | undefined) =>
  (header ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * With `trusted` proxies in front, each appending its peer to X-Forwarded-For, the client is the `trusted`-th
 * address from the right once the socket's peer is appended: everything further left was written by the client
 * and proves nothing. A shorter chain (a proxy bypassed or not appending) yields its leftmost address.
 */
export function clientOrigin(hop: Hop, trusted: number): ClientOrigin {
  const socket = hop.socketAddress ?? 'unknown';
  if (trusted <= 0) return { ip: socket, secure: hop.socketTls };
  const chain = [...list(hop.forwardedFor), socket];
  const ip = chain[Math.max(0, chain.length - 1 - trusted)]!.slice(0, 100);
  // The outermost trusted proxy knows the scheme; entries left of it, if any, come from the client.
  const protos = list(hop.forwardedProto);
  const proto = protos[Math.max(0, protos.length - trusted)]?.toLowerCase();
  return { ip, secure: hop.socketTls || proto === 'https' };
}
