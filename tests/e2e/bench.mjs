// Benchmark (not a test): sizes of the release build and the time from
// navigation to an interactive plan library, median of 5 loads in headless
// Chromium. Usage: node bench.mjs [DIST]   (scripts/bench.sh builds first)
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { kb, measure, report } from "./sizes.mjs";

const dist = resolve(process.argv[2] ?? "../../dist");
const PORT = 4180;
const LOADS = 5;

const median = (list) => [...list].sort((a, b) => a - b)[LOADS >> 1];
const fmt = (list) => `median ${median(list).toFixed(0)} ms (all: ${list.map((t) => t.toFixed(0)).join(", ")} ms)`;
// BENCH_ONLY=load,dashboard,tasks,budget,strategies,team runs only those parts (sizes always).
const only = process.env.BENCH_ONLY?.split(",");
const run = (part) => !only || only.includes(part);
console.log("Release build sizes (raw / gzip -9 / brotli -11):");
console.log(report(measure(dist)));
const budgetKb = Number(readFileSync(new URL("../../scripts/size-budget-kb", import.meta.url), "utf8").trim());
const mainGzip = measure(dist).main.total.gzip;
console.log(`  size gate: main module ${kb(mainGzip)} gzip of its ${budgetKb} KB budget (target 550 KB when every chapter exists)`);

// The vanilla-DOM baseline (baseline.js), served beside the app in the same
// run: each timed figure below stands beside the same work done by hand.
const baseDir = mkdtempSync(join(tmpdir(), "marketplan-baseline-"));
copyFileSync(new URL("./baseline.js", import.meta.url), join(baseDir, "baseline.js"));
writeFileSync(join(baseDir, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title>
<script src="baseline.js"></script></head><body><div class="library"><button id="go" type="button">Go</button></div><main></main></body></html>`);
const BASE_PORT = PORT + 1;
/** Debian's Chromium, headless, with no background traffic. */
const launch = () =>
  chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
const ratio = (app, base) => `${(median(app) / Math.max(median(base), 0.1)).toFixed(1)}×`;
const beside = (app, base) => `${fmt(app)}; baseline ${fmt(base)}; app ÷ baseline ${ratio(app, base)}`;

/** The baseline's time for `part` on the same data: from a click to `done()`. */
async function baselineTimes(browser, part, library, done, then = null) {
  const server = spawn(process.execPath, ["serve.mjs", baseDir, String(BASE_PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 300));
  const out = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ locale: "en-GB" });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${BASE_PORT}/`);
      await page.evaluate(([part, text]) => {
        const plan = JSON.parse(text).plans[0];
        document.querySelector("#go").onclick = () => window.render[part](plan);
      }, [part, library]);
      const time = await timeClick(page, "#go", done);
      out.push(then ? [time, await then(page)] : time);
      await context.close();
    }
  } finally {
    server.kill();
  }
  return out;
}

/** A stored library holding one plan with 30 goals × 10 KPIs × 20 check-ins. */
function bigLibrary() {
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  let n = 1;
  const dims = ["brand_voice", "acquisition", "retention", "revenue"];
  const goals = [];
  for (let g = 0; g < 30; g++) {
    const kpis = [];
    for (let k = 0; k < 10; k++) {
      const check_ins = [];
      for (let c = 0; c < 20; c++) {
        const day = String(1 + Math.floor((c * 89) / 20));
        const date = new Date(Date.UTC(2027, 0, Number(day)));
        check_ins.push({ id: id(n++), date: date.toISOString().slice(0, 10), value: 10 * c + k });
      }
      kpis.push({ id: id(n++), name: `KPI ${g}-${k}`, unit: "count", direction: k % 3 ? "higher_is_better" : "lower_is_better",
        aggregation: k % 2 ? "additive" : "level", baseline: k % 3 ? 100 : 300, target: 200, challenge: k % 3 ? 300 : 100, check_ins });
    }
    goals.push({ id: id(n++), dimension: dims[g % 4], title: `Goal ${g}`, kpis });
  }
  const plan = { id: id(n++), name: "Benchmark plan", period: { kind: "quarter", start: "2027-01-01", end: "2027-03-31" },
    created_at: "2026-11-23T00:00:00Z", updated_at: "2026-11-23T00:00:00Z", goals };
  return JSON.stringify({ format: "marketplan.plan-file", schema_version: 2, app_version: "bench", exported_at: "2026-11-23T00:00:00Z", kind: "library", plans: [plan] });
}

