/**
 * The HTTP entry to the protections (HTTP POST and GET, and SSE, which is HTTP too): request
 * size before anything is read, parameters in a URL or a form parsed as bad input when they
 * are not JSON, then the caller's authentication and the admission of the parameters
 * (params.ts), which the WebSocket runs in its own entry (websocket.ts).
 */
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Logger } from "pino";
import type { Caller } from "../auth.ts";
import { clientAddress } from "../client-address.ts";
import type { Admission, RawParams } from "./params.ts";

/**
 * A refusal before the body is read. `close`: the connection closes after it, unread body and
 * all; otherwise Node.js reads the rest of the body into nothing and keeps the connection, so
 * the client, still sending, surely receives the answer (a socket closed on unread data resets
 * the connection, and the client may lose the response).
 */
function refusal(
  fetchAPI: { Response: typeof Response },
  status: number,
  code: string,
  message: string,
  close: boolean,
): Response {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (close) headers.connection = "close";
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers,
  });
}

/** Refused bodies up to this many times the limit are read into nothing (see `refusal`); larger ones close the connection. */
const DRAINED_MULTIPLE = 8;

/**
 * Bodies over `maxBytes` are refused with 413 from their Content-Length before any byte is
 * parsed; a chunked body, whose size is not declared, with 411; a GET whose URL (which carries
 * its parameters) is longer, with 414. All with PAYLOAD_TOO_LARGE or LENGTH_REQUIRED.
 */
export function useRequestSizeLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === "GET") {
        const length = Buffer.byteLength(request.url);
        if (length > maxBytes)
          endResponse(
            refusal(
              fetchAPI,
              414,
              "PAYLOAD_TOO_LARGE",
              `The request URL is ${length} bytes; the limit is ${maxBytes}.`,
              false,
            ),
          );
        return;
      }
      const declared = request.headers.get("content-length");
      // A chunked body declares no length and could only be measured by reading it: refused.
      if (declared === null && /chunked/i.test(request.headers.get("transfer-encoding") ?? "")) {
        endResponse(
          refusal(fetchAPI, 411, "LENGTH_REQUIRED", "Send the body with a Content-Length header.", true),
        );
        return;
      }
      const length = Number(declared ?? 0);
      if (length > maxBytes) {
        const message = `The request body is ${length} bytes; the limit is ${maxBytes}.`;
        endResponse(
          refusal(fetchAPI, 413, "PAYLOAD_TOO_LARGE", message, !(length <= maxBytes * DRAINED_MULTIPLE)),
        );
      }
    },
  };
}

/** `variables` and `extensions` of URL-encoded parameters, which must be JSON text. */
function paramsOfSearch(search: URLSearchParams): RawParams {
  const json = (name: string) => {
    const text = search.get(name);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new GraphQLError(`"${name}" is not valid JSON.`, {
        extensions: { code: "BAD_REQUEST", http: { status: 400 } },
      });
    }
  };
  return {
    query: search.get("query") || undefined,
    operationName: search.get("operationName") || undefined,
    variables: json("variables"),
    extensions: json("extensions"),
  };
}

/**
 * GET requests and URL-encoded forms carry `variables` and `extensions` as JSON text: text that
 * is not JSON is the client's mistake (400 BAD_REQUEST naming the parameter), not a server error.
 */
export const useUrlEncodedParams: Plugin = {
  onRequestParse({ request, setRequestParser }) {
    if (request.method === "GET") {
      setRequestParser((req) => paramsOfSearch(new URL(req.url).searchParams) as never);
    } else if (/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "")) {
      setRequestParser(async (req) => paramsOfSearch(new URLSearchParams(await req.text())) as never);
    }
  },
};

/** What the HTTP entry leaves on the request's context for the context factory. */
export interface AdmittedRequest {
  caller?: Caller;
  clientAddress?: string | null;
  req?: { socket?: { remoteAddress?: string } };
}

/**
 * Authenticates the caller (401 UNAUTHENTICATED), then admits the parameters (params.ts); the
 * caller and the client address go on the context, where the context factory finds them.
 */
export function useHttpAdmission(options: {
  authenticate: (headers: Headers) => Promise<Caller>;
  admit: Admission;
  trustProxy: boolean;
}): Plugin {
  const { authenticate, admit, trustProxy } = options;
  return {
    async onParams({ params, request, setParams, context }) {
      const admitted = context as AdmittedRequest;
      admitted.caller = await authenticate(request.headers);
      admitted.clientAddress = clientAddress(
        request.headers,
        admitted.req?.socket?.remoteAddress,
        trustProxy,
      );
      setParams(admit(params as RawParams, admitted.caller.key));
    },
  };
}

/** What Node.js's HTTP parser refuses before Yoga sees a request, by its error code. */
const PARSER_REFUSALS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    "Request Header Fields Too Large",
    "The request's URL and headers are larger than the server accepts.",
  ],
  HPE_URI_TOO_LONG: [414, "URI Too Long", "The request URL is longer than the server accepts."],
  ERR_HTTP_REQUEST_TIMEOUT: [408, "Request Timeout", "The request was not received in time."],
};

/**
 * Answers a request Node.js's HTTP parser refused (headers over its limit, a malformed request
 * line) with a status and a JSON error, logged at debug: the client's mistake, not the server's.
 * Unlike Node.js's default, the socket is not destroyed at once: the rest of what the client
 * sends is read into nothing for a moment, so that it receives the answer instead of a reset.
 */
export function answerClientErrors(server: Server, logger: Logger) {
  const answered = new WeakSet<Socket>();
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    // The parser reports again on what follows: the answer is on its way already.
    if (answered.has(socket)) return;
    logger.debug({ err: error.message, code: error.code }, "malformed HTTP request");
    // As Node.js does: no answer while a response on this (kept-alive) connection is under way.
    const current = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || current?.headersSent) return socket.destroy();
    answered.add(socket);
    const [status, reason, message] = PARSER_REFUSALS[error.code ?? ""] ?? [
      400,
      "Bad Request",
      "The request is not valid HTTP.",
    ];
    const body = JSON.stringify({ errors: [{ message, extensions: { code: "BAD_REQUEST" } }] });
    socket.on("data", () => undefined);
    socket.on("error", () => undefined);
    socket.setTimeout(5_000, () => socket.destroy());
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
