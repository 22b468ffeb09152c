/**
 * What the storefront demo needs beyond the seeded world, made through the SDK the way an
 * integrator's own setup script would: the demo merchant's shop runs an open affiliate
 * program, the demo creator has short tagged videos of its products (tags at known times), the
 * demo buyer follows the creator, and the shop is live with a pinned product.
 *
 * Idempotent: what it made is remembered in `<dataDir>/storefront-demo.json` and reused while it
 * still exists (a live session that ended is replaced by a new one).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { createShoppableClient, type ShoppableClient } from "@shoppable/sdk";

export interface DemoCredentials {
  publishableKey: string;
  secretKey: string;
  /** Signed user tokens of the seeded demo users. */
  tokens: { buyer: string; creator: string; merchant: string };
}

export interface DemoInfo {
  shopHandle: string;
  creatorHandle: string;
  liveSessionId: string;
  /** The creator's tagged videos, newest first. */
  postIds: string[];
}

export interface PrepareDemoOptions {
  /** The API's GraphQL URL, such as `http://localhost:4000/graphql`. */
  apiUrl: string;
  credentials: DemoCredentials;
  /** Where to remember what was made (a JSON file). */
  stateFile: string;
  /** fetch for the SDK (tests may pass their own); default the global one. */
  fetch?: typeof fetch;
}

/**
 * The curated clips: 12 seconds each, one product tag per 4-second stretch; the clip shows the
 * tagged products in turn (a reel of the demo media server). The last is made last: the newest.
 */
const CLIPS = [
  { caption: "Three pieces I wear all week #ootd #capsule", hashtags: ["ootd", "capsule"] },
  { caption: "Unboxing this week's drop #haul #newin", hashtags: ["haul", "newin"] },
  { caption: "Gift ideas under a minute #gifts #shoppable", hashtags: ["gifts", "shoppable"] },
] as const;
export const DEMO_CLIP_MS = 12_000;
/** The demo live session's "stream": the media server's longest clip, looped by the player. */
export const DEMO_STREAM_URL = "/media/clips/ember-90s.webm";
const TAG_SPOTS = [
  { x: 0.3, y: 0.35, startMs: 0, endMs: 4_000 },
  { x: 0.8, y: 0.52, startMs: 4_000, endMs: 8_000 },
  { x: 0.42, y: 0.72, startMs: 8_000, endMs: null },
];

/** The UUID inside a global id (Relay, base64 of `Type:uuid`). */
const uuidOf = (id: string): string => Buffer.from(id, "base64").toString("utf8").split(":")[1] ?? id;

/** The demo media server's reel of `products` (their clips in turn over `ms`) and its poster. */
export function reelMedia(
  products: readonly { id: string }[],
  ms: number,
): { url: string; posterUrl: string } {
  const path = `/media/reels/${ms / 1000}s/${products.map((p) => uuidOf(p.id)).join(",")}`;
  return { url: `${path}.webm`, posterUrl: `${path}-poster.jpg` };
}

/** Throws with the userErrors of a payload that has any. */
function ok<T extends { userErrors: readonly { code: string; message: string }[] }>(
  what: string,
  payload: T,
): T {
  if (payload.userErrors.length)
    throw new Error(`${what}: ${payload.userErrors.map((e) => `${e.code} ${e.message}`).join("; ")}`);
  return payload;
}

function readState(file: string): Partial<DemoInfo> {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DemoInfo>) : {};
  } catch {
    return {};
  }
}

