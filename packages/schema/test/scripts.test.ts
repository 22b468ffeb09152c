// The package scripts as users run them: keys:create on an embedded data dir (it migrates it first).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@shoppable/db";
import { findApiKey } from "../src/identity/service.ts";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "shoppable-scripts-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function script(name: string, args: string[] = []) {
  return run(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], {
    cwd: packageDir,
    env: { ...process.env, DATABASE_URL: "", DATA_DIR: dataDir },
  });
}

describe("scripts", () => {
  it("keys:create prints a key once and stores only its hash", async () => {
    const { stdout } = await script("keys-create", ["--kind", "secret", "--name", "Partner server"]);
    const key = /shp_sk_[0-9A-Za-z]{32}/.exec(stdout)?.[0];
    expect(key).toBeDefined();
    const db = await openDatabase({ dataDir: join(dataDir, "pglite") });
    try {
      expect(await findApiKey(db.prisma, key!)).toMatchObject({ kind: "SECRET" });
      const rows = await db.prisma.apiKey.findMany();
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(key);
      expect(rows[0]!.name).toBe("Partner server");
    } finally {
      await db.close();
    }
  });

  it("keys:create refuses an unknown kind", async () => {
    await expect(script("keys-create", ["--kind", "admin"])).rejects.toMatchObject({ code: 2 });
  });
});
