/**
 * The storefront's own web server: the built app (`dist/`, every other path falls back to
 * `index.html` for client-side routing), the demo media under `/media/*`, and `/config.json`,
 * which tells the app where the API is and which key and (dev-only) user tokens to use.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { createShoppableClient } from "@shoppable/sdk";
import type { DemoInfo } from "./demo.ts";
import { createMediaHandler, type MediaHandler, type MediaQuality } from "@shoppable/demo-media";

/** What the app reads from `/config.json`. */
export interface StorefrontConfig {
  /** The API's GraphQL URL over HTTP. */
  apiUrl: string;
  /** Its WebSocket URL; default `apiUrl` with `ws:`. */
  wsUrl?: string;
  /** A publishable key (never a secret one: this goes to browsers). */
  publishableKey: string;
  /** Demo sign-in: signed user tokens the header's switcher offers. Development only. */
  users: Partial<Record<"buyer" | "creator", { token: string; label: string }>>;
  demo?: Partial<DemoInfo>;
}

export interface StorefrontOptions {
  /** Default 3000 (the API's default AFFILIATE_REDIRECT_TEMPLATE points there); 0 picks a free one. */
  port?: number;
  host?: string;
  /** The built app; default `dist` beside this package. */
  distDir?: string;
  /** Where rendered demo clips are kept. */
  mediaDir: string;
  /** The configuration, or a function giving it (read per request, so it can be set after listening). */
  config: StorefrontConfig | (() => StorefrontConfig);
  ffmpeg?: string;
  /** The demo clips' size: "demo" (default) or "tiny" (tests; STOREFRONT_MEDIA=tiny for `pnpm demo`). */
  mediaQuality?: MediaQuality;
}

export interface Storefront {
  url: string;
  server: Server;
  media: MediaHandler;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
  ".webmanifest": "application/manifest+json",
};

export const DEFAULT_DIST = resolve(import.meta.dirname, "..", "dist");

/** Serves a file of the built app: hashed assets are cached for a year, the rest revalidated. */
function sendStatic(req: IncomingMessage, res: ServerResponse, file: string): void {
  const immutable = file.includes(`${sep}assets${sep}`);
  res.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "content-length": statSync(file).size,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file).pipe(res);
}

/** The API's global id (Relay, base64 of `Type:uuid`) of an entity named by UUID in a seeded media path. */
const globalId = (type: string, uuid: string): string => Buffer.from(`${type}:${uuid}`).toString("base64");

/** The UUID inside a global id (null when it holds none). */
const uuidOf = (id: string): string | null =>
  /^\w+:([0-9a-f-]{36})$/i.exec(Buffer.from(id, "base64").toString("utf8"))?.[1] ?? null;

/** Starts the storefront server; resolves once it listens. */
export async function startStorefront(options: StorefrontOptions): Promise<Storefront> {
  const distDir = resolve(options.distDir ?? DEFAULT_DIST);
  const config =
    typeof options.config === "function" ? options.config : () => options.config as StorefrontConfig;
  const index = join(distDir, "index.html");
  if (!existsSync(index))
    throw new Error(
      `The storefront is not built: ${index} is missing (run \`pnpm --filter @shoppable/example-storefront-web build\`).`,
    );

  // The media server reads products, posts' tags, shops and users through the SDK, with the publishable key.
  let client: { key: string; api: ReturnType<typeof createShoppableClient> } | undefined;
  const api = () => {
    const { apiUrl, publishableKey } = config();
    if (client?.key !== `${apiUrl} ${publishableKey}`)
      client = {
        key: `${apiUrl} ${publishableKey}`,
        api: createShoppableClient({ url: apiUrl, apiKey: publishableKey }),
      };
    return client.api;
  };
  const media = createMediaHandler({
    cacheDir: options.mediaDir,
    ffmpeg: options.ffmpeg,
    quality: options.mediaQuality,
    lookup: {
      post: async (uuid) => {
        const post = await api().post({ id: globalId("Post", uuid) });
        if (!post) return null;
        const tags = post.productTags.flatMap((tag) => {
          const productId = uuidOf(tag.product.id);
          return productId ? [{ productId, startMs: tag.startMs, endMs: tag.endMs }] : [];
        });
        return { durationMs: post.media.durationMs ?? null, tags };
      },
      product: async (uuid) => {
        const product = await api().product({ id: globalId("Product", uuid) });
        return product
          ? { title: product.title, productType: product.productType, options: product.options }
          : null;
      },
      shop: async (uuid) => {
        const node = await api().node({ id: globalId("Shop", uuid) });
        return node?.__typename === "Shop" ? { name: node.name } : null;
      },
      user: async (uuid) => {
        const node = await api().node({ id: globalId("User", uuid) });
        return node?.__typename === "User"
          ? { displayName: node.displayName ?? null, handle: node.handle }
          : null;
      },
    },
  });

  const server = createServer((req, res) => {
    void (async () => {
      if (await media(req, res)) return;
      const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
      if (path === "/config.json") {
        res
          .writeHead(200, { "content-type": "application/json", "cache-control": "no-store" })
          .end(JSON.stringify(config()));
        return;
      }
      if (req.method !== "GET" && req.method !== "HEAD")
        return void res.writeHead(405, { allow: "GET, HEAD" }).end();
      const file = normalize(join(distDir, path));
      if (file.startsWith(distDir + sep) && existsSync(file) && statSync(file).isFile())
        return sendStatic(req, res, file);
      // A missing asset is a 404; any other path is a page of the app.
      if (extname(path) && !path.endsWith(".html"))
        return void res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      sendStatic(req, res, index);
    })().catch((error: unknown) => {
      if (!res.headersSent)
        res
          .writeHead(500, { "content-type": "text/plain" })
          .end(`Storefront error: ${(error as Error).message}\n`);
      else res.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(options.port ?? 3000, options.host ?? "127.0.0.1", () => done());
  });
  const { port } = server.address() as AddressInfo;
  // Loopback and wildcard addresses print as localhost: the API's affiliate redirects name that origin.
  const host =
    !options.host || ["0.0.0.0", "::", "127.0.0.1", "::1"].includes(options.host)
      ? "localhost"
      : options.host;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    server,
    media,
    // Stops renders first (their partial files are removed), then the server.
    close: async () => {
      await media.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
