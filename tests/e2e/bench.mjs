// Benchmark (not a test): sizes of the release build and the time from
// navigation to an interactive plan library, median of 5 loads in headless
// Chromium. Usage: node bench.mjs [DIST]   (scripts/bench.sh builds first)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dist = resolve(process.argv[2] ?? "../../dist");
const PORT = 4180;
const LOADS = 5;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sizes = { raw: 0, gzip: 0, brotli: 0 };
console.log("Release build sizes (raw / gzip -9 / brotli -11):");
for (const ext of [".wasm", ".js", ".css"]) {
  for (const name of readdirSync(dist).filter((f) => f.endsWith(ext))) {
    const body = readFileSync(join(dist, name));
    const gz = gzipSync(body, { level: 9 }).length;
    const br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    sizes.raw += body.length;
    sizes.gzip += gz;
    sizes.brotli += br;
    console.log(`  ${ext.padEnd(6)} ${kb(body.length).padStart(10)} ${kb(gz).padStart(10)} ${kb(br).padStart(10)}`);
  }
}
console.log(`  total  ${kb(sizes.raw).padStart(10)} ${kb(sizes.gzip).padStart(10)} ${kb(sizes.brotli).padStart(10)}`);
const budget = 250 * 1024;
console.log(`  budget ${kb(budget)} gzip: ${sizes.gzip <= budget ? "within" : "OVER"}`);

const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const times = [];
try {
  for (let i = 0; i < LOADS; i++) {
    // A fresh profile each time: no cache, no stored plans.
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`, { waitUntil: "commit" });
    // performance.now() counts from navigation start; sampled each frame
    // until the library's first button can be clicked.
    const handle = await page.waitForFunction(
      () => {
        const button = document.querySelector(".library button");
        return button && !button.disabled ? performance.now() : false;
      },
      null,
      { polling: "raf", timeout: 30_000 },
    );
    times.push(await handle.jsonValue());
    await context.close();
  }
} finally {
  await browser.close();
  server.kill();
}
times.sort((a, b) => a - b);
console.log(`\nNavigation to interactive library, ${LOADS} loads: median ${times[LOADS >> 1].toFixed(0)} ms (all: ${times.map((t) => t.toFixed(0)).join(", ")} ms)`);
