/**
 * The media server's renders leave nothing half-written: a render stopped by `close()` removes
 * its partial file and later requests answer 503; a partial file whose writer was killed is
 * removed at the next start; a failed render leaves no file. A stand-in ffmpeg (a shell script
 * that writes part of its output, then waits to be killed) makes each case happen on cue.
 */
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  watch,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEPARTMENTS } from "../../db/src/seed/words.ts";
import {
  clipTimeline,
  colourOf,
  createMediaHandler,
  drawingFor,
  hasFfmpeg,
  type MediaHandler,
  type MediaLookup,
  mediaQualityFromEnv,
  productColours,
  productSvg,
} from "../src/index.ts";
import { NAMED_COLOURS } from "../src/products.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "storefront-media-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in ffmpeg: `-version` works; a render writes part of its output file, then hangs (or fails). */
function fakeFfmpeg(mode: "hang" | "fail"): string {
  const file = join(dir, `ffmpeg-${mode}`);
  writeFileSync(
    file,
    `#!/bin/sh\n[ "$1" = "-version" ] && exit 0\nfor last; do :; done\necho partial > "$last"\n${mode === "hang" ? "exec sleep 3600" : "echo 'no such codec' >&2; exit 1"}\n`,
  );
  chmodSync(file, 0o755);
  return file;
}

/** Resolves when a file whose name matches `pattern` exists in `folder` (a filesystem event, not a timer). */
function fileAppears(folder: string, pattern: RegExp): Promise<string> {
  return new Promise((resolve) => {
    const found = () => readdirSync(folder).find((name) => pattern.test(name));
    const watcher = watch(folder, () => {
      const name = found();
      if (name) watcher.close(), resolve(name);
    });
    const name = found();
    if (name) watcher.close(), resolve(name);
  });
}

async function serve(media: MediaHandler): Promise<{ url: string; server: Server }> {
  const server = createServer(
    (req, res) => void media(req, res).then((handled) => handled || res.writeHead(404).end()),
  );
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, server };
}

