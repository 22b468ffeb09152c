/**
 * The storefront's own web server: the built app (`dist/`, every other path falls back to
 * `index.html` for client-side routing), the demo media under `/media/*`, and `/config.json`,
 * which tells the app where the API is and which key and (dev-only) user tokens to use.
 */
import { createHash } from "node:crypto";
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants as zlibConstants } from "node:zlib";
import { createShoppableClient } from "@shoppable/sdk";
import type { DemoInfo } from "./demo.ts";
import { readPageMeta, withPageMeta, type PageMeta } from "./meta.ts";
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
  /** The public origin for canonical and Open Graph URLs (`https://shop.example`); default the request's Host. */
  publicUrl?: string;
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

/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".svg", ".webmanifest", ".txt"]);
type Encoding = "br" | "gzip";

/** The best encoding the client accepts (`Accept-Encoding`), brotli first; null for identity. */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of String(header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) : 1);
  }
  const ok = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return ok("br") ? "br" : ok("gzip") ? "gzip" : null;
}

function compress(body: Buffer, encoding: Encoding): Buffer {
  return encoding === "br"
    ? brotliCompressSync(body, {
        params: {
          [zlibConstants.BROTLI_PARAM_QUALITY]: 11,
          [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: 9 });
}

/**
 * A built file's bytes in `encoding`: its precompressed sibling (`app.js.br`, written at build),
 * else compressed once here and kept while the file is unchanged.
 */
const compressedCache = new Map<string, { mtimeMs: number; body: Buffer }>();
function encodedFile(file: string, encoding: Encoding): Buffer {
  const extension = encoding === "br" ? ".br" : ".gz";
  const { mtimeMs } = statSync(file);
  const sibling = file + extension;
  if (existsSync(sibling) && statSync(sibling).mtimeMs >= mtimeMs) return readFileSync(sibling);
  const key = file + extension;
  const cached = compressedCache.get(key);
  if (cached?.mtimeMs === mtimeMs) return cached.body;
  const body = compress(readFileSync(file), encoding);
  compressedCache.set(key, { mtimeMs, body });
  return body;
}

/**
 * Serves a file of the built app, brotli or gzip when the client accepts it: hashed assets are
 * cached for a year, the rest revalidated.
 */
function sendStatic(req: IncomingMessage, res: ServerResponse, file: string): void {
  const immutable = file.includes(`${sep}assets${sep}`);
  const type = extname(file);
  const size = statSync(file).size;
  const encoding =
    COMPRESSIBLE.has(type) && size >= 512 ? acceptedEncoding(req.headers["accept-encoding"]) : null;
  const body = encoding ? encodedFile(file, encoding) : null;
  res.writeHead(200, {
    "content-type": TYPES[type] ?? "application/octet-stream",
    "content-length": body ? body.length : size,
    "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    "x-content-type-options": "nosniff",
    ...(COMPRESSIBLE.has(type) ? { vary: "Accept-Encoding" } : {}),
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  if (req.method === "HEAD") return void res.end();
  if (body) return void res.end(body);
  createReadStream(file).pipe(res);
}

/**
 * Serves a page of the app: index.html with the page's own title and Open Graph tags where it has
 * them, revalidated (no-cache) with an ETag, compressed when accepted.
 */
function sendPage(req: IncomingMessage, res: ServerResponse, html: string): void {
  const etag = `W/"${createHash("sha1").update(html).digest("base64url").slice(0, 20)}"`;
  const headers = {
    "content-type": TYPES[".html"] ?? "text/html",
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
    vary: "Accept-Encoding",
    etag,
  };
  const match = String(req.headers["if-none-match"] ?? "")
    .split(",")
    .some((tag) => tag.trim() === etag || tag.trim() === etag.slice(2));
  if (match) return void res.writeHead(304, headers).end();
  const raw = Buffer.from(html);
  const encoding = acceptedEncoding(req.headers["accept-encoding"]);
  const body = encoding ? (encoding === "br" ? brotliCompressSync(raw) : gzipSync(raw)) : raw;
  res.writeHead(200, {
    ...headers,
    "content-length": body.length,
    ...(encoding ? { "content-encoding": encoding } : {}),
  });
  res.end(req.method === "HEAD" ? undefined : body);
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

  // A page's meta, read through the SDK and kept for a minute; an API error or an unknown
  // entity gives none (the plain index.html), never an error page.
  const metaCache = new Map<string, { at: number; meta: PageMeta | null }>();
  const pageMeta = async (path: string, origin: string): Promise<PageMeta | null> => {
    const key = `${origin}${path}`;
    const cached = metaCache.get(key);
    if (cached && Date.now() - cached.at < 60_000) return cached.meta;
    let meta: PageMeta | null = null;
    try {
      // A slow API delays no page by more than two seconds.
      meta = await Promise.race([
        readPageMeta(api(), path, origin),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error("timeout")), 2000).unref()),
      ]);
    } catch {
      return null;
    }
    if (metaCache.size > 1000) metaCache.clear();
    metaCache.set(key, { at: Date.now(), meta });
    return meta;
  };

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
      // Source maps are not public (the build makes none; one copied in is not served either).
      if (path.endsWith(".map"))
        return void res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      const file = normalize(join(distDir, path));
      if (file !== index && file.startsWith(distDir + sep) && existsSync(file) && statSync(file).isFile())
        return sendStatic(req, res, file);
      // A missing asset is a 404; any other path is a page of the app.
      if (extname(path) && !path.endsWith(".html"))
        return void res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      const origin = (options.publicUrl ?? `http://${req.headers.host ?? "localhost"}`).replace(/\/$/, "");
      const meta = await pageMeta(path, origin);
      const html = readFileSync(index, "utf8");
      sendPage(req, res, meta ? withPageMeta(html, meta) : html);
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
