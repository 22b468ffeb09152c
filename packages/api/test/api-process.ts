/**
 * The API as a process of its own (`src/main.ts`), for tests that must see it survive, or kill
 * it: failover and crash tests. Also the invariant they end on — nothing half-written.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Database } from "@shoppable/schema";
import { expect } from "vitest";
import { freePort } from "./servers.ts";

const apiDir = fileURLToPath(new URL("..", import.meta.url));

export interface ApiProcess {
  child: ChildProcessWithoutNullStreams;
  /** Its GraphQL endpoint. */
  url: string;
  /** What it printed so far (JSON log lines). */
  output(): string;
}

/** Starts the API in production mode with `env` added; resolves once it listens. */
export async function startApiProcess(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      ...env,
    },
  });
  let output = "";
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", () => output.includes('"msg":"listening"') && resolve());
    child.once("exit", (code) => reject(new Error(`the API exited (${code}):\n${output}`)));
  });
  return { child, url: `http://127.0.0.1:${port}/graphql`, output: () => output };
}

/**
 * Nothing half-written, once abandoned checkouts are released: no PENDING order, no cart in
 * checkout, no unfinished idempotency record, every paid order captured, and the variant's
 * stock equal to its inventory log and to its initial stock minus what paid orders took.
 * Returns the units paid for.
 */
export async function expectNothingHalfWritten(db: Database, initialStock: number): Promise<number> {
  expect(await db.prisma.order.count({ where: { status: "PENDING" } })).toBe(0);
  expect(await db.prisma.cart.count({ where: { status: "CHECKING_OUT" } })).toBe(0);
  expect(await db.prisma.idempotencyRecord.count({ where: { completedAt: null } })).toBe(0);
  expect(
    await db.prisma.order.count({
      where: { status: "PAID", payments: { some: { status: { not: "CAPTURED" } } } },
    }),
  ).toBe(0);
  const variant = await db.prisma.productVariant.findFirstOrThrow({
    select: { id: true, inventoryQuantity: true },
  });
  const logged = await db.prisma.inventoryAdjustment.aggregate({
    where: { variantId: variant.id },
    _sum: { delta: true },
  });
  const sold =
    (
      await db.prisma.orderLine.aggregate({
        where: { variantId: variant.id, order: { status: "PAID" } },
        _sum: { quantity: true },
      })
    )._sum.quantity ?? 0;
  expect(variant.inventoryQuantity).toBe(logged._sum.delta);
  expect(variant.inventoryQuantity).toBe(initialStock - sold);
  return sold;
}