describe("media renders", () => {
  it("close() stops a running render, removes its partial file, and later clips answer 503", async () => {
    const cacheDir = join(dir, "closed");
    const media = createMediaHandler({ cacheDir, ffmpeg: fakeFfmpeg("hang"), quality: "tiny" });
    const { url, server } = await serve(media);
    try {
      const response = fetch(`${url}/media/clips/ocean-8s.webm`);
      const partial = await fileAppears(cacheDir, /\.tmp\.webm$/);
      expect(partial).toMatch(new RegExp(`^master-2-tiny-ocean\\.webm\\.${process.pid}\\.tmp\\.webm$`));
      await media.close();
      expect(readdirSync(cacheDir)).toEqual([]);
      expect((await response).status).toBe(503);
      expect((await fetch(`${url}/media/clips/ember-90s.webm`)).status).toBe(503);
      // Cards are drawn, not rendered: they still answer.
      expect((await fetch(`${url}/media/clips/ocean-poster.jpg`)).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it("a failed render answers 500 with ffmpeg's reason and leaves no file", async () => {
    const cacheDir = join(dir, "failed");
    const media = createMediaHandler({ cacheDir, ffmpeg: fakeFfmpeg("fail"), quality: "tiny" });
    const { url, server } = await serve(media);
    try {
      const response = await fetch(`${url}/media/clips/berry-5s.webm`);
      expect(response.status).toBe(500);
      expect(await response.text()).toContain("no such codec");
      expect(readdirSync(cacheDir)).toEqual([]);
    } finally {
      server.close();
      await media.close();
    }
  });

  it("a start removes partial files of writers that no longer run, and keeps a running writer's", async () => {
    const cacheDir = join(dir, "abandoned");
    mkdirSync(cacheDir);
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    const dead = `master-2-sunset.webm.${gone.stdout}.tmp.webm`;
    const running = spawn("sleep", ["3600"]);
    const live = `master-2-forest.webm.${running.pid}.tmp.webm`;
    try {
      for (const name of [dead, live, "2-ocean-8s.webm"]) writeFileSync(join(cacheDir, name), "x");
      await createMediaHandler({ cacheDir, quality: "tiny" }).close();
      expect(readdirSync(cacheDir).sort()).toEqual(["2-ocean-8s.webm", live]);
    } finally {
      running.kill();
    }
  });

  it("STOREFRONT_MEDIA is demo or tiny; anything else is an error", () => {
    expect([
      mediaQualityFromEnv(undefined),
      mediaQualityFromEnv("demo"),
      mediaQualityFromEnv("tiny"),
    ]).toEqual(["demo", "demo", "tiny"]);
    expect(() => mediaQualityFromEnv("huge")).toThrow(/STOREFRONT_MEDIA must be "demo" or "tiny"/);
  });

  (hasFfmpeg() || process.env.CI ? it : it.skip)(
    "tiny clips are as long as asked, small, and rendered once into place",
    async () => {
      const cacheDir = join(dir, "tiny");
      const media = createMediaHandler({ cacheDir, quality: "tiny" });
      const { url, server } = await serve(media);
      try {
        const [a, b] = await Promise.all([
          fetch(`${url}/media/clips/slate-90s.webm`),
          fetch(`${url}/media/clips/slate-3s.webm`),
        ]);
        expect([a.status, b.status]).toEqual([200, 200]);
        const long = Buffer.from(await a.arrayBuffer());
        await b.arrayBuffer();
        expect(long.length).toBeLessThan(400_000);
        const probe = (file: string) =>
          Number(
            spawnSync(
              "ffprobe",
              ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", join(cacheDir, file)],
              { encoding: "utf8" },
            ).stdout,
          );
        expect(probe("master-2-tiny-slate.webm")).toBeCloseTo(90, 0);
        expect(probe("2-tiny-slate-3s.webm")).toBeCloseTo(3, 0);
        expect(readdirSync(cacheDir).sort()).toEqual(["2-tiny-slate-3s.webm", "master-2-tiny-slate.webm"]);
        expect(existsSync(join(cacheDir, `master-2-tiny-slate.webm.${process.pid}.tmp.webm`))).toBe(false);
      } finally {
        server.close();
        await media.close();
      }
    },
  );
});

const SHIRT = "0f000000-0000-4000-8000-000000000001";
const MUG = "0f000000-0000-4000-8000-000000000002";
const ODD = "0f000000-0000-4000-8000-000000000003";
const POST = "0f000000-0000-4000-8000-0000000000a1";
const SHOP = "0f000000-0000-4000-8000-0000000000b1";
const USER = "0f000000-0000-4000-8000-0000000000c1";

/** A catalog of three products, one tagged post of 7.5 s (the tee, then the mug), a shop and a user. */
const lookup: MediaLookup = {
  post: async (id) =>
    id === POST
      ? {
          durationMs: 7_500,
          tags: [
            { productId: SHIRT, startMs: 0, endMs: 3_000 },
            { productId: MUG, startMs: 3_000, endMs: null },
          ],
        }
      : null,
  product: async (id) =>
    id === SHIRT
      ? { title: "Boxy Tee", productType: "T-Shirts", options: [{ name: "Color", values: ["Red", "Navy"] }] }
      : id === MUG
        ? { title: "Studio Mug", productType: "Mugs", options: [{ name: "Color", values: ["Blue"] }] }
        : id === ODD
          ? { title: "Mystery Thing", productType: "Widgets" }
          : null,
  shop: async (id) => (id === SHOP ? { name: "Harbor & Finch" } : null),
  user: async (id) => (id === USER ? { displayName: "Ada Lovelace" } : null),
};

describe("pictures", () => {
  it("draws the kind of product a type names, in its colour, and a parcel for an unknown type", () => {
    const mug = productSvg({ id: "x", productType: "Mugs", colour: colourOf("Navy") ?? "" });
    expect(mug).toContain('data-drawing="mug"');
    expect(mug).toContain(`fill="${NAMED_COLOURS.navy}"`);
    const odd = productSvg({ id: "x", productType: "Widgets", title: `<script>"Thing"&` });
    expect(odd).not.toContain("<script>");
    expect(odd).toContain('data-drawing="parcel"');
    expect(odd).toContain("<path");
    expect(drawingFor("Hoodies")).toBe("hoodie");
    expect(drawingFor("Earrings")).toBe("earrings");
    expect(drawingFor("Rings")).toBe("ring");
  });

  it("every product type of the seed vocabulary has a drawing of its own", () => {
    const types = DEPARTMENTS.flatMap((d) => [...d.types, ...(d.digital ? [d.digital] : [])]).map(
      (t) => t.type,
    );
    const drawings = types.map((type) => drawingFor(type));
    expect(drawings.filter((key) => key === "parcel")).toEqual([]);
    expect(new Set(drawings).size).toBe(types.length);
  });

  it("colours come from the Color option, else a material or scent, else the id", () => {
    expect(productColours("a", [{ name: "Color", values: ["Olive", "Pink"] }])).toEqual([
      NAMED_COLOURS.olive,
      NAMED_COLOURS.pink,
    ]);
    expect(productColours("a", [{ name: "Material", values: ["Walnut"] }])).toEqual([NAMED_COLOURS.walnut]);
    expect(productColours("same-id")).toEqual(productColours("same-id"));
    expect(productColours("same-id")[0]).toMatch(/^#[0-9a-f]{6}$/);
    const metals = ["gold vermeil", "sterling silver", "rose gold", "brass"].map((m) => NAMED_COLOURS[m]);
    for (const id of ["a", "b", "c", "d", "e"])
      expect(metals).toContain(productColours(id, [{ name: "Finish", values: ["Matte"] }], "Rings")[0]);
  });

  it("serves product pictures by view and colour, logos, avatars and unknown products' pictures", async () => {
    const media = createMediaHandler({ cacheDir: join(dir, "pictures"), quality: "tiny", lookup });
    const { url, server } = await serve(media);
    try {
      const text = async (path: string) => {
        const response = await fetch(`${url}${path}`);
        expect(response.headers.get("content-type"), path).toBe("image/svg+xml");
        return response.text();
      };
      const front = await text(`/media/products/${SHIRT}/1.jpg`);
      expect(front).toContain('data-drawing="tee"');
      expect(front).toContain("<title>Boxy Tee</title>");
      expect(front).toContain(`data-colour="${NAMED_COLOURS.red}"`);
      const second = await text(`/media/products/${SHIRT}/2.jpg`);
      expect(second).toContain(`data-colour="${NAMED_COLOURS.navy}"`);
      expect(second).toContain("scale(-");
      expect(await text(`/media/products/${ODD}/1.jpg`)).toContain('data-drawing="parcel"');
      expect(await text("/media/products/card-2.svg")).toContain('data-drawing="parcel"');
      expect(await text(`/media/shops/${SHOP}/logo.png`)).toContain(">HF</text>");
      expect(await text(`/media/avatars/${USER}.jpg`)).toContain(">AL</text>");
      expect(await text(`/media/posts/${POST}-poster.jpg`)).toContain('data-drawing="tee"');
    } finally {
      server.close();
      await media.close();
    }
  });
});

describe("clip timelines", () => {
  it("shows each tag's product at its times, takes turns when tags overlap, and fills gaps", () => {
    expect(
      clipTimeline(8, [
        { productId: "a", startMs: 0, endMs: 3_000 },
        { productId: "b", startMs: 3_000, endMs: null },
      ]),
    ).toEqual([
      { productId: "a", seconds: 3 },
      { productId: "b", seconds: 5 },
    ]);
    expect(clipTimeline(10, [{ productId: "a" }, { productId: "b" }])).toEqual([
      { productId: "a", seconds: 4 },
      { productId: "b", seconds: 4 },
      { productId: "a", seconds: 2 },
    ]);
    expect(clipTimeline(6, [{ productId: "a", startMs: 4_000, endMs: 6_000 }])).toEqual([
      { productId: "a", seconds: 6 },
    ]);
    expect(clipTimeline(6, [])).toEqual([]);
  });
});

/** The mean colour of a clip's frame at `seconds` (ffmpeg scales the frame to one pixel). */
function meanColour(file: string, seconds: number): [number, number, number] {
  const out = spawnSync(
    "ffmpeg",
    [
      "-v",
      "error",
      "-ss",
      String(seconds),
      "-i",
      file,
      "-frames:v",
      "1",
      "-vf",
      "scale=1:1",
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ],
    { maxBuffer: 1024 },
  ).stdout;
  const [r = 0, g = 0, b = 0] = out;
  return [r, g, b];
}

(hasFfmpeg() || process.env.CI ? describe : describe.skip)("product clips", () => {
  it("a post's tiny clip shows its tagged products at their times and is as long as the post", async () => {
    const cacheDir = join(dir, "post-clips");
    const media = createMediaHandler({ cacheDir, quality: "tiny", lookup });
    const { url, server } = await serve(media);
    try {
      const response = await fetch(`${url}/media/posts/${POST}.mp4`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("video/webm");
      const file = join(dir, "post.webm");
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const duration = Number(
        spawnSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], {
          encoding: "utf8",
        }).stdout,
      );
      expect(duration).toBeCloseTo(8, 0);
      // The red tee first (its three seconds), then the blue mug.
      const [r1, , b1] = meanColour(file, 1.5);
      const [r2, , b2] = meanColour(file, 5.5);
      expect(r1 - b1).toBeGreaterThan(10);
      expect(b2 - r2).toBeGreaterThan(10);
      // Each product's clip is rendered once, the post's clip joins them; no partial files stay.
      const files = readdirSync(cacheDir).sort();
      expect(files.filter((f) => f.startsWith("product-3-tiny-"))).toHaveLength(2);
      expect(files.filter((f) => f.startsWith("post-3-tiny-"))).toHaveLength(1);
      expect(files.filter((f) => f.includes(".tmp."))).toEqual([]);
      // A product's own video is its clip, 10 seconds.
      const own = await fetch(`${url}/media/products/${MUG}/2.mp4`);
      expect(own.status).toBe(200);
      await own.arrayBuffer();
    } finally {
      server.close();
      await media.close();
    }
  });

  it("a reel shares its seconds between the products it names; warm() renders it ahead", async () => {
    const cacheDir = join(dir, "reels");
    const media = createMediaHandler({ cacheDir, quality: "tiny", lookup });
    const { url, server } = await serve(media);
    try {
      await media.warm([`http://localhost:3000/media/reels/6s/${MUG},${SHIRT}.webm`]);
      expect(readdirSync(cacheDir).filter((name) => name.startsWith("post-3-tiny-"))).toHaveLength(1);
      const response = await fetch(`${url}/media/reels/6s/${MUG},${SHIRT}.webm`);
      expect(response.status).toBe(200);
      const file = join(dir, "reel.webm");
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const [r1, , b1] = meanColour(file, 1.5);
      const [r2, , b2] = meanColour(file, 4.5);
      expect(b1 - r1).toBeGreaterThan(10);
      expect(r2 - b2).toBeGreaterThan(10);
      expect(await (await fetch(`${url}/media/reels/6s/${MUG},${SHIRT}-poster.jpg`)).text()).toContain(
        'data-drawing="mug"',
      );
    } finally {
      server.close();
      await media.close();
    }
  });
});
