import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { loadConfig } from "./config.ts";
import { Router } from "./router.tsx";
import { ShoppableProvider } from "./shoppable.tsx";
import "./styles.css";
import "./styles/discovery.css";
import "./styles/desktop.css";
import "./styles/account.css";

const root = createRoot(document.getElementById("root")!);

loadConfig().then(
  (config) =>
    root.render(
      <StrictMode>
        <Router>
          <ShoppableProvider config={config}>
            <App />
          </ShoppableProvider>
        </Router>
      </StrictMode>,
    ),
  (error: Error) =>
    root.render(
      <div className="boot-error">
        <h1>The storefront could not start</h1>
        <p>{error.message}</p>
        <p>It reads its API URL and publishable key from /config.json.</p>
      </div>,
    ),
);
