/** What the storefront reads from `GET /config.json` on its own origin before it renders. */
export interface DemoUser {
  token: string;
  label: string;
}

export interface StorefrontConfig {
  /** The API's GraphQL endpoint over HTTP. */
  apiUrl: string;
  /** The GraphQL endpoint over WebSocket; default `apiUrl` with ws:/wss:. */
  wsUrl?: string;
  /** A publishable key (`shp_pk_…`): storefronts never hold a secret key. */
  publishableKey: string;
  /** Development-only user tokens for the demo user switcher. */
  users: { buyer?: DemoUser; creator?: DemoUser };
  demo?: { liveSessionId?: string; creatorHandle?: string; shopHandle?: string; postIds?: string[] };
}

export type DemoUserKind = "anonymous" | "buyer" | "creator";

export async function loadConfig(): Promise<StorefrontConfig> {
  const response = await fetch("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`GET /config.json answered ${response.status}`);
  const config = (await response.json()) as StorefrontConfig;
  if (!config.apiUrl || !config.publishableKey)
    throw new Error("config.json needs apiUrl and publishableKey");
  return { ...config, users: config.users ?? {} };
}
