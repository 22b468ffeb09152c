/**
 * The text of the SDK's own operations, as the client sends them and as the persisted-operations
 * manifest (`@shoppable/sdk/persisted-operations.json`) registers them: the two must agree to the
 * byte, since a persisted operation is named by the sha256 of its text.
 */
import type { operationTable } from "./generated/operations.ts";

type Kind = (typeof operationTable)[keyof typeof operationTable][1];

/**
 * An SDK operation followed by the fragments it spreads, transitively, each once (the
 * generator stores each fragment once; `...on Type` inline fragments name no fragment).
 */
function withFragments(operation: string, fragments: Record<string, string | undefined>): string {
  const used = new Set<string>();
  const spreads = (text: string): void =>
    void text.replace(/\.\.\.(\w+)/g, (spread, name: string) => {
      const fragment = fragments[name];
      if (fragment && !used.has(name)) used.add(name), spreads(fragment);
      return spread;
    });
  spreads(operation);
  return operation + [...used].map((name) => fragments[name]).join("");
}

/**
 * The document of the SDK operation `field` from its entry in the operation table. An input
 * mutation (kind 3) is stored as its root field's selection only: `cartLinesAdd` and `{cart{…}}`
 * give `mutation CartLinesAdd($input:CartLinesAddInput!){cartLinesAdd(input:$input){cart{…}}}`.
 */
export function operationDocument(
  field: string,
  [operation, kind]: readonly [string, Kind],
  fragments: Record<string, string | undefined>,
): string {
  const name = field.charAt(0).toUpperCase() + field.slice(1);
  return withFragments(
    kind === 3 ? `mutation ${name}($input:${name}Input!){${field}(input:$input)${operation}}` : operation,
    fragments,
  );
}

/** The hex sha256 of a document's text, as `extensions.persistedQuery.sha256Hash` names it (Web Crypto). */
export async function documentHash(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
