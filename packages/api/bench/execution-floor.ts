/**
 * What graphql-js alone needs for one answer: the products page's document executed against
 * the API's own schema (schema.graphql, built with graphql-js's default resolvers) over the data
 * of a real answer held in memory, then serialised — no database, Prisma, Pothos, auth, limits
 * or HTTP. The API cannot answer that document for less CPU than this; requests.ts prints it
 * beside the products page's own figure.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, execute, parse, validate } from "graphql";
import { repoRoot } from "../src/config.ts";

export interface ExecutionFloor {
  /** CPU ms of one execute() + JSON.stringify of the whole answer. */
  executeAndSerializeCpuMs: number;
  /** CPU ms of the JSON.stringify alone. */
  serializeCpuMs: number;
  /** Values in the answer graphql-js completes (objects, lists and leaves). */
  completedValues: number;
  bytes: number;
}

/** Counts the values of a GraphQL answer (each object, list and leaf). */
function countValues(value: unknown): number {
  if (Array.isArray(value)) return 1 + value.reduce((sum: number, v) => sum + countValues(v), 0);
  if (value !== null && typeof value === "object")
    return 1 + Object.values(value).reduce((sum: number, v) => sum + countValues(v), 0);
  return 1;
}

/** Runs `work` until `seconds` of this process's CPU have passed; CPU ms per call. */
function cpuMsPerCall(work: () => unknown, seconds: number): number {
  const started = process.cpuUsage();
  const budget = seconds * 1e6;
  let calls = 0;
  let used = 0;
  while (used < budget) {
    for (let i = 0; i < 50; i++) work();
    calls += 50;
    const spent = process.cpuUsage(started);
    used = spent.user + spent.system;
  }
  return used / 1000 / calls;
}

/** Measures `query` with `variableValues` executed over `data` (a real answer to it) by graphql-js alone. */
export function executionFloor(
  query: string,
  variableValues: Record<string, unknown>,
  data: Record<string, unknown>,
  seconds: number,
): ExecutionFloor {
  const schema = buildSchema(readFileSync(join(repoRoot, "packages", "schema", "schema.graphql"), "utf8"));
  const document = parse(query);
  const problems = validate(schema, document);
  if (problems.length) throw new Error(`the document does not validate: ${problems[0]?.message}`);
  const expected = JSON.stringify(data);
  const once = () => JSON.stringify(execute({ schema, document, rootValue: data, variableValues }));
  const answer = JSON.parse(once()) as { data?: unknown; errors?: unknown };
  if (answer.errors || JSON.stringify(answer.data) !== expected)
    throw new Error("graphql-js alone did not reproduce the API's answer");
  cpuMsPerCall(once, Math.min(2, seconds / 3)); // warm-up: optimised code, settled heap
  return {
    executeAndSerializeCpuMs: Math.round(cpuMsPerCall(once, seconds) * 1000) / 1000,
    serializeCpuMs: Math.round(cpuMsPerCall(() => JSON.stringify(data), seconds / 2) * 1000) / 1000,
    completedValues: countValues(data),
    bytes: Buffer.byteLength(expected),
  };
}

export interface StatementCost {
  statements: number;
  /** CPU ms of this process (Prisma's client, its query compiler and the pg driver) per statement. */
  clientCpuMs: number;
  /** CPU ms of PostgreSQL per statement. */
  databaseCpuMs: number;
}

/**
 * What one statement through Prisma costs: `connections` loops each reading one product by
 * handle (the primary statement of a product page) for `seconds`, measured in this process and
 * in PostgreSQL (`databaseCpuMs()`, cumulative). A request that needs n statements cannot cost
 * less than n times this.
 */
export async function statementCost(
  prisma: { product: { findUnique(args: object): Promise<unknown> } },
  handles: string[],
  connections: number,
  seconds: number,
  databaseCpuMs: () => number,
): Promise<StatementCost> {
  let next = 0;
  const loop = async (until: number) => {
    let count = 0;
    while (performance.now() < until) {
      const found = await prisma.product.findUnique({
        where: { handle: handles[next++ % handles.length] },
        select: { id: true, title: true, handle: true, status: true, shopId: true },
      });
      if (!found) throw new Error("a seeded product was not found");
      count++;
    }
    return count;
  };
  const run = async (s: number) => {
    const until = performance.now() + s * 1000;
    const counts = await Promise.all(Array.from({ length: connections }, () => loop(until)));
    return counts.reduce((a, b) => a + b, 0);
  };
  await run(Math.min(2, seconds / 3));
  const cpu = process.cpuUsage();
  const database = databaseCpuMs();
  const statements = await run(seconds);
  const used = process.cpuUsage(cpu);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return {
    statements,
    clientCpuMs: round((used.user + used.system) / 1000 / statements),
    databaseCpuMs: round((databaseCpuMs() - database) / statements),
  };
}
