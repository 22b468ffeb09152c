/**
 * Connections for webhook deliveries that reach public addresses only (README "Webhooks").
 *
 * A host name is resolved once per connection, by the `lookup` that the socket itself calls;
 * every address it resolves to is vetted (`resolvePublicAddresses`: one that is not public
 * refuses the name), and the socket connects to exactly those addresses. Nothing resolves
 * the name a second time, so a DNS answer that changes between the check and the connection
 * (rebinding) cannot send the request elsewhere. The request keeps the URL's host name for
 * the Host header, TLS SNI and the certificate check. A host that is an IP literal is never
 * looked up, so `refusal` vets it before the request.
 */
import type { LookupFunction } from "node:net";
import {
  BlockedTargetError,
  blockedRange,
  ipLiteral,
  resolvePublicAddresses,
  systemResolver,
  type AddressRule,
  type Resolver,
} from "@shoppable/schema/webhooks/target.ts";
import { Agent, fetch as undiciFetch } from "undici";

export interface WebhookTargetOptions {
  /** Resolves host names (default: the system's resolver). */
  resolve?: Resolver;
  /** Why an address is refused, or null (default: anything but public unicast, `blockedRange`). */
  rule?: AddressRule;
}

/**
 * A `lookup` for `net.connect`/`tls.connect`: resolves the name once with `resolve`, fails
 * with `BlockedTargetError` when any address is refused, and otherwise answers the vetted
 * addresses (all of them when asked for all, as happy eyeballs does; else the first).
 */
export function vettedLookup({
  resolve = systemResolver,
  rule = blockedRange,
}: WebhookTargetOptions = {}): LookupFunction {
  return (hostname, options, callback) => {
    resolvePublicAddresses(hostname, resolve, rule).then(
      (resolved) => {
        const addresses =
          options.family === 4 || options.family === 6
            ? resolved.filter((a) => a.family === options.family)
            : resolved;
        const first = addresses[0];
        if (!first)
          return callback(
            Object.assign(new Error(`${hostname} has no IPv${options.family} address.`), {
              code: "ENOTFOUND",
            }),
            "",
          );
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

/** Where webhook deliveries may connect: public addresses, each host name resolved once per connection. */
export class WebhookTargets {
  private readonly agent: Agent;

  constructor(private readonly options: WebhookTargetOptions = {}) {
    this.agent = new Agent({ connect: { lookup: vettedLookup(options) } });
  }

  /** Why `url` is refused before any request: its host is an IP literal that is not public. Null otherwise (names are vetted as they connect). */
  refusal(url: URL): string | null {
    const literal = ipLiteral(url);
    const range = literal === null ? null : (this.options.rule ?? blockedRange)(literal);
    return range === null ? null : new BlockedTargetError(range).message;
  }

  /** `fetch` over connections to vetted addresses only. */
  readonly fetch = ((input: URL, init?: RequestInit) =>
    undiciFetch(input, { ...(init as object), dispatcher: this.agent })) as unknown as typeof fetch;

  /** Closes the kept-alive connections. */
  close(): Promise<void> {
    return this.agent.close();
  }
}

let publicTargets: WebhookTargets | undefined;

/** The process's shared targets with the default resolver and rules. */
export function defaultWebhookTargets(): WebhookTargets {
  return (publicTargets ??= new WebhookTargets());
}

/** The reason a request failed: the cause fetch wraps ("fetch failed" says nothing). */
export function failureReason(error: unknown): string {
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : (error as Error).message;
}
