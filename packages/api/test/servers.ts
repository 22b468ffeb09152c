/**
 * Private database and Redis servers for tests that stop, restart and cut them (failover):
 * a PostgreSQL cluster of its own (initdb into a temporary folder, a free port) and a
 * redis-server of its own, so the shared servers other test files use are never touched.
 * Both need the binaries of the machine's PostgreSQL and Redis (CI installs them).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import pg from "pg";

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The directory of PostgreSQL's server binaries (initdb, pg_ctl), or null without them. */
export function postgresBinDir(): string | null {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    return existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")) ? dir : null;
  } catch {
    return null;
  }
}

export function redisServerBinary(): string | null {
  const found = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.trim() : null;
}

export interface PrivatePostgres {
  port: number;
  /** A connection URL for `database`. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  /** Ends every connection to `database` but the caller's (pg_terminate_backend); returns how many. */
  terminate(database: string): Promise<number>;
  stop(): void;
  start(): void;
  close(): void;
}

/** Whether every folder from / down to `path` lets other users through (the x bit for others). */
function reachableByOthers(path: string): boolean {
  let current = resolve(path);
  for (;;) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** Starts a PostgreSQL cluster of its own. As root, its processes run as the `postgres` user (PostgreSQL refuses root). */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error("PostgreSQL's server binaries (pg_config --bindir: initdb, pg_ctl) are not installed");
  const asRoot = process.getuid?.() === 0;
  // As root the cluster belongs to `postgres`, which must reach its folder: a TMPDIR private to
  // root (mode 0700, as mktemp -d makes it) would lock it out, so the folder goes under /tmp then.
  const dir = mkdtempSync(join(asRoot && !reachableByOthers(tmpdir()) ? "/tmp" : tmpdir(), "shoppable-pg-"));
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
      Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
    );
  const run = (tool: string, args: string[]) => {
    const command = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]]
      : [join(bin, tool), args];
    execFileSync(command[0] as string, command[1] as string[], { stdio: "pipe", cwd: dir });
  };
  const port = await freePort();
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  const start = () => run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "log"), "-w", "start"]);
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
  start();
  const url = (database: string) => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const admin = async <T>(fn: (client: pg.Client) => Promise<T>) => {
    const client = new pg.Client({ connectionString: url("postgres") });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    url,
    createDatabase: (name) => admin(async (c) => void (await c.query(`CREATE DATABASE ${name}`))),
    terminate: (database) =>
      admin(
        async (c) =>
          (
            await c.query(
              "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
              [database],
            )
          ).rowCount ?? 0,
      ),
    stop,
    start,
    close() {
      try {
        stop();
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface PrivateRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a redis-server of its own (in memory, no persistence) on a free port. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const binary = redisServerBinary();
  if (!binary) throw new Error("redis-server is not installed");
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const server = spawn(
      binary,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = server;
    await new Promise<void>((resolve, reject) => {
      let output = "";
      server.stdout!.on("data", (d: Buffer) => {
        output += d;
        if (output.includes("Ready to accept connections")) resolve();
      });
      server.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    });
  };
  const stop = async () => {
    const server = child;
    if (!server || server.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      server.once("exit", () => resolve());
      server.kill("SIGTERM");
    });
    child = null;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop, close: stop };
}