/** Makes (or finds) the demo's program, posts, follow and live session; returns their handles and ids. */
export async function prepareDemo(options: PrepareDemoOptions): Promise<DemoInfo> {
  const { apiUrl, credentials, stateFile } = options;
  const client = (apiKey: string, userToken: string): ShoppableClient =>
    createShoppableClient({
      url: apiUrl,
      apiKey,
      userToken,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  const merchant = client(credentials.secretKey, credentials.tokens.merchant);
  const creator = client(credentials.publishableKey, credentials.tokens.creator);
  const buyer = client(credentials.publishableKey, credentials.tokens.buyer);
  const saved = readState(stateFile);

  const merchantViewer = await merchant.viewer();
  const shop = merchantViewer?.shops[0];
  if (!shop) throw new Error("The demo merchant manages no shop: seed the demo world first (pnpm db:seed).");
  const creatorUser = (await creator.viewer())?.user;
  if (!creatorUser) throw new Error("The demo creator token is not accepted by the API.");

  // An open program at 10%: any creator may link the shop's products.
  ok(
    "affiliateProgramUpsert",
    await merchant.affiliateProgramUpsert({
      shopId: shop.id,
      access: "OPEN",
      defaultRate: 1000,
      holdDays: 15,
    }),
  );

  // Products worth tagging: active, in stock, of the merchant's shop.
  const products =
    (await merchant.products({ first: 12, filter: { shopId: shop.id, available: true } }))?.edges.map(
      (e) => e.node,
    ) ?? [];
  if (products.length < 3)
    throw new Error(`The demo shop ${shop.handle} has fewer than 3 products in stock.`);

  // The creator's tagged clips, kept while they exist.
  let postIds = saved.postIds ?? [];
  const existing = await Promise.all(postIds.map((id) => creator.post({ id }).catch(() => null)));
  // (Clips made before the demo's posts showed their products are made again.)
  if (
    postIds.length !== CLIPS.length ||
    existing.some((post) => !post?.media.url.startsWith("/media/reels/"))
  ) {
    postIds = [];
    for (const [n, clip] of CLIPS.entries()) {
      const tagged = [0, 1, 2].map((k) => products[(n * 3 + k) % products.length]!);
      const payload = ok(
        "postCreate",
        await creator.postCreate({
          caption: clip.caption,
          hashtags: [...clip.hashtags],
          media: {
            kind: "VIDEO",
            ...reelMedia(tagged, DEMO_CLIP_MS),
            width: 360,
            height: 640,
            durationMs: DEMO_CLIP_MS,
          },
          productTags: tagged.map((product, k) => ({ productId: product.id, ...TAG_SPOTS[k]! })),
        }),
      );
      postIds.unshift(payload.post!.id);
    }
  }

  // The buyer follows the creator (following again changes nothing), so the Following feed has the clips.
  ok("userFollow", await buyer.userFollow({ userId: creatorUser.id }));

  // The shop is live, hosted by its merchant, with a product pinned at a live price.
  let liveSessionId = saved.liveSessionId ?? "";
  const live = liveSessionId ? await merchant.liveSession({ id: liveSessionId }).catch(() => null) : null;
  if (!live || live.status !== "LIVE") {
    const scheduled = ok(
      "liveSessionSchedule",
      await merchant.liveSessionSchedule({
        shopId: shop.id,
        title: `${shop.name}: the Friday drop, live`,
        scheduledAt: new Date(Date.now() + 60_000).toISOString(),
      }),
    );
    liveSessionId = scheduled.liveSession!.id;
    // A streaming provider would give the playback URL (HLS) when the stream starts; the demo's is a looping clip.
    ok(
      "liveSessionStart",
      await merchant.liveSessionStart({ id: liveSessionId, playbackUrl: DEMO_STREAM_URL }),
    );
    const pinned = products[0]!;
    const min = Number(pinned.priceRange.min.amount);
    ok(
      "liveSessionPinProduct",
      await merchant.liveSessionPinProduct({
        liveSessionId,
        productId: pinned.id,
        livePrice: (Math.floor(min * 80) / 100).toFixed(2),
        quantityCap: 50,
      }),
    );
  }

  const info: DemoInfo = {
    shopHandle: shop.handle,
    creatorHandle: creatorUser.handle,
    liveSessionId,
    postIds,
  };
  mkdirSync(dirname(stateFile), { recursive: true });
  writeFileSync(stateFile, `${JSON.stringify(info, null, 2)}\n`);
  return info;
}
