/**
 * `pnpm demo` (from the repository root): builds the storefront, starts the API with demo data
 * on the embedded database (a child process, exactly `pnpm start`), prepares the storefront's
 * demo data through the SDK, renders demo media, and serves the storefront. Ctrl-C stops both.
 *
 * Environment: PORT (the API, 4000), STOREFRONT_PORT (3000), HOST (127.0.0.1 for the
 * storefront), DATA_DIR (.data), STOREFRONT_MEDIA (demo, or tiny for small fast clips) and
 * everything else the API reads.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isAbsolute, join, resolve } from "node:path";
import { buildStorefront } from "./build.ts";
import { DEMO_STREAM_URL, prepareDemo } from "./demo.ts";
import { startStorefront, type Storefront } from "./main.ts";
import { mediaQualityFromEnv } from "@shoppable/demo-media";
import { createShoppableClient } from "@shoppable/sdk";

const packageDir = resolve(import.meta.dirname, "..");
const repoRoot = resolve(packageDir, "../..");
const apiDir = join(repoRoot, "packages/api");
const apiPort = Number(process.env.PORT ?? 4000);
const storefrontPort = Number(process.env.STOREFRONT_PORT ?? 3000);
const dataDir = isAbsolute(process.env.DATA_DIR ?? ".data")
  ? process.env.DATA_DIR!
  : join(repoRoot, process.env.DATA_DIR ?? ".data");
const apiOrigin = `http://localhost:${apiPort}`;
const mediaQuality = mediaQualityFromEnv();

function prefixed(stream: NodeJS.ReadableStream, out: NodeJS.WriteStream, prefix: string) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop()!;
    for (const line of lines) out.write(`${prefix}${line}\n`);
  });
}

async function waitForApi(child: ReturnType<typeof spawn>): Promise<void> {
  // The first start migrates and seeds the demo world: allow it a while.
  const deadline = Date.now() + 15 * 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The API exited with code ${child.exitCode} before it was ready.`);
    const ready = await fetch(`${apiOrigin}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error("The API did not answer /health within 15 minutes.");
}

/** The API child process, stopped with this process however it ends. */
let api: ReturnType<typeof spawn> | undefined;
/** The storefront once it listens: stopping closes it (running renders end, partial files go). */
let storefront: Storefront | undefined;

async function main() {
  console.log("Building the storefront (vite)…");
  await buildStorefront();

  console.log(`Starting the API on ${apiOrigin} (the first start seeds the demo world; a minute or two)…`);
  const tsx = createRequire(join(apiDir, "package.json")).resolve("tsx/cli");
  api = spawn(process.execPath, [tsx, "src/main.ts"], {
    cwd: apiDir,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      // The API runs under its own tsconfig, not this package's.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("TSX_"))),
      PORT: String(apiPort),
      // Request logs would drown the storefront's lines; LOG_LEVEL=info brings them back.
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      // The demo world's media are this storefront's: the API answers their URLs absolute, so
      // the SDK's web components on any other page load them too.
      MEDIA_BASE_URL: process.env.MEDIA_BASE_URL ?? `http://localhost:${storefrontPort}`,
      // The storefront serves them (and warms its clips at start), so the API does not also render.
      DEMO_MEDIA: process.env.DEMO_MEDIA ?? "off",
      // Affiliate links land on this storefront's product, post and shop pages.
      AFFILIATE_REDIRECT_TEMPLATE:
        process.env.AFFILIATE_REDIRECT_TEMPLATE ??
        `http://localhost:${storefrontPort}/{path}?aff={code}&click={clickId}`,
    },
  });
  const child = api;
  prefixed(child.stdout!, process.stdout, "[api] ");
  prefixed(child.stderr!, process.stderr, "[api] ");
  let stopping = false;
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`The API stopped (exit code ${code}).`);
      process.exit(code ?? 1);
    }
  });
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const apiExited =
      child.exitCode !== null
        ? Promise.resolve()
        : new Promise<void>((done) => child.once("exit", () => done()));
    child.kill("SIGTERM");
    void Promise.all([apiExited, storefront?.close().catch(() => undefined)]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  await waitForApi(child);
  const file = join(dataDir, "dev-credentials.json");
  if (!existsSync(file))
    throw new Error(
      `${file} is missing: the demo needs the API's development credentials (NODE_ENV must not be production).`,
    );
  const saved = JSON.parse(readFileSync(file, "utf8")) as {
    publishableKey: string;
    secretKey: string;
    users: Record<string, { token: string }>;
  };
  const tokens = {
    buyer: saved.users.buyer!.token,
    creator: saved.users.creator!.token,
    merchant: saved.users.merchant!.token,
  };

  const apiUrl = `${apiOrigin}/graphql`;
  const demo = await prepareDemo({
    apiUrl,
    credentials: { publishableKey: saved.publishableKey, secretKey: saved.secretKey, tokens },
    stateFile: join(dataDir, "storefront-demo.json"),
  });
  storefront = await startStorefront({
    port: storefrontPort,
    host: process.env.STOREFRONT_HOST ?? "127.0.0.1",
    mediaDir: join(dataDir, "storefront-media"),
    mediaQuality,
    config: {
      apiUrl,
      publishableKey: saved.publishableKey,
      users: {
        buyer: { token: tokens.buyer, label: "Demo buyer" },
        creator: { token: tokens.creator, label: "Demo creator" },
      },
      demo,
    },
  });
  console.log(
    [
      "",
      `Storefront:  ${storefront.url}   (live shopping: ${storefront.url}/live/${demo.liveSessionId}, creator page: ${storefront.url}/creator)`,
      `GraphiQL:    ${apiUrl}`,
      storefront.media.videos
        ? "Demo videos are rendered by ffmpeg in the background on the first start (a minute or more on a small machine; posters show until then): this says when they are ready."
        : "ffmpeg is not installed: video posts show their posters (apt-get install -y ffmpeg for demo videos).",
      "The header's switcher signs in as the demo buyer or creator (development-only tokens). Ctrl-C stops both servers",
      "(pnpm reports any interrupted script with ELIFECYCLE; both servers stop cleanly all the same).",
      "",
    ].join("\n"),
  );
  const started = Date.now();
  // The clips the demo opens with: its creator's posts (newest first), then the live stream.
  const reader = createShoppableClient({ url: apiUrl, apiKey: saved.publishableKey });
  const opening = await Promise.all(
    demo.postIds.map((id) =>
      reader.post({ id }).then(
        (post) => post?.media.url ?? "",
        () => "",
      ),
    ),
  );
  await storefront.media.warm([...opening.filter(Boolean), DEMO_STREAM_URL]).then(
    () => {
      if (storefront?.media.videos && !stopping)
        console.log(`Demo videos ready (${Math.round((Date.now() - started) / 1000)} s).`);
    },
    (error: unknown) => console.error(`Demo media: ${(error as Error).message}`),
  );
}

main().catch((error: unknown) => {
  const busy = (error as NodeJS.ErrnoException)?.code === "EADDRINUSE";
  console.error(
    busy
      ? `Port ${storefrontPort} is in use: set STOREFRONT_PORT to another (and open that one).`
      : error instanceof Error
        ? error.message
        : error,
  );
  api?.kill("SIGTERM");
  process.exit(1);
});
