/**
 * shoppable-integrator: import a product catalog from CSV into a shop, export a shop's orders
 * to CSV. Exit codes: 0 done; 1 done, but some rows failed; 2 nothing could be done (bad
 * options or file, no credentials, unknown shop, refused key, API unreachable).
 */
import { createReadStream, createWriteStream, realpathSync } from "node:fs";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { SingleBar } from "cli-progress";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  createShoppableClient,
  ShoppableError,
  type OrderStatus,
  type ShoppableClient,
} from "@shoppable/sdk";
import { CatalogFileError, planProducts, readCatalogCsv, type RowError } from "./catalog-csv.ts";
import { CredentialsError, resolveCredentials } from "./credentials.ts";
import { exportOrders } from "./export-orders.ts";
import { importProducts, ShopNotFoundError, type ImportReport } from "./import-catalog.ts";

export const EXIT = { ok: 0, rowsFailed: 1, failed: 2 } as const;

/** Where the CLI reads and writes; tests pass their own. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Makes the client (tests may wrap it); default `createShoppableClient`. */
  client?: (options: { url: string; apiKey: string; userToken: string | undefined }) => ShoppableClient;
}

const ORDER_STATUSES: OrderStatus[] = [
  "PENDING",
  "PAID",
  "FULFILLED",
  "CANCELLED",
  "PARTIALLY_REFUNDED",
  "REFUNDED",
];

function positiveInt(max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max)
      throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
    return n;
  };
}

function instant(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime()))
    throw new InvalidArgumentError("an ISO 8601 date or time, such as 2026-01-31 or 2026-01-31T12:00:00Z");
  return date;
}

function statusList(value: string): OrderStatus[] {
  const statuses = value
    .split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const bad = statuses.filter((s) => !ORDER_STATUSES.includes(s as OrderStatus));
  if (bad.length || !statuses.length)
    throw new InvalidArgumentError(`comma-separated, of ${ORDER_STATUSES.join(", ")}`);
  return statuses as OrderStatus[];
}

export const DEFAULT_API_URL = "http://localhost:4000/graphql";

interface ConnectionOptions {
  apiUrl?: string;
  apiKey?: string;
  userToken?: string;
  devCredentials?: string;
  quiet?: boolean;
}
type ShopOptions = ConnectionOptions & { shop: string };

/** The options every command takes: where the API is, who calls, and (but for `shops`) which shop. */
function withConnection(command: Command, { shop = true } = {}): Command {
  command
    .option("--api-url <url>", `the GraphQL endpoint (env SHOPPABLE_API_URL, default ${DEFAULT_API_URL})`)
    .option("--api-key <key>", "a secret API key, shp_sk_… (env SHOPPABLE_SECRET_KEY)")
    .option(
      "--user-token <jwt>",
      "act as this user, a merchant of the shop (env SHOPPABLE_USER_TOKEN); without one the key acts as the platform",
    )
    .option(
      "--dev-credentials <file>",
      "development only: credentials file to use when no key is given (default: .data/dev-credentials.json in this or a parent folder)",
    );
  if (shop) command.requiredOption("--shop <handle>", "the shop's handle");
  return command.option("-q, --quiet", "no progress bar or messages on stderr");
}

