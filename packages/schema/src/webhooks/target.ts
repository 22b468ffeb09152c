/**
 * Where webhooks may go (README "Webhooks"): only to public unicast addresses. The ranges are
 * ipaddr.js's (its `range()`: private, loopback, link-local, unique-local, carrier-grade NAT,
 * benchmarking 198.18.0.0/15, documentation, multicast, unspecified, broadcast, reserved, …);
 * an IPv6 address that carries an IPv4 one (IPv4-mapped ::ffff:a.b.c.d, SIIT ::ffff:0:a.b.c.d,
 * NAT64 64:ff9b::/96, 6to4 2002::/16, Teredo 2001::/32) is judged by the IPv4 it carries, and
 * other IPv6 must lie in 2000::/3, the only space allocated for global unicast.
 *
 * Endpoint URLs are vetted when created or changed (`endpointUrlProblem`), and every delivery
 * vets again as it connects (packages/api/src/webhook-target.ts), since DNS may change.
 */
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

/** One address a host name resolves to, as `dns.lookup(name, { all: true })` gives them. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

/** The system's resolver (getaddrinfo, as `fetch` and `net.connect` use it). */
export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Why an address may not be a webhook target (null when it may): a range name, such as "private" or "ipv4Mapped loopback". */
export type AddressRule = (address: string) => string | null;

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR("2000::/3");
const NAT64_WELL_KNOWN = ipaddr.IPv6.parseCIDR("64:ff9b::/96");

function ipv4(high: number, low: number): ipaddr.IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 addresses an IPv6 address of `range` carries; null when it carries none. */
function embeddedIPv4(address: ipaddr.IPv6, range: string): ipaddr.IPv4[] | null {
  const p = address.parts as [number, number, number, number, number, number, number, number];
  switch (range) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
      return [ipv4(p[6], p[7])];
    case "rfc6052": // 64:ff9b::a.b.c.d; the local-use 64:ff9b:1::/48 carries it where the operator chose
      return address.match(NAT64_WELL_KNOWN) ? [ipv4(p[6], p[7])] : null;
    case "6to4": // 2002:AABB:CCDD::/48
      return [ipv4(p[1], p[2])];
    case "teredo": // 2001:0:<server>:<flags>:<port>:<client, inverted>
      return [ipv4(p[2], p[3]), ipv4(p[6] ^ 0xffff, p[7] ^ 0xffff)];
    default:
      return null;
  }
}

/**
 * Why `address` (an IPv4 or IPv6 literal) may not be a webhook target: its range, or for an
 * IPv6 address carrying an IPv4 one "<IPv6 range> <IPv4 range>"; null for public unicast.
 * Something that is not an address is "invalid".
 */
export const blockedRange: AddressRule = (address) => {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return "invalid";
  }
  if (parsed.kind() === "ipv4") {
    const range = parsed.range();
    return range === "unicast" ? null : range;
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  const carried = embeddedIPv4(v6, range);
  if (carried) {
    const blocked = carried.map((v4) => v4.range()).find((r) => r !== "unicast");
    return blocked ? `${range} ${blocked}` : null;
  }
  if (range !== "unicast") return range;
  return v6.match(GLOBAL_UNICAST) ? null : "unallocated";
};

/** Thrown when a webhook target is, or resolves to, an address that is not public. */
export class BlockedTargetError extends Error {
  readonly code = "ERR_WEBHOOK_TARGET_BLOCKED";
  constructor(readonly range: string) {
    super(`The endpoint's address is not public (${range}): private or loopback targets are refused.`);
    this.name = "BlockedTargetError";
  }
}

/** The host of `url` when it is an IP literal (IPv6 without its brackets); null for a host name. */
export function ipLiteral(url: URL): string | null {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? host : null;
}

/**
 * Resolves `hostname` once and vets every address it has: returns them all when each is
 * public, throws `BlockedTargetError` when any is not (a name that resolves partly to private
 * addresses is refused), and the resolver's error when it fails.
 */
export async function resolvePublicAddresses(
  hostname: string,
  resolve: Resolver = systemResolver,
  rule: AddressRule = blockedRange,
): Promise<ResolvedAddress[]> {
  const addresses = await resolve(hostname);
  if (addresses.length === 0)
    throw Object.assign(new Error(`${hostname} has no address.`), { code: "ENOTFOUND" });
  for (const { address } of addresses) {
    const range = rule(address);
    if (range !== null) throw new BlockedTargetError(range);
  }
  return addresses;
}

/** How endpoint URLs are vetted when they are created or changed. */
export interface TargetPolicy {
  /** Accept loopback and private targets (outside production, or WEBHOOKS_ALLOW_PRIVATE_TARGETS). */
  allowPrivate: boolean;
  /** Accept only https URLs (production). */
  requireHttps: boolean;
  /** Resolves host names (default: the system's resolver). */
  resolve?: Resolver;
}

/** The policy when none is given: production's. */
export const STRICT_TARGET_POLICY: TargetPolicy = { allowPrivate: false, requireHttps: true };

export type EndpointUrlProblemCode = "URL_NOT_HTTP" | "PRIVATE_TARGET" | "HOST_NOT_FOUND";

/**
 * Why an endpoint URL may not be registered under `policy`, or null: URL_NOT_HTTP when it is
 * not an absolute http(s) URL (https under `requireHttps`) or carries credentials;
 * unless `allowPrivate`, PRIVATE_TARGET when its host is, or resolves (even partly) to, an
 * address that is not public, and HOST_NOT_FOUND when the name does not resolve.
 */
export async function endpointUrlProblem(
  value: string,
  policy: TargetPolicy,
): Promise<{ code: EndpointUrlProblemCode; message: string } | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: "URL_NOT_HTTP", message: "Must be an absolute http(s) URL." };
  }
  const schemes = policy.requireHttps ? ["https:"] : ["https:", "http:"];
  if (!schemes.includes(url.protocol))
    return {
      code: "URL_NOT_HTTP",
      message: policy.requireHttps ? "Must be an https URL." : "Must be an http(s) URL.",
    };
  if (url.username || url.password) return { code: "URL_NOT_HTTP", message: "Must not carry credentials." };
  if (policy.allowPrivate) return null;
  const literal = ipLiteral(url);
  if (literal !== null) {
    const range = blockedRange(literal);
    return range === null
      ? null
      : {
          code: "PRIVATE_TARGET",
          message: `The address is not public (${range}): private or loopback targets are refused.`,
        };
  }
  try {
    await resolvePublicAddresses(url.hostname, policy.resolve ?? systemResolver);
    return null;
  } catch (error) {
    if (error instanceof BlockedTargetError)
      return {
        code: "PRIVATE_TARGET",
        message: `The host resolves to an address that is not public (${error.range}): private or loopback targets are refused.`,
      };
    return { code: "HOST_NOT_FOUND", message: "The host name does not resolve." };
  }
}
