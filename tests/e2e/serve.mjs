// A tiny static server for the built app, on loopback only, for the
// end-to-end tests and the benchmark. Usage: node serve.mjs DIR PORT [PREFIX]
// With a PREFIX (`/team/marketplan/`) the app is served only under it, as
// from a shared host's sub-path.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const root = resolve(process.argv[2] ?? "../../dist");
const port = Number(process.argv[3] ?? 4173);
const prefix = process.argv[4] ?? "/";
const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".json": "application/json",
};

createServer(async (req, res) => {
  const full = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (!full.startsWith(prefix)) {
    res.writeHead(404).end("not found");
    return;
  }
  const path = "/" + full.slice(prefix.length);
  const file = normalize(join(root, path === "/" ? "index.html" : path));
  if (!file.startsWith(root)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
}).listen(port, "127.0.0.1", () => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
