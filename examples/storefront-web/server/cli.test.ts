// The README's `pnpm demo` as a process: it builds the app, starts the API (first start: migrate
// and seed), makes the demo data, serves the storefront with its media, and Ctrl-C stops both.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createShoppableClient } from "@shoppable/sdk";
import { afterAll, expect, it } from "vitest";
import { freePort } from "../test/free-port.ts";

const packageDir = join(import.meta.dirname, "..");
const dataDir = mkdtempSync(join(tmpdir(), "shoppable-demo-"));
let child: ChildProcessWithoutNullStreams | undefined;
afterAll(() => {
  child?.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

it("pnpm demo: the API with demo data, the storefront with its config, media and trending posts; SIGINT stops both", async () => {
  const [apiPort, storefrontPort] = [await freePort(), await freePort()];
  // As package.json's `demo` runs it: node with tsx as a loader (no tsx CLI relaying signals).
  // Always the embedded database (the PostgreSQL run of the suite must not seed its shared database).
  child = spawn(process.execPath, ["--import", "tsx", "server/cli.ts"], {
    cwd: packageDir,
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: String(apiPort),
      STOREFRONT_PORT: String(storefrontPort),
      STOREFRONT_MEDIA: "tiny",
      NODE_ENV: "development",
      LOG_LEVEL: "warn",
    },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the storefront URL was not printed:\n${output}`)),
      280_000,
    );
    child!.stdout.on("data", () => {
      if (output.includes("Storefront:")) clearTimeout(timer), resolve();
    });
    child!.once("exit", (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  const origin = `http://localhost:${storefrontPort}`;
  expect(output).toContain(`Storefront:  ${origin}`);
  expect(output).toContain(`GraphiQL:    http://localhost:${apiPort}/graphql`);
  expect(output).toMatch(/\[api\] Seeded in [\d.]+ s/);

  // The app, for any page path (client-side routing), and its configuration.
  const page = await fetch(`${origin}/products/anything`);
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/<script type="module"[^>]+src="\/assets\//);
  const config = (await (await fetch(`${origin}/config.json`)).json()) as {
    apiUrl: string;
    publishableKey: string;
    users: Record<string, { token: string }>;
    demo: { liveSessionId: string; postIds: string[]; shopHandle: string };
  };
  expect(config.apiUrl).toBe(`http://localhost:${apiPort}/graphql`);
  expect(config.publishableKey).toMatch(/^shp_pk_/);
  expect(Object.keys(config.users).sort()).toEqual(["buyer", "creator"]);
  expect(config.demo.postIds).toHaveLength(3);

  // The demo world is dated up to its first start: TRENDING has posts at once.
  const client = createShoppableClient({
    url: config.apiUrl,
    apiKey: config.publishableKey,
    userToken: config.users.buyer!.token,
  });
  const trending = await client.feed({ kind: "TRENDING", first: 5 });
  expect(trending?.edges.length).toBe(5);
  expect((await client.liveSession({ id: config.demo.liveSessionId }))?.status).toBe("LIVE");
  const shop = await client.shop({ handle: config.demo.shopHandle, productsFirst: 1 });
  const image = shop!.products.edges[0]!.node.media[0]!.url;
  // Absolute: the API answers the demo media against the storefront (MEDIA_BASE_URL).
  expect(image).toMatch(/^http:\/\/localhost:\d+\/media\//);
  const card = await fetch(new URL(new URL(image).pathname, origin));
  expect(card.headers.get("content-type")).toBe("image/svg+xml");
  expect(await card.text()).toContain(shop!.products.edges[0]!.node.title.split(" ")[0]);

  // Ctrl-C stops the storefront and the API.
  const exited = new Promise<number | null>((resolve) => child!.once("exit", resolve));
  child.kill("SIGINT");
  expect(await exited).toBe(0);
  child = undefined;
  await expect(fetch(`http://127.0.0.1:${apiPort}/health`)).rejects.toThrow();
  await expect(fetch(`${origin}/config.json`)).rejects.toThrow();
  // Stopping ended the background renders and removed their partial files.
  const media = join(dataDir, "storefront-media");
  expect(existsSync(media) ? readdirSync(media).filter((name) => name.endsWith(".tmp.webm")) : []).toEqual(
    [],
  );
}, 300_000);
