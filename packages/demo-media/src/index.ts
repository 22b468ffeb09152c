/**
 * Demo media, made on this machine and never downloaded: the seeded catalog and posts point at
 * `/media/...` paths on the host platform's media server, and this is that server for the demo.
 *
 * - Product pictures (`/media/products/<id>/<n>.jpg`) are flat studio shots drawn as SVG
 *   (./products.ts): the kind of product its type names (a tee, a mug, sneakers…; a parcel for an
 *   unknown type) in its colour (its Color option, else a material or scent, else one from its
 *   id). Picture n shows the front, an angle or a close-up, going through the product's colours.
 * - Post clips (`/media/posts/<id>.mp4`) show the products tagged in the post, each at its tags'
 *   times: every product has one 10-second clip (its picture, slowly zoomed and panned by
 *   ffmpeg's `zoompan`, fading in), rendered once and cached; a post's clip is those clips
 *   joined by ffmpeg's concat demuxer without re-encoding (keyframes every second make the cuts
 *   exact), as long as the post's `durationMs`. A product's own video
 *   (`/media/products/<id>/<n>.mp4`) is its clip; `/media/reels/<s>s/<id>,<id>….webm` shares
 *   `s` seconds between the products named (the storefront demo's posts). Posters
 *   (`…-poster.jpg`) are the first product's picture. A post without tags gets a palette clip.
 * - Palette clips (`/media/clips/<palette>-<n>s.webm`, the demo live stream) are cut from one
 *   90-second master per palette made from ffmpeg's `gradients` source.
 * - Shop logos (`/media/shops/<id>/logo.png`) are monograms in the shop's brand colours, user
 *   avatars (`/media/avatars/<id>.jpg`) initials on a colour (./marks.ts). Every image is SVG
 *   whatever its extension; other images are palette cards.
 *
 * Without ffmpeg, video paths answer 404 and players show their posters (say so at start).
 *
 * `quality: "tiny"` (STOREFRONT_MEDIA=tiny) renders the same clips, as long, at 72×128 and 4
 * frames a second with no clock: a clip takes a fraction of a second of CPU instead of seconds,
 * which the tests use so that nothing waits on a warm cache or a fast machine.
 *
 * Renders write to `<file>.<pid>.tmp.webm` (and its `.svg` or `.txt` inputs beside it) and are
 * renamed into place when ffmpeg succeeds; a failed render removes its files, `close()` stops
 * running renders and removes theirs, and a start removes what a killed process left behind.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { avatarSvg, shopLogoSvg } from "./marks.ts";
import { type ProductView, productColours, productSvg } from "./products.ts";

export { avatarSvg, initials, shopLogoSvg } from "./marks.ts";
export { colourOf, DRAWINGS, drawingFor, productColours, productSvg, type ProductView } from "./products.ts";

/** A product tag of a post: which product shows when (null start: from 0; null end: to the end). */
export interface MediaTag {
  productId: string;
  startMs?: number | null;
  endMs?: number | null;
}

/** What a product's pictures need: its title, type and options (the colours come from them). */
export interface MediaProduct {
  title: string;
  productType?: string | null;
  options?: readonly { name: string; values: readonly string[] }[];
}

export interface MediaLookup {
  /** A post's video length in milliseconds and its product tags, in order (null when the post is unknown). */
  post(postId: string): Promise<{ durationMs: number | null; tags: readonly MediaTag[] } | null>;
  /** A product's title, type and options, for its pictures and clips (null when unknown). */
  product(productId: string): Promise<MediaProduct | null>;
  /** A shop's name, for its logo (null when unknown). */
  shop?(shopId: string): Promise<{ name: string } | null>;
  /** A user's display name (else handle), for their avatar (null when unknown). */
  user?(userId: string): Promise<{ displayName: string | null; handle?: string } | null>;
}

export interface MediaOptions {
  /** Where rendered clips are kept between starts (such as `.data/storefront-media`). */
  cacheDir: string;
  /** Reads what the pictures and clips need from the API; without it, pictures take a parcel and post clips 15 s of palette. */
  lookup?: MediaLookup;
  /** The ffmpeg binary; default `ffmpeg` on PATH. */
  ffmpeg?: string;
  /** "demo" (360×640, 20 fps, a clock; default) or "tiny" (72×128, 4 fps: for tests and slow machines). */
  quality?: MediaQuality;
}

