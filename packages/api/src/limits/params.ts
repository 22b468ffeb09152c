/**
 * The admission of an operation's parameters, the same for every transport (HTTP POST and GET,
 * SSE, WebSocket): after the caller authenticated and before the document is parsed. It checks
 * the parameters' shapes (BAD_REQUEST), refuses the NUL character (BAD_USER_INPUT), and with
 * PERSISTED_OPERATIONS_FILE resolves `extensions.persistedQuery.sha256Hash` to its registered
 * document: publishable keys may run registered operations only (PERSISTED_QUERY_REQUIRED; an
 * unknown hash PERSISTED_QUERY_NOT_FOUND), secret keys anything.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { CallerKey } from "@shoppable/schema";
import { GraphQLError } from "graphql";

/** Operation parameters as a client sent them: nothing is known about their types. */
export interface RawParams {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

/** Parameters that passed admission: the document to run (registered ones resolved). */
export interface AdmittedParams {
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  extensions?: Record<string, unknown>;
}

/** Admits `params` for a caller with `key`, or throws a GraphQLError with a code and HTTP status. */
export type Admission = (params: RawParams, key: CallerKey) => AdmittedParams;

/**
 * Reads persisted-operations manifests, `{ "<sha256 hex of the document>": "<document>" }` each,
 * into one map. Fails at start-up, naming the file, on anything else: unreadable JSON, a key that
 * is not the sha256 of its document (clients send the hash of the exact text they would send).
 */
export function readPersistedOperations(files: readonly string[]): Map<string, string> {
  const operations = new Map<string, string>();
  for (const file of files) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new Error(`PERSISTED_OPERATIONS_FILE: ${file}: ${(error as Error).message}`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed))
      throw new Error(`PERSISTED_OPERATIONS_FILE: ${file}: expected an object of sha256 hash → document`);
    for (const [hash, doc] of Object.entries(parsed)) {
      if (typeof doc !== "string" || createHash("sha256").update(doc).digest("hex") !== hash)
        throw new Error(
          `PERSISTED_OPERATIONS_FILE: ${file}: "${hash.slice(0, 80)}" is not the sha256 (hex) of its document`,
        );
      operations.set(hash, doc);
    }
  }
  return operations;
}

function refused(message: string, code: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return kindOf(value) === "object";
}

/** Whether a string anywhere in `value` (keys included) holds U+0000; iterative, so any depth is fine. */
function containsNul(value: unknown): boolean {
  const pending = [value];
  while (pending.length) {
    const next = pending.pop();
    if (typeof next === "string") {
      if (next.includes("\u0000")) return true;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next && typeof next === "object") {
      for (const [key, child] of Object.entries(next)) pending.push(key, child);
    }
  }
  return false;
}

/** The shapes GraphQL over HTTP and graphql-ws both require; anything else is a BAD_REQUEST. */
function checkShapes(params: RawParams) {
  if (!isObject(params))
    throw refused(
      `Expected the operation's parameters to be an object, but got ${kindOf(params)}.`,
      "BAD_REQUEST",
    );
  const { query, variables, operationName, extensions } = params;
  if (query != null && typeof query !== "string")
    throw refused(`Expected "query" to be a string, but got ${kindOf(query)}.`, "BAD_REQUEST");
  if (variables != null && !isObject(variables))
    throw refused(`Expected "variables" to be an object, but got ${kindOf(variables)}.`, "BAD_REQUEST");
  if (operationName != null && typeof operationName !== "string")
    throw refused(
      `Expected "operationName" to be a string, but got ${kindOf(operationName)}.`,
      "BAD_REQUEST",
    );
  if (extensions != null && !isObject(extensions))
    throw refused(`Expected "extensions" to be an object, but got ${kindOf(extensions)}.`, "BAD_REQUEST");
}

/** The hash of the Apollo persisted-query protocol: `extensions.persistedQuery { version: 1, sha256Hash }`. */
function persistedHash(extensions: Record<string, unknown> | undefined): string | null {
  const persisted = extensions?.persistedQuery;
  if (!isObject(persisted) || persisted.version !== 1 || typeof persisted.sha256Hash !== "string")
    return null;
  return persisted.sha256Hash;
}

/**
 * The admission for this configuration. `persisted`: the registered operations by hash, when
 * PERSISTED_OPERATIONS_FILE is set.
 */
export function createAdmission(persisted: Map<string, string> | null): Admission {
  return (params, key) => {
    checkShapes(params);
    // PostgreSQL text cannot hold U+0000: refused up front instead of failing deep inside a write.
    const query = params.query as string | null | undefined;
    if (containsNul(params.variables) || containsNul(query) || /\\u0000/i.test(query ?? "")) {
      throw refused("Strings may not contain the NUL character (U+0000).", "BAD_USER_INPUT");
    }
    const admitted = {
      variables: (params.variables ?? undefined) as Record<string, unknown> | undefined,
      operationName: (params.operationName ?? undefined) as string | undefined,
      extensions: (params.extensions ?? undefined) as Record<string, unknown> | undefined,
    };
    // An empty query is no query (graphql-ws requires the field: persisted operations send "").
    if (persisted && !(query && key.kind === "SECRET")) {
      if (query)
        throw refused(
          "Publishable keys may run registered operations only: send extensions.persistedQuery.sha256Hash instead of a query.",
          "PERSISTED_QUERY_REQUIRED",
        );
      const hash = persistedHash(admitted.extensions);
      if (hash === null)
        throw refused(
          "Send extensions.persistedQuery.sha256Hash of a registered operation.",
          "PERSISTED_QUERY_REQUIRED",
        );
      const document = persisted.get(hash);
      if (document === undefined)
        throw refused("No persisted operation has this hash.", "PERSISTED_QUERY_NOT_FOUND");
      return { query: document, ...admitted };
    }
    if (!query) throw refused("Must provide query string.", "BAD_REQUEST");
    return { query, ...admitted };
  };
}