/** Time from clicking "Dashboard" to all 300 KPI cards on screen. */
async function dashboardTimes() {
  const browser = await launch();
  const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const library = bigLibrary();
  const planId = JSON.parse(library).plans[0].id;
  const out = [];
  try {
    for (let i = 0; i < LOADS; i++) {
      const context = await browser.newContext({ locale: "en-GB" });
      const page = await context.newPage();
      await page.clock.setFixedTime(new Date("2027-02-15T10:00:00+08:00"));
      await page.goto(`http://127.0.0.1:${PORT}/`);
      await page.evaluate((text) => {
        localStorage.setItem("marketplan.library.a", text);
        localStorage.setItem("marketplan.library", "a:1");
      }, library);
      await page.goto(`http://127.0.0.1:${PORT}/#/plan/${planId}/summary`);
      await page.reload();
      await page.waitForSelector(".nav-home a");
      out.push(
        await page.evaluate(
          () =>
            new Promise((resolve) => {
              // Placed: all 300 cards in the grid (drawn or waiting);
              // drawn: no card in the viewport left waiting (the grid is
              // windowed: cards further down are drawn as they come near);
              // then scrolled to the last card: until the cards there are drawn.
              const t0 = performance.now();
              let shown = null;
              let drawn = null;
              let t1 = 0;
              const waiting = () =>
                [...document.querySelectorAll(".kpi-card-pending")].some((c) => {
                  const r = c.getBoundingClientRect();
                  return r.bottom > 0 && r.top < innerHeight;
                });
              document.querySelector(".nav-home a").click();
              const check = () => {
                const cards = document.querySelectorAll(".kpi-card").length;
                if (shown === null && cards >= 300) shown = performance.now() - t0;
                if (shown !== null && drawn === null && !waiting()) {
                  drawn = performance.now() - t0;
                  t1 = performance.now();
                  [...document.querySelectorAll(".kpi-card")].pop().scrollIntoView();
                } else if (drawn !== null && !waiting()) {
                  return resolve([shown, drawn, performance.now() - t1]);
                }
                requestAnimationFrame(check);
              };
              requestAnimationFrame(check);
            }),
        ),
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return out;
}

/** Navigation to a clickable `.library button`, fresh profile each time. */
async function loadTimes(browser, port) {
  const times = [];
  for (let i = 0; i < LOADS; i++) {
    // A fresh profile each time: no cache, no stored plans.
    const context = await browser.newContext({ locale: "en-GB" });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`, { waitUntil: "commit" });
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
  return times;
}

if (run("load")) {
const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
const baseServer = spawn(process.execPath, ["serve.mjs", baseDir, String(BASE_PORT)], { stdio: "ignore" });
await new Promise((r) => setTimeout(r, 500));
const browser = await launch();
try {
  const app = await loadTimes(browser, PORT);
  const base = await loadTimes(browser, BASE_PORT);
  console.log(`\nNavigation to interactive library, ${LOADS} loads (target ≤ 300 ms): ${beside(app, base)}`);
} finally {
  await browser.close();
  server.kill();
  baseServer.kill();
}
}

if (run("dashboard")) {
const dash = await dashboardTimes();
const shown = dash.map(([s]) => s);
const complete = dash.map(([, c]) => c);
const scrolled = dash.map(([, , s]) => s);
const dashBase = await withBrowser((b) => baselineTimes(b, "dashboard", bigLibrary(), () => document.querySelectorAll(".kpi-card").length >= 300));
console.log(`\nDashboard of a plan with 300 KPIs × 20 check-ins, ${LOADS} renders (target ≤ 200 ms, ≤ 2× baseline):`);
console.log(`  on screen, all 300 cards placed: ${beside(shown, dashBase)}`);
console.log(`  every card in view drawn: ${beside(complete, dashBase)}`);
console.log(`  scrolled to the last card, the cards there drawn: ${fmt(scrolled)}`);

}

/** A stored library with one plan of `count` tasks (three quarters of them
 *  depending on an earlier one), relative to T, in the app's compact form. */
function taskLibrary(count) {
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const tasks = [];
  for (let i = 0; i < count; i++) {
    const start = -60 + (i % 120);
    const task = { id: id(1000 + i), title: `Task ${i}`, department: ["Marketing", "Design", "Channel"][i % 3],
      owner: `Owner ${i % 17}`, start: { from_launch: start }, end: { from_launch: start + (i % 9) } };
    if (i % 4 !== 0 && i > 0) task.depends_on = [id(1000 + Math.max(0, i - 1 - (i % 5)))];
    tasks.push(task);
  }
  const plan = { id: id(1), name: "Task benchmark", period: { kind: "year", start: "2027-01-01", end: "2027-12-31", launch_day: "2027-06-01" },
    created_at: "2026-11-23T00:00:00Z", updated_at: "2026-11-23T00:00:00Z", implementation: { tasks } };
  return JSON.stringify({ format: "marketplan.plan-file", schema_version: 3, app_version: "bench", exported_at: "2026-11-23T00:00:00Z", kind: "library", plans: [plan] });
}

/** Opens a page with `library` stored, on the plan's summary. */
async function openWith(browser, library, path) {
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date("2027-05-20T10:00:00+08:00"));
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.evaluate((text) => {
    localStorage.setItem("marketplan.library.a", text);
    localStorage.setItem("marketplan.library", "a:1");
  }, library);
  await page.goto(`http://127.0.0.1:${PORT}/#/plan/${JSON.parse(library).plans[0].id}${path}`);
  await page.reload();
  await page.waitForSelector(".chapter-nav a");
  return { context, page };
}

/** Milliseconds from a click on `selector` until `done()` holds, sampled each frame. */
function timeClick(page, selector, done) {
  return page.evaluate(
    ([selector, done]) =>
      new Promise((resolve) => {
        const ready = new Function(`return (${done})()`);
        const t0 = performance.now();
        document.querySelector(selector).click();
        const check = () => (ready() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }),
    [selector, done.toString()],
  );
}

/** Typing one character into the first task title: until the frame after the update. */
function typeOne(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const input = document.querySelector("tr.task-row input.task-title");
        const t0 = performance.now();
        input.value += "x";
        input.dispatchEvent(new InputEvent("input", { bubbles: true }));
        requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - t0)));
      }),
  );
}

