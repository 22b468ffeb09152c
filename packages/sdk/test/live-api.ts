/**
 * The real API on a free port for SDK tests: the API package's test harness (its own database,
 * real keys, signed user tokens) listening on 127.0.0.1, and SDK clients pointed at it.
 */
import { startTestApi, type TestApi } from "../../api/test/harness.ts";
import { createShoppableClient, type ShoppableClient, type ShoppableClientOptions } from "../src/index.ts";

export interface LiveApi {
  api: TestApi;
  url: string;
  /** A client with the publishable key (or `secret`), optionally as a user. */
  client(
    options?: {
      key?: "publishable" | "secret";
      userToken?: ShoppableClientOptions["userToken"];
    } & Partial<ShoppableClientOptions>,
  ): ShoppableClient;
  close(): Promise<void>;
}

/** `env`: configuration of the API beyond the test defaults (PERSISTED_OPERATIONS_FILE, limits). */
export async function startLiveApi(env: Record<string, string> = {}): Promise<LiveApi> {
  const api = await startTestApi(env);
  const { url } = await api.server.listen(0, "127.0.0.1");
  return {
    api,
    url,
    client: ({ key = "publishable", ...options } = {}) =>
      createShoppableClient({ url, apiKey: api.keys[key], ...options }),
    close: () => api.close(),
  };
}
