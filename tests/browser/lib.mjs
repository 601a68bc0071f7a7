// What every browser script shares: Debian's Chromium, launched the one way, and a built site
// served over HTTP from a free local port.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

/** Chromium (`CHROMIUM`, else Debian's), headless, offline; `extra` switches go before ours. */
export function launch(extra = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", ...extra, "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

const types = {
  ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".pdf": "application/pdf",
};

/**
 * Serves the folder `root` (or the one `root()` names at each request: a script may switch
 * sites), a folder's address giving its index.html; nothing outside it. `seen` hears each path
 * asked for. Resolves to the server's base URL and a way to close it.
 */
export async function serve(root, seen = () => {}) {
  const folder = typeof root === "function" ? root : () => root;
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    seen(url);
    const dir = folder();
    const file = path.join(dir, url.endsWith("/") ? url + "index.html" : url);
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
