// The README's first command, as a process: `pnpm start` builds the API (tsup, dist/) and runs
// the compiled server, no tsx. First start migrates, seeds, prints credentials and the GraphiQL
// URL; SIGTERM shuts it down cleanly; a restart reuses data and keys; production prints no
// credentials and serves no GraphiQL.
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "shoppable-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

beforeAll(() => {
  const tsup = join(
    dirname(createRequire(import.meta.url).resolve("tsup/package.json")),
    "dist/cli-default.js",
  );
  execFileSync(process.execPath, [tsup], { cwd: apiDir, stdio: "pipe" });
}, 120_000);

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["dist/main.js"], {
    cwd: apiDir,
    env: {
      ...process.env,
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 90_000);
    const check = () => {
      const match = /(http:\/\/[^\s]+\/graphql)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout.on("data", check);
    child.stderr.on("data", check);
    child.once("exit", (code) => reject(new Error(`exited ${code}:\n${output}`)));
  });
  return { child, url, output: () => output };
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

async function query(url: string, key: string, q: string, user?: string) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-shoppable-key": key };
  if (user) headers["x-shoppable-user"] = user;
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify({ query: q }) });
  return (await res.json()) as { data?: any; errors?: unknown[] };
}

describe("pnpm start", () => {
  it("first start: migrates, seeds the demo world, prints the URL and working dev credentials", async () => {
    const server = start({});
    const url = await server.url;
    const credentialsFile = join(dataDir, "dev-credentials.json");
    expect(existsSync(credentialsFile)).toBe(true);
    const credentials = JSON.parse(readFileSync(credentialsFile, "utf8"));
    expect(credentials.note).toMatch(/DEVELOPMENT ONLY/);
    expect(server.output()).toContain(credentials.publishableKey);
    expect(server.output()).toContain("GraphiQL");

    const shops = await query(
      url,
      credentials.publishableKey,
      "{ shops(first: 100) { totalCount } products(first: 1) { totalCount } }",
    );
    expect(shops.data.shops.totalCount).toBeGreaterThanOrEqual(20);
    expect(shops.data.products.totalCount).toBeGreaterThan(1500);
    const merchant = await query(
      url,
      credentials.secretKey,
      "{ viewer { roles shops { handle } } }",
      credentials.users.merchant.token,
    );
    expect(merchant.data.viewer.roles).toContain("MERCHANT");
    expect(merchant.data.viewer.shops.length).toBeGreaterThan(0);

    expect(await stop(server.child)).toBe(0);
  });

  it("restarts on the same data without seeding again and keeps the keys", async () => {
    const before = JSON.parse(readFileSync(join(dataDir, "dev-credentials.json"), "utf8"));
    const server = start({});
    const url = await server.url;
    expect(server.output()).not.toContain("seeding");
    expect(server.output()).toContain(before.publishableKey);
    const res = await query(url, before.publishableKey, "{ shops(first: 1) { totalCount } }");
    expect(res.data.shops.totalCount).toBe(20);
    expect(await stop(server.child)).toBe(0);
  });

  it("in production prints no credentials and serves no GraphiQL", async () => {
    const server = start({ NODE_ENV: "production", LOG_LEVEL: "info" });
    const url = await server.url;
    expect(server.output()).not.toContain("shp_");
    const page = await fetch(url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("GraphiQL");
    expect(await stop(server.child)).toBe(0);
  });
});