export type MediaQuality = "demo" | "tiny";

/** The quality named by STOREFRONT_MEDIA ("tiny" or "demo"); an unknown value is an error, not a guess. */
export function mediaQualityFromEnv(value = process.env.STOREFRONT_MEDIA): MediaQuality {
  if (!value || value === "demo") return "demo";
  if (value === "tiny") return "tiny";
  throw new Error(`STOREFRONT_MEDIA must be "demo" or "tiny", not ${JSON.stringify(value)}`);
}

export interface MediaHandler {
  /** Serves `/media/*`; resolves false for other paths (the caller serves them). */
  (req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Whether videos can be rendered (ffmpeg found). */
  readonly videos: boolean;
  /**
   * Renders the videos at these media paths or URLs now (default: every palette's master clip),
   * one after another (in the background at start); resolves when done.
   */
  warm(paths?: readonly string[]): Promise<void>;
  /** Stops running renders and removes their partial files; later requests for clips answer 503. */
  close(): Promise<void>;
}

/** The longest clip: seeded posts run 5 to 90 seconds; longer ones are cut to this. */
export const MAX_CLIP_SECONDS = 90;

/** Bumped when the master clips' look changes, so caches from earlier versions are not reused. */
const MASTER_VERSION = 2;

/** Bumped when the product clips' look changes (their files and the posts' clips are named with it). */
export const MEDIA_VERSION = 3;

/** The length of a product's clip; a post that shows a product longer plays its clip again. */
export const PRODUCT_CLIP_SECONDS = 10;

/** How long one product shows when several tags are on screen at once, before the next one's turn. */
const TURN_SECONDS = 4;

/** One stretch of a post's clip: a product's clip from its start, for whole seconds. */
export interface ClipSegment {
  productId: string;
  seconds: number;
}

/**
 * Which product a post's clip shows, second by second, from its tags: a tag's product while
 * the tag is on screen (several at once take turns of four seconds), the nearest tag's product
 * when none is; runs of one product join into one segment.
 */
export function clipTimeline(seconds: number, tags: readonly MediaTag[]): ClipSegment[] {
  if (tags.length === 0 || seconds < 1) return [];
  const span = tags.map((tag) => ({
    productId: tag.productId,
    start: tag.startMs ?? 0,
    end: tag.endMs ?? seconds * 1000,
  }));
  const out: ClipSegment[] = [];
  for (let s = 0; s < seconds; s++) {
    const at = s * 1000 + 500;
    const active = span.filter((tag) => tag.start <= at && at < tag.end);
    const productId = active.length
      ? active[Math.floor(s / TURN_SECONDS) % active.length]?.productId
      : [...span].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]?.productId;
    if (!productId) continue;
    const last = out[out.length - 1];
    if (last?.productId === productId) last.seconds++;
    else out.push({ productId, seconds: 1 });
  }
  return out;
}

/** Three-colour gradients; a post or product always gets the same one (by a hash of its id). */
export const PALETTES: Record<string, [string, string, string]> = {
  sunset: ["7c3aed", "ec4899", "f59e0b"],
  ocean: ["0ea5e9", "14b8a6", "1e3a8a"],
  forest: ["166534", "84cc16", "fde047"],
  berry: ["9d174d", "f472b6", "4c1d95"],
  ember: ["b91c1c", "f97316", "facc15"],
  slate: ["0f172a", "64748b", "e2e8f0"],
};
const PALETTE_NAMES = Object.keys(PALETTES);

/** A stable palette for any id. */
export function paletteFor(id: string): string {
  const byte = createHash("sha256").update(id).digest()[0]!;
  return PALETTE_NAMES[byte % PALETTE_NAMES.length]!;
}

