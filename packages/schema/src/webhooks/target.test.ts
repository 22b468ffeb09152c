import { describe, expect, it } from "vitest";
import {
  BlockedTargetError,
  blockedRange,
  endpointUrlProblem,
  ipLiteral,
  resolvePublicAddresses,
  type Resolver,
} from "./target.ts";

describe("webhook target addresses", () => {
  it.each([
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "linkLocal"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["100.64.0.1", "carrierGradeNat"],
    ["198.18.0.1", "reserved"],
    ["198.19.255.254", "reserved"],
    ["192.0.2.10", "reserved"],
    ["240.0.0.1", "reserved"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fc00::1", "uniqueLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["fe80::1", "linkLocal"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["fec0::1", "deprecatedSiteLocal"],
    ["::7f00:1", "unallocated"], // IPv4-compatible ::127.0.0.1 (deprecated), outside 2000::/3
    ["::ffff:127.0.0.1", "ipv4Mapped loopback"],
    ["::ffff:10.0.0.1", "ipv4Mapped private"],
    ["::ffff:0:192.168.0.1", "rfc6145 private"],
    ["64:ff9b::10.0.0.1", "rfc6052 private"],
    ["64:ff9b::127.0.0.1", "rfc6052 loopback"],
    ["64:ff9b::169.254.169.254", "rfc6052 linkLocal"],
    ["64:ff9b:1::a00:1", "rfc6052"], // local-use NAT64 prefix
    ["2002:a9fe:a9fe::1", "6to4 linkLocal"], // 6to4 of 169.254.169.254
    ["2002:7f00:1::", "6to4 loopback"],
    ["2001:0:4136:e378:8000:63bf:f5ff:fffe", "teredo private"], // client 10.0.0.1
    ["2001:0:a00:1:8000:63bf:f7f7:f7f7", "teredo private"], // server 10.0.0.1, client 8.8.8.8
    ["not-an-address", "invalid"],
  ])("refuses %s (%s)", (address, range) => {
    expect(blockedRange(address)).toBe(range);
  });

  it.each([
    "8.8.8.8",
    "93.184.216.34",
    "172.32.0.1",
    "100.128.0.1",
    "198.20.0.1",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
    "2001:0:4136:e378:8000:63bf:f7f7:f7f7",
  ])("accepts the public unicast %s", (address) => {
    expect(blockedRange(address)).toBeNull();
  });

  it("finds IP literals in URLs, bracketed IPv6 and the other spellings of IPv4 included", () => {
    expect(ipLiteral(new URL("https://[::ffff:127.0.0.1]:8443/x"))).toBe("::ffff:7f00:1");
    expect(ipLiteral(new URL("http://0177.0.0.1/"))).toBe("127.0.0.1");
    expect(ipLiteral(new URL("http://2130706433/"))).toBe("127.0.0.1");
    expect(ipLiteral(new URL("https://hooks.example.com/"))).toBeNull();
  });
});

/** A resolver answering from a table, counting its calls. */
function fakeResolver(table: Record<string, string[]>): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (!addresses)
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

describe("resolvePublicAddresses", () => {
  it("returns every address when all are public, and refuses a name that resolves even partly to a private one", async () => {
    const resolve = fakeResolver({
      public: ["93.184.216.34", "2606:2800:220:1::"],
      mixed: ["93.184.216.34", "10.0.0.7"],
      nat64: ["64:ff9b::c0a8:1"],
    });
    expect((await resolvePublicAddresses("public", resolve)).map((a) => a.address)).toEqual([
      "93.184.216.34",
      "2606:2800:220:1::",
    ]);
    await expect(resolvePublicAddresses("mixed", resolve)).rejects.toThrow(BlockedTargetError);
    await expect(resolvePublicAddresses("nat64", resolve)).rejects.toMatchObject({
      range: "rfc6052 private",
    });
    await expect(resolvePublicAddresses("missing", resolve)).rejects.toMatchObject({ code: "ENOTFOUND" });
    expect(resolve.calls).toEqual(["public", "mixed", "nat64", "missing"]);
  });
});

describe("endpointUrlProblem", () => {
  const resolve = fakeResolver({
    "hooks.example.com": ["93.184.216.34"],
    "intranet.example.com": ["10.0.0.5"],
    "split.example.com": ["93.184.216.34", "fd00::5"],
    localhost: ["127.0.0.1", "::1"],
  });
  const production = { allowPrivate: false, requireHttps: true, resolve };
  const development = { allowPrivate: true, requireHttps: false, resolve };

  it.each([
    ["https://hooks.example.com/in", null],
    ["https://93.184.216.34/in", null],
    ["https://[2606:4700::1111]/in", null],
    ["http://hooks.example.com/in", "URL_NOT_HTTP"],
    ["ftp://hooks.example.com/in", "URL_NOT_HTTP"],
    ["https://user:pw@hooks.example.com/in", "URL_NOT_HTTP"],
    ["not a url", "URL_NOT_HTTP"],
    ["https://127.0.0.1:4000/in", "PRIVATE_TARGET"],
    ["https://[::1]/in", "PRIVATE_TARGET"],
    ["https://[::ffff:127.0.0.1]/in", "PRIVATE_TARGET"],
    ["https://[64:ff9b::10.0.0.1]/in", "PRIVATE_TARGET"],
    ["https://198.18.0.1/in", "PRIVATE_TARGET"],
    ["https://0x7f.1/in", "PRIVATE_TARGET"],
    ["https://intranet.example.com/in", "PRIVATE_TARGET"],
    ["https://split.example.com/in", "PRIVATE_TARGET"],
    ["https://localhost/in", "PRIVATE_TARGET"],
    ["https://nowhere.example.com/in", "HOST_NOT_FOUND"],
  ])("in production, %s: %s", async (url, code) => {
    expect((await endpointUrlProblem(url, production))?.code ?? null).toBe(code);
  });

  it("outside production accepts http and loopback without resolving, and still refuses credentials", async () => {
    resolve.calls.length = 0;
    expect(await endpointUrlProblem("http://127.0.0.1:4000/hooks", development)).toBeNull();
    expect(await endpointUrlProblem("http://localhost:4000/hooks", development)).toBeNull();
    expect((await endpointUrlProblem("http://u:p@localhost/hooks", development))?.code).toBe("URL_NOT_HTTP");
    expect(resolve.calls).toEqual([]);
  });
});
