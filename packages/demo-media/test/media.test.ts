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
import { createMediaHandler, hasFfmpeg, mediaQualityFromEnv, type MediaHandler } from "../src/index.ts";

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