/** Whole seconds of clip for a video of `durationMs` (at least 1, at most MAX_CLIP_SECONDS). */
export function clipSeconds(durationMs: number): number {
  return Math.min(MAX_CLIP_SECONDS, Math.max(1, Math.ceil(durationMs / 1000)));
}

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const POST_VIDEO = new RegExp(`^/media/posts/(${UUID})\\.(?:mp4|webm)$`, "i");
const PRODUCT_VIDEO = new RegExp(`^/media/products/(${UUID})/(\\d+)\\.(?:mp4|webm)$`, "i");
const PRODUCT_IMAGE = new RegExp(`^/media/products/(${UUID})/(\\d+)?`, "i");
const POST_IMAGE = new RegExp(`^/media/posts/(${UUID})(-poster)?\\.\\w+$`, "i");
const REEL = new RegExp(`^/media/reels/(\\d{1,2})s/((?:${UUID},){0,7}${UUID})(-poster\\.\\w+|\\.webm)$`, "i");
const SHOP_LOGO = new RegExp(`^/media/shops/(${UUID})/logo\\.\\w+$`, "i");
const AVATAR = new RegExp(`^/media/avatars/(${UUID})\\.\\w+$`, "i");
const CLIP = /^\/media\/clips\/([a-z]+)-(\d{1,3})s\.webm$/;
const IMAGE = /\.(?:jpe?g|png|webp|svg)$/i;
const FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/** Escapes text for SVG. */
function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Breaks a title into at most three lines of about `width` characters. */
function lines(text: string, width = 16): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > width) out.push(line), (line = word);
    else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out.length > 3 ? [...out.slice(0, 2), `${out[2]}…`] : out;
}

/** An SVG card: the palette's gradient with a title (a product) or a play mark (a poster). */
export function svgCard(options: {
  palette: string;
  title?: string;
  subtitle?: string | null;
  poster?: boolean;
  width?: number;
  height?: number;
}): string {
  const { width = 600, height = options.poster ? 1067 : 750 } = options;
  const [a, b, c] = PALETTES[options.palette] ?? PALETTES.sunset!;
  const text = options.title ? lines(options.title) : [];
  const size = Math.round(width / 11);
  const top = height / 2 - ((text.length - 1) * size * 1.2) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#${a}"/><stop offset=".55" stop-color="#${b}"/><stop offset="1" stop-color="#${c}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>
<circle cx="${width * 0.82}" cy="${height * 0.18}" r="${width * 0.22}" fill="#fff" opacity=".12"/>
<circle cx="${width * 0.1}" cy="${height * 0.9}" r="${width * 0.3}" fill="#000" opacity=".08"/>
${options.poster ? `<circle cx="${width / 2}" cy="${height / 2}" r="${width / 9}" fill="#000" opacity=".25"/><path d="M ${width / 2 - width / 30} ${height / 2 - width / 22} l ${width / 14} ${width / 22} l ${-width / 14} ${width / 22} z" fill="#fff"/>` : ""}
${text.map((line, i) => `<text x="50%" y="${top + i * size * 1.2}" text-anchor="middle" dominant-baseline="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-weight="700" font-size="${size}" fill="#fff">${xml(line)}</text>`).join("\n")}
${options.subtitle ? `<text x="50%" y="${height - size * 1.5}" text-anchor="middle" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="${Math.round(size * 0.55)}" fill="#fff" opacity=".85">${xml(options.subtitle)}</text>` : ""}
</svg>`;
}

/** Whether `ffmpeg -version` runs. */
export function hasFfmpeg(ffmpeg = "ffmpeg"): boolean {
  const probe = spawnSync(ffmpeg, ["-version"], { stdio: "ignore" });
  return probe.status === 0;
}

/** Runs ffmpeg; `children` holds it while it runs (so `close()` can stop it). */
function run(ffmpeg: string, args: string[], children: Set<ChildProcess>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, ["-hide_banner", "-loglevel", "error", "-y", ...args], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.add(child);
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error) => (children.delete(child), reject(error)));
    child.on("close", (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            signal
              ? `ffmpeg was stopped (${signal})`
              : `ffmpeg exited with ${code}: ${stderr.trim().slice(0, 500)}`,
          ),
        );
    });
  });
}

/** Whether a process with this id runs (a render's partial file names its writer). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Removes partial renders left by processes that no longer run (killed mid-render). */
function removeAbandonedRenders(cacheDir: string): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(cacheDir)) {
    const writer = /\.(\d+)\.tmp\.webm(?:\.svg|\.txt)?$/.exec(name);
    if (writer && Number(writer[1]) !== process.pid && !alive(Number(writer[1]))) {
      rmSync(join(cacheDir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

/** A small TTL-less cache of lookups (the demo catalog does not change under it often). */
function memo<T>(load: (key: string) => Promise<T>, limit = 5000): (key: string) => Promise<T> {
  const values = new Map<string, Promise<T>>();
  return (key) => {
    let value = values.get(key);
    if (!value) {
      if (values.size >= limit) values.delete(values.keys().next().value!);
      value = load(key);
      values.set(key, value);
      value.catch(() => values.delete(key));
    }
    return value;
  };
}

/** Sends a file with HTTP caching and byte ranges (video players seek with them). */
function sendFile(req: IncomingMessage, res: ServerResponse, file: string, type: string): void {
  const { size, mtimeMs } = statSync(file);
  const etag = `"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    "content-type": type,
    "accept-ranges": "bytes",
    etag,
    "cache-control": "public, max-age=86400",
  };
  if (req.headers["if-none-match"] === etag) return void res.writeHead(304, headers).end();
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? "");
  if (range && (range[1] || range[2])) {
    let start = range[1] ? Number(range[1]) : size - Number(range[2]);
    let end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (!range[1]) start = Math.max(0, start);
    if (start >= size || start > end)
      return void res.writeHead(416, { "content-range": `bytes */${size}` }).end();
    res.writeHead(206, {
      ...headers,
      "content-range": `bytes ${start}-${end}/${size}`,
      "content-length": end - start + 1,
    });
    if (req.method === "HEAD") return void res.end();
    createReadStream(file, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...headers, "content-length": size });
  if (req.method === "HEAD") return void res.end();
  createReadStream(file).pipe(res);
}

