/**
 * Demo media, made on this machine and never downloaded: the seeded catalog and posts point at
 * `/media/...` paths on the host platform's media server, and this is that server for the demo.
 *
 * - Videos (`/media/posts/<id>.mp4`, `/media/products/<id>/<n>.mp4`, `/media/clips/<palette>-<n>s.webm`)
 *   are WebM clips rendered by ffmpeg (Debian's `ffmpeg` package) from its built-in `gradients`
 *   source: one 90-second master per palette, rendered once in the background, then cut to each
 *   post's length without re-encoding (keyframes every second make the cut exact). A post's clip
 *   is as long as its `durationMs`, so its product tags show at their times.
 * - Images and posters (any `.jpg`, `.png` or `.webp` under `/media`) are SVG cards drawn here:
 *   a product's card carries its title.
 *
 * Without ffmpeg, video paths answer 404 and players show their posters (say so at start).
 *
 * `quality: "tiny"` (STOREFRONT_MEDIA=tiny) renders the same clips, as long, at 72×128 and 4
 * frames a second with no clock: a master takes a fraction of a second of CPU instead of many,
 * which the tests use so that nothing waits on a warm cache or a fast machine.
 *
 * Renders write to `<file>.<pid>.tmp.webm` and are renamed into place when ffmpeg succeeds; a
 * failed render removes its file, `close()` stops running renders and removes theirs, and a
 * start removes what a killed process left behind.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";

export interface MediaLookup {
  /** A post's video length in milliseconds (null when the post is unknown or not a video). */
  postDuration(postId: string): Promise<number | null>;
  /** A product's title and type, for its image cards (null when unknown). */
  product(productId: string): Promise<{ title: string; productType?: string | null } | null>;
}

export interface MediaOptions {
  /** Where rendered clips are kept between starts (such as `.data/storefront-media`). */
  cacheDir: string;
  /** Reads what the cards and clips need from the API; without it, cards are untitled and post clips 15 s. */
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
  /** Renders every palette's master clip now (in the background at start); resolves when done. */
  warm(): Promise<void>;
  /** Stops running renders and removes their partial files; later requests for clips answer 503. */
  close(): Promise<void>;
}

/** The longest clip: seeded posts run 5 to 90 seconds; longer ones are cut to this. */
export const MAX_CLIP_SECONDS = 90;

/** Bumped when the master clips' look changes, so caches from earlier versions are not reused. */
const MASTER_VERSION = 2;

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
const PRODUCT_VIDEO = new RegExp(`^/media/products/(${UUID})/\\d+\\.(?:mp4|webm)$`, "i");
const PRODUCT_IMAGE = new RegExp(`^/media/products/(${UUID})/`, "i");
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
    const writer = /\.(\d+)\.tmp\.webm$/.exec(name);
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

  const postDuration = memo(async (id: string) => (lookup ? lookup.postDuration(id) : null));
  const product = memo(async (id: string) => (lookup ? lookup.product(id) : null));

  const serveClip = async (req: IncomingMessage, res: ServerResponse, palette: string, seconds: number) => {
    if (!videos)
      return sendText(
        res,
        404,
        "text/plain",
        "Demo videos need ffmpeg (apt-get install -y ffmpeg); players show the poster meanwhile.\n",
      );
    sendFile(req, res, await clip(palette, seconds), "video/webm");
  };

  const handler = (async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = decodeURIComponent((req.url ?? "/").split("?")[0]!);
    if (!path.startsWith("/media/")) return false;
    if (req.method !== "GET" && req.method !== "HEAD")
      return (sendText(res, 405, "text/plain", "GET only\n"), true);
    try {
      let match = CLIP.exec(path);
      if (match) {
        const seconds = Number(match[2]);
        if (!PALETTES[match[1]!] || seconds < 1 || seconds > MAX_CLIP_SECONDS)
          return (sendText(res, 404, "text/plain", "No such clip\n"), true);
        await serveClip(req, res, match[1]!, seconds);
        return true;
      }
      if ((match = POST_VIDEO.exec(path))) {
        const id = match[1]!.toLowerCase();
        const durationMs = await postDuration(id).catch(() => null);
        await serveClip(req, res, paletteFor(id), clipSeconds(durationMs ?? 15_000));
        return true;
      }
      if ((match = PRODUCT_VIDEO.exec(path))) {
        await serveClip(req, res, paletteFor(match[1]!.toLowerCase()), 10);
        return true;
      }
      if (IMAGE.test(path)) {
        const productId = PRODUCT_IMAGE.exec(path)?.[1]?.toLowerCase();
        const card = productId ? await product(productId).catch(() => null) : null;
        // A clip's poster has the clip's palette; other cards take one from their id.
        const named = /^\/media\/clips\/([a-z]+)-poster\.\w+$/.exec(path)?.[1];
        const key =
          productId ??
          path
            .replace(/-poster|\.\w+$/g, "")
            .split("/")
            .pop()!;
        const poster = /-poster\.\w+$/.test(path);
        sendText(
          res,
          200,
          "image/svg+xml",
          svgCard({
            palette: named && PALETTES[named] ? named : paletteFor(key),
            title: poster ? undefined : card?.title,
            subtitle: poster ? null : card?.productType,
            poster,
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
  handler.warm = async () => {
    if (!videos) return;
    for (const palette of PALETTE_NAMES) {
      if (closed) return;
      await master(palette).catch((error: unknown) => {
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