/** Builds the program; `exitCode` receives the outcome of the command that ran. */
export function createProgram(io: CliIo, exitCode: { value: number }): Command {
  const program = new Command("shoppable-integrator")
    .description("Import a product catalog from CSV into a Shoppable shop; export a shop's orders to CSV.")
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError();

  const log = (options: { quiet?: boolean }, message: string) => {
    if (!options.quiet) io.stderr.write(`${message}\n`);
  };
  const connect = (options: ConnectionOptions) => {
    const credentials = resolveCredentials(options, io.env, io.cwd);
    if (!["options", "environment"].includes(credentials.source))
      log(
        options,
        `Using DEVELOPMENT credentials from ${credentials.source} (the demo merchant); pass --api-key in real use.`,
      );
    const make = io.client ?? ((o) => createShoppableClient(o));
    return make({
      url: options.apiUrl ?? (io.env.SHOPPABLE_API_URL || DEFAULT_API_URL),
      apiKey: credentials.apiKey,
      userToken: credentials.userToken,
    });
  };

  withConnection(
    program
      .command("import")
      .description(
        "Create or update the shop's products from a catalog CSV (one row per variant, grouped by handle).",
      )
      .argument("<file>", "the catalog CSV"),
  )
    .addOption(
      new Option("--concurrency <n>", "products written at once").argParser(positiveInt(16)).default(4),
    )
    .option("--dry-run", "validate and look products up, write nothing")
    .option("--json", "print the report as JSON instead of text")
    .action(
      async (
        file: string,
        options: ShopOptions & { concurrency: number; dryRun?: boolean; json?: boolean },
      ) => {
        const client = connect(options);
        const { rows, errors: fileErrors } = await readCatalogCsv(createReadStream(file));
        const { products, errors: planErrors } = planProducts(rows);
        const invalid = [...fileErrors, ...planErrors];
        const total = rows.length + fileErrors.length;
        const bar =
          !options.quiet && !options.json && io.stderr.isTTY
            ? new SingleBar({
                stream: io.stderr,
                format: "Importing [{bar}] {value}/{total} rows | {eta_formatted} left",
                hideCursor: true,
              })
            : undefined;
        bar?.start(total, invalid.length);
        let report: ImportReport;
        try {
          report = await importProducts(client, products, {
            shop: options.shop,
            concurrency: options.concurrency,
            dryRun: options.dryRun ?? false,
            onProgress: (done) => bar?.update(invalid.length + done),
          });
        } finally {
          bar?.stop();
        }
        const failed = [...invalid, ...report.failed].sort((a, b) => a.line - b.line);
        const summary = {
          dryRun: options.dryRun ?? false,
          rows: total,
          created: report.created,
          updated: report.updated,
          importedRows: report.importedRows,
          failed,
        };
        if (options.json) io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
        else io.stdout.write(formatSummary(summary));
        exitCode.value = failed.length ? EXIT.rowsFailed : EXIT.ok;
      },
    );

  withConnection(
    program
      .command("export-orders")
      .description("Write the shop's orders as CSV, one row per order line, newest first."),
  )
    .option("-o, --out <file>", "write to this file instead of stdout")
    .addOption(
      new Option(
        "--status <list>",
        `only these statuses (comma-separated: ${ORDER_STATUSES.join(",")})`,
      ).argParser(statusList),
    )
    .addOption(
      new Option(
        "--since <when>",
        "only orders created after this instant (exclusive; a date alone is midnight UTC)",
      ).argParser(instant),
    )
    .addOption(
      new Option("--until <when>", "only orders created before this instant (exclusive)").argParser(instant),
    )
    .addOption(new Option("--page-size <n>", "orders per request").argParser(positiveInt(100)).default(50))
    .action(
      async (
        options: ShopOptions & {
          out?: string;
          status?: OrderStatus[];
          since?: Date;
          until?: Date;
          pageSize: number;
        },
      ) => {
        const client = connect(options);
        // The file is created once the first page has answered (a refused export leaves none).
        const file = options.out;
        const out = file ? () => createWriteStream(file) : io.stdout;
        const result = await exportOrders(client, out, {
          shop: options.shop,
          pageSize: options.pageSize,
          ...(options.status ? { status: options.status } : {}),
          ...(options.since ? { createdAfter: options.since } : {}),
          ...(options.until ? { createdBefore: options.until } : {}),
        });
        log(
          options,
          `Exported ${result.orders} orders (${result.rows} lines)${options.out ? ` to ${options.out}` : ""}.`,
        );
        exitCode.value = EXIT.ok;
      },
    );

  withConnection(
    program
      .command("shops")
      .description(
        "List the shops the user token's merchant manages: handle, name, currency (a key alone lists none).",
      ),
    { shop: false },
  ).action(async (options: ConnectionOptions) => {
    const { shops } = await connect(options).viewer({
      ordersFirst: 0,
      cartsFirst: 0,
      affiliateLinksFirst: 0,
    });
    for (const shop of shops) io.stdout.write(`${shop.handle}\t${shop.name}\t${shop.currencyCode}\n`);
    if (!shops.length) log(options, "No shops: pass the --user-token of a merchant.");
  });

  return program;
}

function formatSummary(s: {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  importedRows: number;
  failed: RowError[];
}): string {
  const lines = [
    `${s.dryRun ? "Dry run (nothing written): would import" : "Imported"} ${s.importedRows} of ${s.rows} rows.`,
    `  created: ${s.created} products`,
    `  updated: ${s.updated} products`,
    `  failed:  ${s.failed.length} rows`,
    ...s.failed.map((e) => `    line ${e.line}${e.handle ? ` (${e.handle})` : ""}: ${e.reason}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** Runs the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const exitCode = { value: EXIT.ok as number };
  const program = createProgram(io, exitCode);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode.value;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.failed;
    const expected = [CatalogFileError, CredentialsError, ShopNotFoundError, ShoppableError].some(
      (type) => error instanceof type,
    );
    const fsError =
      (error as NodeJS.ErrnoException).code?.startsWith("E") && (error as NodeJS.ErrnoException).syscall;
    io.stderr.write(
      `error: ${expected || fsError ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`,
    );
    return EXIT.failed;
  }
}

const invokedDirectly =
  process.argv[1] !== undefined &&
  realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
if (invokedDirectly) {
  run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
  }).then((code) => {
    process.exitCode = code;
  });
}
