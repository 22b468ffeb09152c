// The package scripts as users run them: db:migrate on an embedded data dir.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

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
  it("db:migrate applies every migration once, then has nothing to do", async () => {
    const first = await script("migrate");
    expect(first.stdout).toMatch(/Applied \d+ migration/);
    const second = await script("migrate");
    expect(second.stdout).not.toMatch(/Applied \d+ migration/);
  });
});