async function withBrowser(work) {
  const browser = await launch();
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

async function taskTimes() {
  const browser = await launch();
  const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const library = taskLibrary(2000);
  const out = { table: [], timeline: [], typing: [] };
  let stored = null;
  try {
    for (let i = 0; i < LOADS; i++) {
      const { context, page } = await openWith(browser, library, "/summary");
      out.table.push(await timeClick(page, ".chapter-nav li:nth-child(5) a", () => document.querySelectorAll("tr.task-row").length >= 50));
      // Typing one character into a title: until the frame after the update.
      out.typing.push(await typeOne(page));
      out.timeline.push(await timeClick(page, ".tabs li:nth-child(2) a", () => document.querySelectorAll("svg.gantt [data-task]").length >= 2000));
      await context.close();
    }
    // 10,000 tasks: loaded, changed once, saved by the app in its own form.
    const { context, page } = await openWith(browser, taskLibrary(10000), "/implementation/meetings");
    await page.fill("#reminder-days", "4");
    await page.locator("#reminder-days").dispatchEvent("change");
    await page.waitForFunction(() => document.querySelector(".save-status")?.textContent === "All changes saved", null, { timeout: 30_000 });
    stored = await page.evaluate(() => {
      const pointer = localStorage.getItem("marketplan.library");
      const key = `marketplan.library.${pointer.split(":")[0]}`;
      let total = 0;
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        total += (k.length + localStorage.getItem(k).length) * 2;
      }
      return { copy: localStorage.getItem(key).length * 2, total, full: !!document.querySelector(".banner-error, .storage-banner") };
    });
    await context.close();
  } finally {
    await browser.close();
    server.kill();
  }
  return { ...out, stored };
}

