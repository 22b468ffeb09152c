// Webhook targets: deliveries connect only to the addresses they resolved once and vetted
// (DNS rebinding cannot redirect them), and production refuses private targets at creation.
// No request leaves this machine: names resolve through fake resolvers, and where a test needs
// a "public" address that it can reach, the rule lets 127.0.0.1 stand in for one.
import { randomUUID } from "node:crypto";
import { createServer as createHttpServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createServer as createTlsServer, type TLSSocket } from "node:tls";
import { BlockedTargetError, blockedRange, type Resolver } from "@shoppable/schema/webhooks/target.ts";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { vettedLookup, WebhookTargets } from "../src/webhook-target.ts";
import { createJobs } from "../src/jobs.ts";
import { WebhookSender } from "../src/webhooks.ts";
import { CHECKOUT, Commerce } from "./commerce.ts";
import { ok, startTestApi, type TestApi } from "./harness.ts";
import { MANUAL_JOBS, runDueAttempts } from "./jobs.ts";

/** An HTTP receiver on `host`: records each request's Host header and path, answers with the next queued status (200 when none). */
class Receiver {
  readonly received: { host: string; path: string }[] = [];
  readonly answers: { status: number; location?: string }[] = [];
  private server!: Server;
  port = 0;

  constructor(readonly host: string) {}

