// The package scripts as users run them: keys:create on an embedded data dir (it migrates it first).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@shoppable/db";
import { runScript } from "@shoppable/db/testing";
import { findApiKey } from "../src/identity/service.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "shoppable-scripts-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const script = (name: string, args: string[] = []) => runScript(packageDir, dataDir, name, args);

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
