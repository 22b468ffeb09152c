// The package scripts as users run them: db:migrate on an embedded data dir.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { runScript } from "../src/testing.ts";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "shoppable-scripts-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const script = (name: string, args: string[] = []) => runScript(packageDir, dataDir, name, args);

describe("scripts", () => {
  it("db:migrate applies every migration once, then has nothing to do", async () => {
    const first = await script("migrate");
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const second = await script("migrate");
    expect(second.stdout).not.toMatch(/Applied \d+ migration/);
  });
});