function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res
    .writeHead(status, {
      "content-type": type,
      "cache-control": status === 200 ? "public, max-age=3600" : "no-store",
    })
    .end(body);
}

/** A render asked for after `close()`. */
class ClosedError extends Error {
  constructor() {
    super("the media server is closed");
  }
}

/** The `/media/*` handler: generated clips and SVG cards. */
export function createMediaHandler(options: MediaOptions): MediaHandler {
  const ffmpeg = options.ffmpeg ?? "ffmpeg";
  const videos = hasFfmpeg(ffmpeg);
  const { cacheDir, lookup } = options;
  const quality = options.quality ?? "demo";
  mkdirSync(cacheDir, { recursive: true });
  removeAbandonedRenders(cacheDir);
  const font = existsSync(FONT) ? FONT : null;
  const children = new Set<ChildProcess>();
  const partial = new Set<string>();
  let closed = false;

  // Renders are serialised: two cores serve the API and the browser too.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  /** Writes `file` through `render(tmp)` once: concurrent callers share one render; a crash leaves no half file. */
  const pending = new Map<string, Promise<string>>();
  const produce = (file: string, render: (tmp: string) => Promise<void>): Promise<string> => {
    if (existsSync(file)) return Promise.resolve(file);
    let job = pending.get(file);
    if (!job) {
      const tmp = `${file}.${process.pid}.tmp.webm`;
      job = serial(async () => {
        if (closed) throw new ClosedError();
        if (!existsSync(file)) {
          partial.add(tmp);
          try {
            await render(tmp);
            renameSync(tmp, file);
          } finally {
            partial.delete(tmp);
            rmSync(tmp, { force: true });
          }
        }
        return file;
      }).finally(() => pending.delete(file));
      pending.set(file, job);
    }
    return job;
  };

  // A keyframe every second (-g = frame rate) makes each post's cut exact without re-encoding.
  const look =
    quality === "tiny"
      ? { width: 72, height: 128, fps: 4, box: 18, bitrate: "24k", clock: false }
      : { width: 360, height: 640, fps: 20, box: 90, bitrate: "300k", clock: true };
  const prefix = quality === "tiny" ? `${MASTER_VERSION}-tiny` : String(MASTER_VERSION);
  const master = (palette: string): Promise<string> =>
    produce(join(cacheDir, `master-${prefix}-${palette}.webm`), (tmp) => {
      const [a, b, c] = PALETTES[palette]!;
      const { width, height, fps, box } = look;
      const filters = [
        "format=yuv420p",
        `drawbox=x='(iw-${box})*(0.5+0.45*sin(t*1.3))':y='(ih-${box})*(0.5+0.4*cos(t*0.9))':w=${box}:h=${box}:color=white@0.3:t=fill`,
        // The clip's clock, in the middle third (apps put their header on top and captions below).
        ...(font && look.clock
          ? [
              `drawtext=fontfile=${font}:text='%{pts\\:gmtime\\:0\\:%M\\\\\\:%S}':x=(w-tw)/2:y=h*0.3:fontsize=30:fontcolor=white@0.85:box=1:boxcolor=black@0.25:boxborderw=8`,
            ]
          : []),
      ];
      return run(
        ffmpeg,
        [
          "-f",
          "lavfi",
          "-i",
          `gradients=s=${width}x${height}:r=${fps}:d=${MAX_CLIP_SECONDS}:speed=0.02:type=radial:nb_colors=3:c0=0x${a}:c1=0x${b}:c2=0x${c}`,
          "-vf",
          filters.join(","),
          "-c:v",
          "libvpx",
          "-deadline",
          "realtime",
          "-cpu-used",
          "8",
          "-b:v",
          look.bitrate,
          "-g",
          String(fps),
          "-an",
          "-f",
          "webm",
          tmp,
        ],
        children,
      );
    });

  const clip = async (palette: string, seconds: number): Promise<string> => {
    const source = await master(palette);
    if (seconds >= MAX_CLIP_SECONDS) return source;
    return produce(join(cacheDir, `${prefix}-${palette}-${seconds}s.webm`), (tmp) =>
      run(ffmpeg, ["-i", source, "-t", String(seconds), "-c", "copy", "-f", "webm", tmp], children),
    );
  };

  const post = memo(async (id: string) => (lookup ? lookup.post(id) : null));
  const product = memo(async (id: string) => (lookup ? lookup.product(id) : null));
  const shop = memo(async (id: string) => (lookup?.shop ? lookup.shop(id) : null));
  const user = memo(async (id: string) => (lookup?.user ? lookup.user(id) : null));

  /** Product `id`'s picture number `n` (from 1): views go front, angle, close-up; colours go round. */
  const picture = async (
    id: string,
    n: number,
    size: { width: number; height: number },
    view?: ProductView,
  ) => {
    const found = await product(id).catch(() => null);
    const colours = productColours(id, found?.options, found?.productType);
    return productSvg({
      id,
      productType: found?.productType,
      title: found?.title,
      colour: colours[(n - 1) % colours.length],
      view: view ?? (["front", "angle", "detail"] as const)[(n - 1) % 3],
      ...size,
    });
  };

  /** A product's clip: its picture (at twice the clip's size), slowly zoomed and panned, fading in. */
  const productClip = async (id: string, n = 1): Promise<string> => {
    const { width, height, fps, bitrate } = look;
    const svg = await picture(id, n, { width: width * 2, height: height * 2 }, "front");
    const name = createHash("sha256").update(svg).digest("hex").slice(0, 16);
    const frames = PRODUCT_CLIP_SECONDS * fps;
    const [across = 0, up = 0, inward = 0] = createHash("sha256").update(id).digest();
    const dx = ((across % 5) - 2) * 0.1;
    const dy = -0.1 - (up % 3) * 0.05;
    const zoom = inward % 2 === 0 ? `1+0.14*on/${frames}` : `1.14-0.14*on/${frames}`;
    return produce(join(cacheDir, `product-${MEDIA_VERSION}-${quality}-${name}.webm`), async (tmp) => {
      const input = `${tmp}.svg`;
      try {
        writeFileSync(input, svg);
        await run(
          ffmpeg,
          [
            "-i",
            input,
            "-vf",
            [
              `zoompan=z='${zoom}':x='(iw-iw/zoom)*(0.5+${dx}*on/${frames})':y='(ih-ih/zoom)*(0.5+${dy}*on/${frames})':d=${frames}:s=${width}x${height}:fps=${fps}`,
              "fade=t=in:st=0:d=0.5:color=0xf5f2ec",
              "format=yuv420p",
            ].join(","),
            "-c:v",
            "libvpx",
            "-deadline",
            "realtime",
            "-cpu-used",
            "8",
            "-b:v",
            bitrate,
            "-g",
            String(fps),
            "-an",
            "-f",
            "webm",
            tmp,
          ],
          children,
        );
      } finally {
        rmSync(input, { force: true });
      }
    });
  };

  /** A clip of `segments` (products' clips from their starts, joined without re-encoding). */
  const productsClip = async (segments: readonly ClipSegment[]): Promise<string> => {
    const parts: { file: string; seconds: number }[] = [];
    for (const segment of segments) {
      const file = await productClip(segment.productId);
      for (let left = segment.seconds; left > 0; left -= PRODUCT_CLIP_SECONDS)
        parts.push({ file, seconds: Math.min(left, PRODUCT_CLIP_SECONDS) });
    }
    const list = `ffconcat version 1.0\n${parts.map((p) => `file '${p.file.replace(/'/g, "'\\''")}'\noutpoint ${p.seconds}\n`).join("")}`;
    const name = createHash("sha256").update(list).digest("hex").slice(0, 16);
    return produce(join(cacheDir, `post-${MEDIA_VERSION}-${quality}-${name}.webm`), async (tmp) => {
      const input = `${tmp}.txt`;
      try {
        writeFileSync(input, list);
        await run(
          ffmpeg,
          ["-f", "concat", "-safe", "0", "-i", input, "-c", "copy", "-f", "webm", tmp],
          children,
        );
      } finally {
        rmSync(input, { force: true });
      }
    });
  };

  /** Answers 404 without ffmpeg (players show the poster), else the clip `make` renders. */
  const serveVideo = async (req: IncomingMessage, res: ServerResponse, make: () => Promise<string>) => {
    if (!videos)
      return sendText(
        res,
        404,
        "text/plain",
        "Demo videos need ffmpeg (apt-get install -y ffmpeg); players show the poster meanwhile.\n",
      );
    sendFile(req, res, await make(), "video/webm");
  };
  const svg = (res: ServerResponse, body: string) => sendText(res, 200, "image/svg+xml", body);
  const POSTER = { width: 540, height: 960 };

  /** A post's segments (its tags' products over its length) and length; no segments without tags. */
  const postPlan = async (id: string) => {
    const found = await post(id).catch(() => null);
    const seconds = clipSeconds(found?.durationMs ?? 15_000);
    return { seconds, segments: clipTimeline(seconds, found?.tags ?? []) };
  };

  /** What renders the video at `path`; null when `path` names no video this server makes. */
  const videoJob = async (path: string): Promise<(() => Promise<string>) | null> => {
    let match = CLIP.exec(path);
    if (match) {
      const palette = match[1] ?? "";
      const seconds = Number(match[2]);
      return PALETTES[palette] && seconds >= 1 && seconds <= MAX_CLIP_SECONDS
        ? () => clip(palette, seconds)
        : null;
    }
    if ((match = POST_VIDEO.exec(path))) {
      const id = (match[1] ?? "").toLowerCase();
      const { seconds, segments } = await postPlan(id);
      return segments.length ? () => productsClip(segments) : () => clip(paletteFor(id), seconds);
    }
    if ((match = REEL.exec(path)) && match[3] === ".webm") {
      const seconds = Number(match[1]);
      const ids = (match[2] ?? "").toLowerCase().split(",");
      if (seconds < 1 || seconds > MAX_CLIP_SECONDS) return null;
      const share = seconds / ids.length;
      const tags = ids.map((productId, k) => ({
        productId,
        startMs: Math.round(k * share * 1000),
        endMs: Math.round((k + 1) * share * 1000),
      }));
      return () => productsClip(clipTimeline(seconds, tags));
    }
    if ((match = PRODUCT_VIDEO.exec(path))) {
      const id = (match[1] ?? "").toLowerCase();
      const n = Number(match[2]);
      return () => productClip(id, n);
    }
    return null;
  };

  const handler = (async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    if (!path.startsWith("/media/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD")
      return (sendText(res, 405, "text/plain", "GET only\n"), true);
    try {
      const job = await videoJob(path);
      if (job) {
        await serveVideo(req, res, job);
        return true;
      }
      if (CLIP.test(path) || REEL.exec(path)?.[3] === ".webm")
        return (sendText(res, 404, "text/plain", "No such clip\n"), true);
      let match = POST_IMAGE.exec(path);
      if (match) {
        const id = (match[1] ?? "").toLowerCase();
        const { segments } = await postPlan(id);
        const first = segments[0]?.productId;
        if (first)
          svg(res, await picture(first, 1, match[2] ? POSTER : { width: 600, height: 750 }, "front"));
        else svg(res, svgCard({ palette: paletteFor(id), poster: !!match[2] }));
        return true;
      }
      if ((match = REEL.exec(path))) {
        svg(res, await picture((match[2] ?? "").toLowerCase().split(",")[0] ?? "", 1, POSTER, "front"));
        return true;
      }
      if ((match = SHOP_LOGO.exec(path))) {
        const id = (match[1] ?? "").toLowerCase();
        svg(res, shopLogoSvg({ id, name: (await shop(id).catch(() => null))?.name }));
        return true;
      }
      if ((match = AVATAR.exec(path))) {
        const id = (match[1] ?? "").toLowerCase();
        const found = await user(id).catch(() => null);
        svg(res, avatarSvg({ id, displayName: found?.displayName ?? found?.handle }));
        return true;
      }
      if ((match = PRODUCT_IMAGE.exec(path)) && IMAGE.test(path)) {
        const id = (match[1] ?? "").toLowerCase();
        const n = Math.max(1, Number(match[2] ?? 1));
        svg(res, await picture(id, n, /-poster\.\w+$/.test(path) ? POSTER : { width: 600, height: 750 }));
        return true;
      }
      if (/^\/media\/products\//.test(path) && IMAGE.test(path)) {
        // A picture of a product the demo does not know (integrators' own paths): a parcel.
        svg(res, productSvg({ id: path }));
        return true;
      }
      if (IMAGE.test(path)) {
        // A clip's poster has the clip's palette; other cards take one from their id.
        const named = /^\/media\/clips\/([a-z]+)-poster\.\w+$/.exec(path)?.[1];
        const key =
          path
            .replace(/-poster|\.\w+$/g, "")
            .split("/")
            .pop() ?? "";
        svg(
          res,
          svgCard({
            palette: named && PALETTES[named] ? named : paletteFor(key),
            poster: /-poster\.\w+$/.test(path),
          }),
        );
        return true;
      }
      sendText(res, 404, "text/plain", "Not found\n");
    } catch (error) {
      if (error instanceof ClosedError || closed) {
        if (!res.headersSent) sendText(res, 503, "text/plain", "The media server is stopping\n");
        else res.destroy();
        return true;
      }
      if (!res.headersSent)
        sendText(res, 500, "text/plain", `Could not make this media: ${(error as Error).message}\n`);
      else res.destroy(error as Error);
    }
    return true;
  }) as MediaHandler;
  Object.defineProperty(handler, "videos", { value: videos });
  handler.warm = async (paths) => {
    if (!videos) return;
    const wanted =
      paths ?? PALETTE_NAMES.map((palette) => `/media/clips/${palette}-${MAX_CLIP_SECONDS}s.webm`);
    for (const path of wanted) {
      if (closed) return;
      const job = await videoJob(path.replace(/^https?:\/\/[^/]+/, "").split("?")[0] ?? "");
      await job?.().catch((error: unknown) => {
        if (!(error instanceof ClosedError) && !closed) throw error;
      });
    }
  };
  handler.close = async () => {
    closed = true;
    const stopped = [...children].map(
      (child) =>
        new Promise<void>((done) =>
          child.exitCode !== null || child.signalCode !== null
            ? done()
            : (child.once("close", () => done()), child.kill("SIGKILL")),
        ),
    );
    await Promise.all(stopped);
    await queue;
    for (const tmp of partial) rmSync(tmp, { force: true });
  };
  return handler;
}