  async start(port = 0) {
    this.server = createHttpServer((req, res) => {
      req.resume();
      req.on("end", () => {
        this.received.push({ host: req.headers.host ?? "", path: req.url ?? "" });
        const answer = this.answers.shift() ?? { status: 200 };
        res.writeHead(answer.status, answer.location ? { location: answer.location } : {}).end();
      });
    });
    await new Promise<void>((r) => this.server.listen(port, this.host, r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  close() {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(r));
  }
}

/** A resolver answering from `table` (a list of answers is used one per call, the last one repeated); it counts its calls. */
function fakeResolver(table: Record<string, string[] | string[][]>) {
  const calls: string[] = [];
  const resolve: Resolver = async (hostname) => {
    const n = calls.filter((h) => h === hostname).length;
    calls.push(hostname);
    const entry = table[hostname];
    if (!entry) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    const answers = (Array.isArray(entry[0]) ? entry : [entry]) as string[][];
    const addresses = answers[Math.min(n, answers.length - 1)]!;
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return { resolve, calls };
}

/** The default rules, except that 127.0.0.1 stands in for a public address (the only kind a test may reach). */
const standIn = (address: string) => (address === "127.0.0.1" ? null : blockedRange(address));

// `first` (127.0.0.1) stands for the public address a name resolves to; `second` (127.0.0.2,
// loopback, refused) for where a rebinding DNS answer would send the request.
const first = new Receiver("127.0.0.1");
const second = new Receiver("127.0.0.2");
const post = { method: "POST", body: "{}", redirect: "manual" } as const;

beforeAll(async () => {
  await first.start();
  await second.start(first.port);
});
afterAll(async () => {
  await first.close();
  await second.close();
});
beforeEach(() => {
  first.received.length = 0;
  second.received.length = 0;
});

describe("webhook delivery connections", () => {
  it("go to the address resolved once and vetted; a rebinding second answer is refused, never connected to", async () => {
    const dns = fakeResolver({ "rebind.example.test": [["127.0.0.1"], ["127.0.0.2"]] });
    const url = new URL(`http://rebind.example.test:${first.port}/hooks`);
    const targets = new WebhookTargets({ resolve: dns.resolve, rule: standIn });
    try {
      const response = await targets.fetch(url, post);
      expect(response.status).toBe(200);
      expect(dns.calls).toEqual(["rebind.example.test"]);
      expect(first.received).toEqual([{ host: `rebind.example.test:${first.port}`, path: "/hooks" }]);
    } finally {
      await targets.close();
    }
    // A new connection resolves again: the answer has changed to a loopback address, which is refused.
    const again = new WebhookTargets({ resolve: dns.resolve, rule: standIn });
    try {
      const failure = await again.fetch(url, post).catch((error: unknown) => error);
      expect((failure as Error).cause).toBeInstanceOf(BlockedTargetError);
      expect((failure as { cause: BlockedTargetError }).cause.range).toBe("loopback");
    } finally {
      await again.close();
    }
    expect(dns.calls).toEqual(["rebind.example.test", "rebind.example.test"]);
    expect(second.received).toEqual([]);
    expect(first.received).toHaveLength(1);
  });

  it("refuse a name that resolves to a private or loopback address without connecting", async () => {
    const dns = fakeResolver({
      "internal.example.test": ["127.0.0.1"],
      "mapped.example.test": ["::ffff:127.0.0.1"],
      "both.example.test": ["127.0.0.1", "::1"],
    });
    const targets = new WebhookTargets({ resolve: dns.resolve });
    try {
      for (const [host, range] of [
        ["internal.example.test", "loopback"],
        ["mapped.example.test", "ipv4Mapped loopback"],
        ["both.example.test", "loopback"],
      ]) {
        const failure = await targets
          .fetch(new URL(`http://${host}:${first.port}/hooks`), post)
          .catch((error: unknown) => error);
        expect((failure as { cause: unknown }).cause, host).toMatchObject({
          name: "BlockedTargetError",
          range,
        });
      }
    } finally {
      await targets.close();
    }
    expect(first.received).toEqual([]);
  });

  it("keep the host name for TLS (SNI) while connecting to the vetted address", async () => {
    // A TLS server without a certificate: it records the name the client asks for, then ends the handshake.
    const asked: unknown[] = [];
    const tls = createTlsServer({
      SNICallback: (_name, callback) => callback(new Error("no certificate here")),
    });
    tls.on("tlsClientError", (_error, socket) =>
      asked.push((socket as TLSSocket & { servername?: unknown }).servername),
    );
    await new Promise<void>((r) => tls.listen(0, "127.0.0.1", r));
    const dns = fakeResolver({ "tls.example.test": ["127.0.0.1"] });
    const targets = new WebhookTargets({ resolve: dns.resolve, rule: standIn });
    try {
      const failure = await targets
        .fetch(new URL(`https://tls.example.test:${(tls.address() as AddressInfo).port}/hooks`), post)
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(asked).toEqual(["tls.example.test"]);
      expect(dns.calls).toEqual(["tls.example.test"]);
    } finally {
      await targets.close();
      await new Promise((r) => tls.close(r));
    }
  });

  it("refuse IP-literal hosts that are not public before any request", () => {
    const targets = new WebhookTargets();
    expect(targets.refusal(new URL(`http://127.0.0.1:${first.port}/`))).toMatch(/not public \(loopback\)/);
    expect(targets.refusal(new URL("https://[::ffff:10.0.0.1]/"))).toMatch(
      /not public \(ipv4Mapped private\)/,
    );
    expect(targets.refusal(new URL("https://[64:ff9b::a9fe:a9fe]/"))).toMatch(
      /not public \(rfc6052 linkLocal\)/,
    );
    expect(targets.refusal(new URL("https://198.18.0.1/"))).toMatch(/not public \(reserved\)/);
    expect(targets.refusal(new URL("https://93.184.216.34/"))).toBeNull();
    expect(targets.refusal(new URL("https://hooks.example.test/"))).toBeNull();
  });

  it("answer net's lookup with every vetted address, or the first of the family asked for", async () => {
    const dns = fakeResolver({ "dual.example.test": ["93.184.216.34", "2606:2800:220:1::"] });
    const lookup = vettedLookup({ resolve: dns.resolve });
    const ask = (options: object) =>
      new Promise<unknown[]>((resolve) =>
        lookup("dual.example.test", options, (error, address, family) => resolve([error, address, family])),
      );
    expect(await ask({ all: true })).toEqual([
      null,
      [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::", family: 6 },
      ],
      undefined,
    ]);
    expect(await ask({ family: 6 })).toEqual([null, "2606:2800:220:1::", 6]);
    expect(await ask({})).toEqual([null, "93.184.216.34", 4]);
    expect(dns.calls).toHaveLength(3);
  });
});

const ENDPOINT = `webhookEndpoint { id url } userErrors { code field message }`;
const CREATE = `mutation($input: WebhookEndpointCreateInput!) { webhookEndpointCreate(input: $input) { ${ENDPOINT} } }`;
const UPDATE = `mutation($input: WebhookEndpointUpdateInput!) { webhookEndpointUpdate(input: $input) { ${ENDPOINT} } }`;

describe("webhook deliveries through the job queue", () => {
  let api: TestApi;
  let commerce: Commerce;
  let shopId: string;
  beforeAll(async () => {
    api = await startTestApi(MANUAL_JOBS, { jobs: {} });
    commerce = await Commerce.start(api);
    shopId = (await commerce.shop("EUR")).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  async function endpoint(url: string) {
    const res = ok(
      await api.gql(CREATE, { input: { shopId, url, topics: ["ORDER_PAID"] } }, commerce.asMerchant),
    ).webhookEndpointCreate;
    expect(res.userErrors).toEqual([]);
  }

  async function paidOrder() {
    const product = await commerce.product(shopId, ["5.00"], 10, "Hooked");
    const buyer = await api.token(`buyer-${randomUUID()}`, ["BUYER"]);
    const cartId = await commerce.cart(
      [{ variantId: product.variants[0]!.id, quantity: 1 }],
      { user: buyer },
      { buyerIdentity: { email: "b@example.test" } },
    );
    const res = ok(
      await api.gql(
        CHECKOUT,
        { input: { cartId, idempotencyKey: randomUUID(), payment: { token: "tok_success" } } },
        { user: buyer },
      ),
    ).checkoutComplete;
    expect(res.userErrors).toEqual([]);
  }

  const deliveries = () =>
    api.db.prisma.webhookDelivery.findMany({ include: { endpoint: { select: { url: true } } } });

  it("connect to the vetted address of the endpoint's host name, refuse one that resolves to loopback, and follow no redirect", async () => {
    const dns = fakeResolver({ "public.example.test": ["127.0.0.1"], "private.example.test": ["127.0.0.2"] });
    const targets = new WebhookTargets({ resolve: dns.resolve, rule: standIn });
    // An instance whose sender sends only to vetted public addresses (this test's stand-in rule).
    const worker = createJobs({
      db: api.db,
      config: api.config,
      logger: createLogger("silent"),
      webhooks: new WebhookSender({ blockPrivateTargets: true, targets }),
    });
    await worker.start(api.server.events);
    const dispatch = () => runDueAttempts(api, new Date(), [worker]);
    try {
      await endpoint(`http://public.example.test:${first.port}/hooks`);
      await endpoint(`http://private.example.test:${first.port}/hooks`);
      await endpoint(`http://127.0.0.2:${first.port}/hooks`);
      await paidOrder();
      expect(await dispatch()).toBe(3);
      expect(first.received).toEqual([{ host: `public.example.test:${first.port}`, path: "/hooks" }]);
      expect(second.received).toEqual([]);
      const outcome = Object.fromEntries(
        (await deliveries()).map((d) => [
          new URL(d.endpoint.url).hostname,
          [d.status, d.lastStatusCode, d.lastError],
        ]),
      );
      expect(outcome).toEqual({
        "public.example.test": ["SUCCEEDED", 200, null],
        "private.example.test": [
          "PENDING",
          null,
          expect.stringMatching(/not public \(loopback\): private or loopback targets are refused/),
        ],
        "127.0.0.2": ["PENDING", null, expect.stringMatching(/not public \(loopback\)/)],
      });

      // A redirect is an answer, not followed: the attempt failed with its status.
      await api.db.prisma.webhookEndpoint.deleteMany();
      await endpoint(`http://public.example.test:${first.port}/hooks`);
      first.answers.push({ status: 307, location: `http://127.0.0.2:${first.port}/elsewhere` });
      await paidOrder();
      await dispatch();
      expect((await deliveries()).map((d) => [d.status, d.lastStatusCode])).toEqual([["PENDING", 307]]);
      expect(first.received).toHaveLength(2);
      expect(second.received).toEqual([]);
    } finally {
      await worker.stop(1000);
      await targets.close();
    }
  });
});

describe("webhook endpoints in production", () => {
  const dns = fakeResolver({
    "hooks.example.com": ["93.184.216.34", "2606:2800:220:1::"],
    "other.example.com": ["93.184.216.35"],
    "intranet.example.com": ["10.0.0.5"],
    "split.example.com": ["93.184.216.34", "fd00::5"],
    "metadata.example.com": ["169.254.169.254"],
  });
  let api: TestApi;
  let commerce: Commerce;
  let shopId: string;
  beforeAll(async () => {
    api = await startTestApi({ NODE_ENV: "production" }, { webhookResolver: dns.resolve });
    commerce = await Commerce.start(api);
    shopId = (await commerce.shop("EUR")).id;
  });
  afterAll(async () => {
    await api?.close();
  });

  const create = async (url: string, as = commerce.asMerchant) =>
    ok(await api.gql(CREATE, { input: { shopId, url, topics: ["ORDER_PAID"] } }, as)).webhookEndpointCreate;

  it("refuse http, credentials, private IP literals and names that resolve (even partly) to private addresses, with typed userErrors", async () => {
    const cases: [string, string][] = [
      ["http://hooks.example.com/in", "URL_NOT_HTTP"],
      ["https://user:pw@hooks.example.com/in", "URL_NOT_HTTP"],
      ["https://127.0.0.1/in", "PRIVATE_TARGET"],
      ["https://[::1]/in", "PRIVATE_TARGET"],
      ["https://[::ffff:127.0.0.1]/in", "PRIVATE_TARGET"],
      ["https://[64:ff9b::192.168.0.1]/in", "PRIVATE_TARGET"],
      ["https://198.18.0.1/in", "PRIVATE_TARGET"],
      ["https://100.64.0.1/in", "PRIVATE_TARGET"],
      ["https://intranet.example.com/in", "PRIVATE_TARGET"],
      ["https://split.example.com/in", "PRIVATE_TARGET"],
      ["https://metadata.example.com/latest", "PRIVATE_TARGET"],
      ["https://nowhere.example.com/in", "HOST_NOT_FOUND"],
    ];
    for (const [url, code] of cases) {
      const res = await create(url);
      expect(res, url).toEqual({
        webhookEndpoint: null,
        userErrors: [{ code, field: ["url"], message: expect.any(String) }],
      });
    }
    expect(await api.db.prisma.webhookEndpoint.count()).toBe(0);
    const created = await create("https://hooks.example.com/in");
    expect(created.userErrors).toEqual([]);
    expect(created.webhookEndpoint.url).toBe("https://hooks.example.com/in");
  });

  it("vet a changed URL as at creation", async () => {
    const { webhookEndpoint } = await create("https://hooks.example.com/changing");
    const refused = ok(
      await api.gql(
        UPDATE,
        { input: { id: webhookEndpoint.id, url: "https://intranet.example.com/in" } },
        commerce.asMerchant,
      ),
    ).webhookEndpointUpdate;
    expect(refused.userErrors).toEqual([
      { code: "PRIVATE_TARGET", field: ["url"], message: expect.stringMatching(/not public \(private\)/) },
    ]);
    expect(
      (await api.db.prisma.webhookEndpoint.findFirstOrThrow({ where: { url: { contains: "changing" } } }))
        .url,
    ).toBe("https://hooks.example.com/changing");
    const moved = ok(
      await api.gql(
        UPDATE,
        { input: { id: webhookEndpoint.id, url: "https://other.example.com/in" } },
        commerce.asMerchant,
      ),
    ).webhookEndpointUpdate;
    expect(moved).toMatchObject({ userErrors: [], webhookEndpoint: { url: "https://other.example.com/in" } });
  });

  it("resolve names only for callers who may manage the shop", async () => {
    dns.calls.length = 0;
    const outsider = await api.token("outsider-merchant", ["MERCHANT"]);
    const res = await api.gql(
      CREATE,
      { input: { shopId, url: "https://hooks.example.com/x", topics: ["ORDER_PAID"] } },
      { key: "secret", user: outsider },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(dns.calls).toEqual([]);
  });

  it("accept private https targets with WEBHOOKS_ALLOW_PRIVATE_TARGETS, still not http", async () => {
    const open = await startTestApi(
      { NODE_ENV: "production", WEBHOOKS_ALLOW_PRIVATE_TARGETS: "1" },
      { webhookResolver: dns.resolve },
    );
    try {
      const merchant = await Commerce.start(open);
      const shop = (await merchant.shop("EUR")).id;
      const attempt = async (url: string) =>
        ok(
          await open.gql(
            CREATE,
            { input: { shopId: shop, url, topics: ["ORDER_PAID"] } },
            merchant.asMerchant,
          ),
        ).webhookEndpointCreate.userErrors;
      expect(await attempt("https://127.0.0.1:8443/in")).toEqual([]);
      expect(await attempt("https://intranet.example.com/in")).toEqual([]);
      expect(await attempt("http://intranet.example.com/in")).toEqual([
        { code: "URL_NOT_HTTP", field: ["url"], message: expect.any(String) },
      ]);
    } finally {
      await open.close();
    }
  });
});