if (run("tasks")) {
const tasks = await taskTimes();
console.log(`\nImplementation plan with 2,000 tasks and 1,500 dependencies, ${LOADS} runs:`);
const lib2000 = taskLibrary(2000);
const tableBase = await withBrowser((b) => baselineTimes(b, "tasks", lib2000, () => document.querySelectorAll("tr.task-row").length >= 50, typeOne));
const timelineBase = await withBrowser((b) => baselineTimes(b, "timeline", lib2000, () => document.querySelectorAll("svg.gantt [data-task]").length >= 2000));
console.log(`  task table (first page of 50 rows) on screen (target ≤ 200 ms, ≤ 2× baseline): ${beside(tasks.table, tableBase.map(([t]) => t))}`);
console.log(`  timeline, every bar drawn (target ≤ 200 ms): ${beside(tasks.timeline, timelineBase)}`);
console.log(`  typing a character into a task title (target ≤ 50 ms): ${beside(tasks.typing, tableBase.map(([, t]) => t))}`);
console.log(`  10,000 tasks stored by the app: ${kb(tasks.stored.copy)} per copy, ${kb(tasks.stored.total)} in localStorage in all (UTF-16; quota 5 MiB of characters)${tasks.stored.full ? " — STORAGE FULL" : ""}`);
}

/** A stored library with one plan of `count` budget lines, ten payments on
 *  each, spread over twenty channels. */
function budgetLibrary(count) {
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const channels = [];
  for (let c = 0; c < 20; c++) channels.push({ id: id(500 + c), name: `Channel ${c}`, revenue: 100000000 + c * 7000000, leads: 1000 + c, customers: 100 + c });
  const categories = ["content", "advertising", "events", "research", "crm", "other"];
  const lines = [];
  let n = 100000;
  for (let i = 0; i < count; i++) {
    const actuals = [];
    for (let a = 0; a < 10; a++) {
      const day = 1 + ((i + a * 31) % 360);
      const date = new Date(Date.UTC(2027, 0, day)).toISOString().slice(0, 10);
      actuals.push({ id: id(n++), date, amount: 1000 + ((i * 7 + a) % 900) * 100, note: `Invoice ${i}-${a}` });
    }
    lines.push({ id: id(10000 + i), name: `Line ${i}`, amount: 5000000 + (i % 50) * 10000, category: categories[i % 6],
      channel: channels[i % 20].id, reach: i % 3 ? "online" : "offline", owner: `Owner ${i % 13}`, actuals });
  }
  const plan = { id: id(1), name: "Budget benchmark", period: { kind: "year", start: "2027-01-01", end: "2027-12-31" },
    created_at: "2026-11-23T00:00:00Z", updated_at: "2026-11-23T00:00:00Z",
    budget: { total: { basis: "amount", amount: 10000000000 }, lines, channels } };
  return JSON.stringify({ format: "marketplan.plan-file", schema_version: 4, app_version: "bench", exported_at: "2026-11-23T00:00:00Z", kind: "library", plans: [plan] });
}

