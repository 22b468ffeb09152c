export { createServer, type ShoppableServer, type ServerOptions } from "./server.ts";
export { loadConfig, type Config } from "./config.ts";
export { createLogger } from "./logger.ts";
