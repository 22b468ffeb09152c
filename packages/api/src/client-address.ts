/**
 * The client address of a request or WebSocket upgrade: the socket's peer, or with TRUST_PROXY
 * (behind a proxy you run) the first `X-Forwarded-For` entry. Rate limits and click throttling
 * key on it; never trust that header from the open internet.
 */
import type { IncomingHttpHeaders } from "node:http";

/** `headers`: a Fetch API request's (any implementation) or a Node.js request's. */
export function clientAddress(
  headers: Pick<Headers, "get"> | IncomingHttpHeaders,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string | null {
  if (trustProxy) {
    const header =
      typeof headers.get === "function"
        ? (headers as Pick<Headers, "get">).get("x-forwarded-for")
        : (headers as IncomingHttpHeaders)["x-forwarded-for"];
    const first = (Array.isArray(header) ? header[0] : header)?.split(",")[0]?.trim();
    if (first) return first.slice(0, 100);
  }
  return socketAddress ?? null;
}
