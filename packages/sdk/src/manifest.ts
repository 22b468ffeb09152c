import { type AnyDocument, documentText } from "./client.ts";
import { documentHash } from "./documents.ts";

/**
 * The persisted-operations manifest of an app's own documents, `{ "<sha256 hex>": "<text>" }`:
 * write it to a JSON file and list that file in the API's `PERSISTED_OPERATIONS_FILE` (comma
 * separated, beside other apps' manifests); the SDK's own operations are registered already.
 * A client with `persistedOperations: true` then sends these documents by hash. Each is hashed
 * exactly as the client sends it: pass the same documents (and the same `print`, for parsed
 * documents without source text) the app passes to `request` and `subscribe`.
 *
 * ```ts
 * import { writeFileSync } from "node:fs";
 * writeFileSync("operations.json", JSON.stringify(await persistedOperationsManifest([MyQuery, MyMutation]), null, 2));
 * ```
 */
export async function persistedOperationsManifest(
  documents: readonly AnyDocument[],
  options: { print?: (document: any) => string } = {},
): Promise<Record<string, string>> {
  const manifest: Record<string, string> = {};
  for (const document of documents) {
    const text = documentText(document, options.print);
    manifest[await documentHash(text)] = text;
  }
  return manifest;
}
