/**
 * `pnpm bench`: runs every benchmark, each in its own process, one after the other:
 * requests (bench/requests.ts: the cost of a request against the floor; takes `--scale bench`), checkout (bench/checkout.ts), feed
 * (bench/feed.ts, always bench scale), affiliate (bench/affiliate.ts: the creator dashboard
 * at 1M clicks) and subscriptions (bench/subscriptions.ts). `--only <name>` runs one.
 * Results go to .bench/<name>.json.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCHES = ["requests", "checkout", "feed", "affiliate", "subscriptions"] as const;
const args = process.argv.slice(2);
const onlyAt = args.indexOf("--only");
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
if (only !== undefined && !(BENCHES as readonly string[]).includes(only)) {
  console.error(`--only takes one of: ${BENCHES.join(", ")}`);
  process.exit(2);
}
const passed = onlyAt >= 0 ? args.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : args;
const here = fileURLToPath(new URL(".", import.meta.url));
let failed = false;
for (const name of BENCHES) {
  if (only && name !== only) continue;
  console.log(`\n━━ bench: ${name} ━━`);
  const run = spawnSync(process.execPath, ["--import", "tsx", join(here, `${name}.ts`), ...passed], {
    stdio: "inherit",
  });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
