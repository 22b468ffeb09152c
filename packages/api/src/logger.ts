import pino from "pino";

/** JSON logs (to stdout, or `destination`); tokens, keys and emails are never written. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: undefined,
    redact: {
      paths: [
        "*.authorization",
        "*.headers.authorization",
        '*.headers["x-shoppable-key"]',
        '*.headers["x-shoppable-user"]',
        "*.email",
        "*.token",
      ],
      censor: "[redacted]",
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
