// Sizes of a release build: the main module (what a first visit downloads
// before the app works: wasm + JS + CSS) and each lazily loaded module
// (src/lazy: `<stem>.js` + `<stem>_bg.wasm`, fetched on first use), each
// raw, gzip -9 and brotli -11. Deterministic: the same dist/ gives the same
// figures. Used by the size gate (size-gate.mjs) and the benchmark.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

/** The worker-side scripts that are not part of any module's payload. */
const SHARED_LAZY = ["lazy-worker.js"];

function measureFile(path) {
  const body = readFileSync(path);
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const add = (a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });
const zero = () => ({ raw: 0, gzip: 0, brotli: 0 });

export function measure(dist) {
  const files = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f));
  // The main module is what index.html loads (its links, its init script)
  // plus the service worker it registers; everything else is fetched later.
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const referenced = new Set([...html.matchAll(/["'](?:\.?\/)?([\w.-]+\.(?:js|wasm|css))["']/g)].map((m) => m[1]));
  referenced.add("sw.js");
  // What those scripts import statically loads at start too (the split
  // screens' loader, __wasm_split.js, imported by the main JS).
  for (const name of [...referenced].filter((f) => f.endsWith(".js") && existsSync(join(dist, f)))) {
    const js = readFileSync(join(dist, name), "utf8");
    for (const m of js.matchAll(/^import[^"'\n]*["']\.\/([\w.-]+\.js)["']/gm)) referenced.add(m[1]);
  }
  // The app fetches its language's texts before it draws (src/i18n/texts.rs):
  // the larger catalogue counts as part of the start.
  const catalogues = readdirSync(dist).filter((f) => /^catalogue-.*\.json$/.test(f));
  const largest = catalogues.sort((a, b) => measureFile(join(dist, b)).gzip - measureFile(join(dist, a)).gzip)[0];
  if (largest) files.push(largest);
  if (largest) referenced.add(largest);
  const main = { total: zero(), files: [] };
  const lazy = {};
  for (const name of files.sort()) {
    const size = measureFile(join(dist, name));
    if (referenced.has(name)) {
      main.total = add(main.total, size);
      main.files.push({ name, ...size });
      continue;
    }
    // A lazy module: `<stem>.js` and `<stem>_bg.wasm`; the shared loader alone.
    const stem = SHARED_LAZY.includes(name) ? "loader" : name.replace(/(_bg)?\.(wasm|js|css)$/, "");
    lazy[stem] ??= { total: zero(), files: [] };
    lazy[stem].total = add(lazy[stem].total, size);
    lazy[stem].files.push({ name, ...size });
  }
  return { main, lazy };
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

export function report({ main, lazy }) {
  const row = (label, s) => `  ${label.padEnd(34)} ${kb(s.raw).padStart(10)} ${kb(s.gzip).padStart(10)} ${kb(s.brotli).padStart(10)}`;
  const lines = [`  ${"".padEnd(34)} ${"raw".padStart(10)} ${"gzip -9".padStart(10)} ${"brotli".padStart(10)}`];
  lines.push("  main module (loaded at start):");
  for (const f of main.files) lines.push(row(`  ${f.name.replace(/-[0-9a-f]{8,}/, "")}`, f));
  lines.push(row("  total", main.total));
  for (const [stem, m] of Object.entries(lazy)) {
    lines.push(`  lazy: ${stem} (loaded on first use):`);
    for (const f of m.files) lines.push(row(`  ${f.name}`, f));
  }
  return lines.join("\n");
}