async function budgetTimes() {
  const browser = await launch();
  const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const library = budgetLibrary(1000);
  const out = { chapter: [], xlsx: [], bytes: 0 };
  try {
    for (let i = 0; i < LOADS; i++) {
      const { context, page } = await openWith(browser, library, "/summary");
      out.chapter.push(await timeClick(page, ".chapter-nav li:nth-child(6) a", () => document.querySelectorAll("[id^=line-name-]").length >= 25));
      // The export: from the click to the file handed to the browser.
      const t0 = Date.now();
      const [file] = await Promise.all([page.waitForEvent("download"), page.click("text=Export Excel (XLSX)")]);
      out.xlsx.push(Date.now() - t0);
      out.bytes = readFileSync(await file.path()).length;
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  return out;
}

if (run("budget")) {
const budgetRuns = await budgetTimes();
console.log(`\nBudget with 1,000 lines and 10,000 payments, ${LOADS} runs:`);
const budgetBase = await withBrowser((b) => baselineTimes(b, "budget", budgetLibrary(1000), () => document.querySelectorAll("[id^=line-name-]").length >= 25));
console.log(`  budget chapter (figures, flags, first 25 lines) on screen (target ≤ 150 ms, ≤ 2× baseline): ${beside(budgetRuns.chapter, budgetBase)}`);
console.log(`  XLSX export, click to download (target ≤ 1 s): ${fmt(budgetRuns.xlsx)}; workbook ${kb(budgetRuns.bytes)}`);
}

/** A stored library with one year-long plan: 20 goals,
 *  2,000 tasks, 1,000 budget lines and 300 strategies, each linked to a
 *  goal, five tasks and three lines; and one product with a full ladder
 *  and seasons across the year. */
function strategyLibrary() {
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const goals = [];
  for (let g = 0; g < 20; g++) {
    goals.push({ id: id(100 + g), dimension: "revenue", title: `Goal ${g}` });
  }
  const tasks = [];
  for (let i = 0; i < 2000; i++) tasks.push({ id: id(1000 + i), title: `Task ${i}`, start: { date: "2027-03-01" }, end: { date: "2027-03-05" } });
  const lines = [];
  for (let i = 0; i < 1000; i++) lines.push({ id: id(10000 + i), name: `Line ${i}`, amount: 1000000 });
  const strategies = [];
  const areas = ["positioning", "product", "price", "channel", "promotion", "crm"];
  for (let s = 0; s < 300; s++) {
    strategies.push({ id: id(20000 + s), area: areas[s % 6], title: `Strategy ${s}`, direction: "",
      goals: [id(100 + (s % 20))], tasks: [0, 1, 2, 3, 4].map((k) => id(1000 + ((s * 5 + k) % 2000))),
      lines: [0, 1, 2].map((k) => id(10000 + ((s * 3 + k) % 1000))) });
  }
  const product = { id: id(30000), name: "Purifier", role: "core", cost: 10000, markup: 10000, base: 19900, member: 18900, min_margin: 5000,
    promotions: [{ id: id(30001), name: "Spring", price: 16900, start: "2027-03-01", end: "2027-03-15" },
      { id: id(30002), name: "618", price: 15900, start: "2027-06-01", end: "2027-06-18" },
      { id: id(30003), name: "Double 11", price: 16900, start: "2027-11-01", end: "2027-11-11" }],
    bulk: [{ id: id(30004), min_quantity: 3, discount: 1000 }, { id: id(30005), min_quantity: 5, discount: 2000 }], bulk_rule: "units_in_tier",
    seasons: [{ id: id(30006), kind: "peak", start: "2027-01-15", end: "2027-02-20", change: 1000 },
      { id: id(30007), kind: "off", start: "2027-07-01", end: "2027-08-31", change: -1500 },
      { id: id(30008), kind: "peak", start: "2027-11-01", end: "2027-12-31", change: 1000 }],
    online_discount: 1000, first_order: 1000 };
  const plan = { id: id(1), name: "Strategy benchmark", period: { kind: "year", start: "2027-01-01", end: "2027-12-31" },
    created_at: "2026-11-23T00:00:00Z", updated_at: "2026-11-23T00:00:00Z", goals,
    strategies: { strategies, products: [product] }, implementation: { tasks }, budget: { total: { basis: "amount", amount: 10000000000 }, lines } };
  return JSON.stringify({ format: "marketplan.plan-file", schema_version: 6, app_version: "bench", exported_at: "2026-11-23T00:00:00Z", kind: "library", plans: [plan] });
}

/** Milliseconds from setting the hash until `done()` holds, sampled each frame. */
function timeHash(page, hash, done) {
  return page.evaluate(
    ([hash, done]) =>
      new Promise((resolve) => {
        const ready = new Function(`return (${done})()`);
        const t0 = performance.now();
        location.hash = hash;
        const check = () => (ready() ? resolve(performance.now() - t0) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }),
    [hash, done.toString()],
  );
}

if (run("strategies")) {
  const browser = await launch();
  const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const library = strategyLibrary();
  const plan = JSON.parse(library).plans[0].id;
  const out = { first: [], coverage: [], strategies: [], products: [] };
  try {
    for (let i = 0; i < LOADS; i++) {
      const { context, page } = await openWith(browser, library, "/summary");
      const coverageDrawn = () => document.querySelectorAll(".coverage-group").length === 5;
      // The first open fetches chapter 4's module; then the view itself.
      out.first.push(await timeHash(page, `#/plan/${plan}/strategies/coverage`, coverageDrawn));
      await timeHash(page, `#/plan/${plan}/summary`, () => !document.querySelector(".coverage-group"));
      out.coverage.push(await timeHash(page, `#/plan/${plan}/strategies/coverage`, coverageDrawn));
      out.strategies.push(await timeHash(page, `#/plan/${plan}/strategies`, () => document.querySelectorAll(".strategy-item").length === 300));
      out.products.push(await timeHash(page, `#/plan/${plan}/strategies/products`, () => document.querySelectorAll(".calendar-runs tbody tr").length > 10));
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`\nStrategies: 300 linked to 20 goals, 2,000 tasks and 1,000 budget lines; a year's price calendar, ${LOADS} runs:`);
  console.log(`  coverage view, first open of chapter 4 (module fetched): ${fmt(out.first)}`);
  console.log(`  coverage view, module in hand (target ≤ 150 ms): ${fmt(out.coverage)}`);
  console.log(`  strategies view, all 300 drawn: ${fmt(out.strategies)}`);
  console.log(`  products view with the year's price calendar drawn (computing it: target ≤ 10 ms, an upper bound): ${fmt(out.products)}`);
}

/** A stored library with one year-long plan: 2,000 tasks, 10 groups of
 *  50 positions (500, a tree five levels deep, one in ten vacant), a RACI
 *  row for every task (an A, an R and a C), and 1,000 risks. */
function teamLibrary() {
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const tasks = [];
  for (let i = 0; i < 2000; i++) {
    const day = 1 + (i % 28);
    tasks.push({ id: id(1000 + i), title: `Task ${i}`, start: { date: `2027-03-${String(day).padStart(2, "0")}` }, end: { date: "2027-04-15" } });
  }
  const groups = [];
  for (let g = 0; g < 10; g++) groups.push({ id: id(100 + g), name: `Group ${g}`, planned: 50 });
  const positions = [];
  for (let p = 0; p < 500; p++) {
    const boss = p === 0 ? undefined : id(5000 + Math.floor((p - 1) / 5));
    positions.push({ id: id(5000 + p), title: `Position ${p}`, group: id(100 + (p % 10)), ...(boss ? { reports_to: boss } : {}),
      ...(p % 10 === 9 ? {} : { holder: `Person ${p}` }) });
  }
  const raci = {};
  for (let i = 0; i < 2000; i++) {
    raci[id(1000 + i)] = { [id(5000 + (i % 500))]: "A", [id(5000 + ((i + 1) % 500))]: "R", [id(5000 + ((i + 2) % 500))]: "C" };
  }
  const categories = ["pr_crisis", "execution", "compliance", "budget_overrun", "supply_chain", "data_privacy"];
  const risks = [];
  for (let r = 0; r < 1000; r++) {
    risks.push({ id: id(20000 + r), category: categories[r % 6], description: `Risk ${r}`, likelihood: 1 + (r % 5), impact: 1 + ((r * 3) % 5),
      owner: id(5000 + (r % 500)), response: r % 7 === 0 ? "" : "Respond", residual_likelihood: 1 + (r % 3), status: "open", review_days: 30 });
  }
  const plan = { id: id(1), name: "Team benchmark", period: { kind: "year", start: "2027-01-01", end: "2027-12-31" },
    created_at: "2026-11-23T00:00:00Z", updated_at: "2026-11-23T00:00:00Z",
    implementation: { tasks }, team: { groups, positions, raci }, risks: { risks } };
  return JSON.stringify({ format: "marketplan.plan-file", schema_version: 7, app_version: "bench", exported_at: "2026-11-23T00:00:00Z", kind: "library", plans: [plan] });
}

if (run("team")) {
  const browser = await launch();
  const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const library = teamLibrary();
  const plan = JSON.parse(library).plans[0].id;
  const out = { first: [], chart: [], raci: [], heat: [], register: [] };
  try {
    for (let i = 0; i < LOADS; i++) {
      const { context, page } = await openWith(browser, library, "/summary");
      const chartDrawn = () => document.querySelectorAll("svg.org-chart g.org-box").length === 500;
      // The first open fetches the team's module; then each view itself.
      out.first.push(await timeHash(page, `#/plan/${plan}/team/chart`, chartDrawn));
      await timeHash(page, `#/plan/${plan}/summary`, () => !document.querySelector("svg.org-chart"));
      out.chart.push(await timeHash(page, `#/plan/${plan}/team/chart`, chartDrawn));
      out.raci.push(await timeHash(page, `#/plan/${plan}/team/raci`, () => document.querySelectorAll(".raci-table tbody tr").length === 50 && !!document.querySelector(".workload-table")));
      await timeHash(page, `#/plan/${plan}/risks/incidents`, () => !!document.querySelector("#log-title"));
      out.heat.push(await timeHash(page, `#/plan/${plan}/risks/heatmap`, () => document.querySelectorAll("svg.heat-map g.heat-cell").length === 50));
      out.register.push(await timeHash(page, `#/plan/${plan}/risks`, () => document.querySelectorAll(".risk-item").length === 50));
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`\nTeam and risks: 500 positions, 2,000 tasks in the RACI, 1,000 risks, ${LOADS} runs:`);
  console.log(`  org chart, first open of the team (module fetched): ${fmt(out.first)}`);
  console.log(`  org chart, all 500 boxes (target ≤ 200 ms): ${fmt(out.chart)}`);
  console.log(`  RACI, first page of 50 rows checked, with the workload of 2,000 tasks (target ≤ 200 ms): ${fmt(out.raci)}`);
  console.log(`  heat map of 1,000 risks, before and after (target ≤ 200 ms): ${fmt(out.heat)}`);
  console.log(`  register of 1,000 risks, first 50 drawn: ${fmt(out.register)}`);
}

/** A stored library with one year-long plan for the document: 30 goals ×
 *  10 KPIs (300, 20 check-ins each), 2,000 tasks in 4 phases and 1,000
 *  budget lines. */
function documentLibrary() {
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  let n = 100;
  const goals = [];
  const dims = ["brand_voice", "acquisition", "retention", "revenue"];
  for (let g = 0; g < 30; g++) {
    const kpis = [];
    for (let k = 0; k < 10; k++) {
      const check_ins = [];
      for (let c = 0; c < 20; c++) {
        const date = new Date(Date.UTC(2027, 0, 3 + c * 7)).toISOString().slice(0, 10);
        check_ins.push({ id: id(n++), date, value: 100 + c * 5 + k });
      }
      kpis.push({ id: id(n++), name: `KPI ${g}-${k}`, unit: "count", baseline: 100, target: 200, challenge: 250, check_ins });
    }
    goals.push({ id: id(n++), dimension: dims[g % 4], title: `Goal ${g}`, owner: `Owner ${g}`, kpis });
  }
  const mm = (m) => String(m).padStart(2, "0");
  const phases = [0, 1, 2, 3].map((p) => ({ id: id(900 + p), name: `Phase ${p}`, start: { date: `2027-${mm(1 + p * 3)}-01` }, end: { date: `2027-${mm(3 + p * 3)}-28` } }));
  const tasks = [];
  for (let i = 0; i < 2000; i++) {
    const month = 1 + (i % 12);
    tasks.push({ id: id(100000 + i), title: `Task ${i}`, phase: phases[i % 4].id, owner: `Owner ${i % 17}`, deliverable: `Deliverable ${i}`,
      start: { date: `2027-${String(month).padStart(2, "0")}-01` }, end: { date: `2027-${String(month).padStart(2, "0")}-20` } });
  }
  const lines = [];
  for (let i = 0; i < 1000; i++) lines.push({ id: id(200000 + i), name: `Line ${i}`, amount: 5000000 + (i % 50) * 10000, owner: `Owner ${i % 13}` });
  const plan = { id: id(1), name: "Document benchmark", period: { kind: "year", start: "2027-01-01", end: "2027-12-31" },
    created_at: "2026-11-23T00:00:00Z", updated_at: "2026-11-23T00:00:00Z", goals,
    implementation: { phases, tasks }, budget: { total: { basis: "amount", amount: 10000000000 }, reserve: 1200, lines } };
  return JSON.stringify({ format: "marketplan.plan-file", schema_version: 7, app_version: "bench", exported_at: "2026-11-23T00:00:00Z", kind: "library", plans: [plan] });
}

if (run("document")) {
  const browser = await launch();
  const server = spawn(process.execPath, ["serve.mjs", dist, String(PORT)], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  const library = documentLibrary();
  const plan = JSON.parse(library).plans[0].id;
  const out = { first: [], view: [], docx: [], bytes: 0 };
  const drawn = () => document.querySelectorAll(".doc-chapter").length === 8 && document.querySelectorAll(".doc-table tbody tr").length > 3000;
  try {
    for (let i = 0; i < LOADS; i++) {
      const { context, page } = await openWith(browser, library, "/summary");
      // The first open fetches the document's module; then the view itself.
      out.first.push(await timeHash(page, `#/plan/${plan}/document`, drawn));
      await timeHash(page, `#/plan/${plan}/summary`, () => !document.querySelector(".plan-document"));
      out.view.push(await timeHash(page, `#/plan/${plan}/document`, drawn));
      // The Word export: from the click to the file handed to the browser
      // (the first export also fetches the files module).
      const t0 = Date.now();
      const [file] = await Promise.all([page.waitForEvent("download"), page.click("text=Export Word (.docx)")]);
      out.docx.push(Date.now() - t0);
      out.bytes = readFileSync(await file.path()).length;
      await context.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
  console.log(`\nPlan document: 300 KPIs, 2,000 tasks, 1,000 budget lines, every table in full, ${LOADS} runs:`);
  console.log(`  document, first open (module fetched): ${fmt(out.first)}`);
  console.log(`  document, all eight chapters drawn (target ≤ 500 ms): ${fmt(out.view)}`);
  console.log(`  Word export, click to download, files module fetched first (target ≤ 2 s): ${fmt(out.docx)}; document ${kb(out.bytes)}`);
}
