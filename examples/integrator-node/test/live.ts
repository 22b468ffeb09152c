/**
 * The real API for the CLI's tests: the API package's test harness (its own database, real
 * keys, signed user tokens) on a free port, a merchant with a shop, and a way to run the CLI
 * in-process with its output captured.
 */
import { PassThrough } from "node:stream";
import { createShoppableClient, type ShoppableClient } from "@shoppable/sdk";
import { startTestApi, type TestApi, type TestApiOptions } from "../../../packages/api/test/harness.ts";
import { run, type CliIo } from "../src/cli.ts";

export interface Live {
  api: TestApi;
  url: string;
  merchantToken: string;
  /** The merchant's client (secret key + merchant token). */
  merchant: ShoppableClient;
  close(): Promise<void>;
}

/** `env` and `options`: the API's configuration beyond the test defaults (a tighter rate limit, say). */
export async function startLive(
  env: Record<string, string> = {},
  options: TestApiOptions = {},
): Promise<Live> {
  const api = await startTestApi(env, options);
  const { url } = await api.server.listen(0, "127.0.0.1");
  const merchantToken = await api.token("integrator-merchant", ["MERCHANT"]);
  return {
    api,
    url,
    merchantToken,
    merchant: createShoppableClient({ url, apiKey: api.keys.secret, userToken: merchantToken }),
    close: () => api.close(),
  };
}

/** Creates a shop owned by the client's merchant; returns its id. */
export async function createShop(
  client: ShoppableClient,
  handle: string,
  currencyCode = "EUR",
): Promise<string> {
  const { shop, userErrors } = await client.shopCreate({ handle, name: handle, currencyCode });
  if (!shop) throw new Error(JSON.stringify(userErrors));
  return shop.id;
}

/** Runs the CLI in this process; resolves to its exit code and what it wrote (`tty`: stderr says it is a terminal). */
export async function runCli(
  argv: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; tty?: boolean; client?: CliIo["client"] } = {},
) {
  const capture = () => {
    const stream = new PassThrough();
    let text = "";
    stream.on("data", (chunk) => (text += chunk));
    return { stream, text: () => text };
  };
  const stdout = capture();
  const stderr = capture();
  // A terminal on stderr, as the progress bar wants one.
  if (options.tty) Object.assign(stderr.stream, { isTTY: true, columns: 100 });
  const code = await run(argv, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    ...(options.client ? { client: options.client } : {}),
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
