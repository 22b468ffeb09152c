import pino from "pino";

/** JSON logs; tokens, keys and emails are never written. */
export function createLogger(level: string) {
  return pino({
    level,
    base: undefined,
    redact: {
      paths: ["*.authorization", "*.headers.authorization", '*.headers["x-shoppable-key"]', '*.headers["x-shoppable-user"]', "*.email", "*.token"],
      censor: "[redacted]",
    },
  });
}
