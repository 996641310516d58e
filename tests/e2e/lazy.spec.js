// Modules loaded on first use (src/lazy): the Excel writer and the file
// diagnosis are not in the main module. The first export fetches them;
// when they cannot be fetched the user is told, nothing else breaks, and a
// later try works.
const { test, expect } = require("@playwright/test");
const ExcelJS = require("exceljs");
const { open, createPlan, download, importFile, expectAccessible } = require("./helpers");

const LAZY = /\/(files_worker(\.js|_bg\.wasm)|lazy-worker\.js)$/;

test("the Excel writer is fetched on first use, not at start", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await open(page);
  await createPlan(page, "Lazy budget");
  await page.getByRole("link", { name: /Budget/ }).first().click();
  await expect(page.getByRole("button", { name: "Export Excel (XLSX)" })).toBeVisible();
  expect(fetched.filter((p) => LAZY.test(p)), "nothing lazy at start").toEqual([]);

  const file = await download(page, () => page.getByRole("button", { name: "Export Excel (XLSX)" }).click());
  expect(file.name).toBe("Lazy budget.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file.path);
  expect(book.worksheets.map((s) => s.name)).toContain("Budget lines");
  expect(fetched.some((p) => p.endsWith("/files_worker_bg.wasm"))).toBe(true);
  // A second export reuses the loaded module.
  const before = fetched.length;
  await download(page, () => page.getByRole("button", { name: "Export Excel (XLSX)" }).click());
  expect(fetched.slice(before).filter((p) => LAZY.test(p))).toEqual([]);
});

test("offline and not cached: a clear message, the CSV still works, a later try succeeds", async ({ page }) => {
  await open(page);
  await createPlan(page, "Offline budget");
  await page.getByRole("link", { name: /Budget/ }).first().click();
  await page.route(LAZY, (route) => route.abort("internetdisconnected"));
  const button = page.getByRole("button", { name: "Export Excel (XLSX)" });
  await button.click();
  await expect(page.locator(".notice-error")).toContainText("The Excel writer could not be loaded");
  await expect(page.locator(".notice-error")).toContainText("the CSV export works without it");
  await expect(button).toBeEnabled();
  const csv = await download(page, () => page.getByRole("button", { name: "Export lines (CSV)" }).click());
  expect(csv.name).toBe("Offline budget.csv");

  await page.unroute(LAZY);
  const file = await download(page, () => button.click());
  expect(file.name).toBe("Offline budget.xlsx");
});

test("while the writer loads the button says so", async ({ page }) => {
  await open(page);
  await createPlan(page, "Slow budget");
  await page.getByRole("link", { name: /Budget/ }).first().click();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(/files_worker_bg\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  const downloaded = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export Excel (XLSX)" }).click();
  const busy = page.getByRole("button", { name: "Loading the Excel writer…" });
  await expect(busy).toBeVisible();
  await expect(busy).toHaveAttribute("aria-busy", "true");
  release();
  await downloaded;
  await expect(page.getByRole("button", { name: "Export Excel (XLSX)" })).toBeVisible();
});

test("a refused file names the exact field, or its plan when the diagnosis cannot load", async ({ page }) => {
  const file = JSON.stringify({
    format: "marketplan.plan-file", schema_version: 4, app_version: "x", exported_at: "2026-11-23T02:00:00Z", kind: "plan",
    plans: [{ id: "00000000-0000-4000-8000-000000000001", name: "x", period: { kind: "quarter", start: 20270101, end: "2027-03-31" },
      created_at: "2026-11-23T02:00:00Z", updated_at: "2026-11-23T02:00:00Z" }],
  });
  await open(page);
  await page.route(LAZY, (route) => route.abort("internetdisconnected"));
  await importFile(page, "typed.mplan.json", file);
  await expect(page.locator(".notice-error")).toContainText("the problem is at plans[0]:");
  await page.unroute(LAZY);
  await page.locator(".notice-error button").first().click();
  await importFile(page, "typed.mplan.json", file);
  await expect(page.locator(".notice-error")).toContainText("the problem is at plans[0].period.start:");
});

// Chapters' screens cut out of the main module (src/ui/shell/lazy_screen.rs,
// scripts/split.sh): fetched on first open, a clear message when that fails.
const SCREEN = /\/(split|chunk)_\w+\.wasm$/;

test("a chapter's screens are fetched when it is first opened, not at start", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await open(page);
  await createPlan(page, "Lazy chapters");
  expect(fetched.filter((p) => SCREEN.test(p)), "no chapter screen at start").toEqual([]);
  await page.getByRole("link", { name: /^6\. Budget/ }).click();
  await expect(page.getByRole("heading", { name: /^6\. Budget/ })).toBeFocused();
  expect(fetched.some((p) => p.endsWith("/split_budget.wasm"))).toBe(true);
  expect(fetched.some((p) => p.endsWith("/split_situation.wasm")), "only the chapter opened").toBe(false);
  // Coming back draws at once from the module already fetched.
  await page.getByRole("link", { name: /^Dashboard$/ }).click();
  const before = fetched.length;
  await page.getByRole("link", { name: /^6\. Budget/ }).click();
  await expect(page.getByRole("button", { name: "Export Excel (XLSX)" })).toBeVisible();
  expect(fetched.slice(before).filter((p) => SCREEN.test(p))).toEqual([]);
});

test("a chapter that cannot be fetched says so, loses nothing, and Try again opens it", async ({ page }) => {
  await open(page);
  await createPlan(page, "Offline chapter");
  await page.route(SCREEN, (route) => route.abort("internetdisconnected"));
  await page.getByRole("link", { name: /^2\. Situation analysis/ }).click();
  await expect(page.getByRole("alert")).toContainText("This chapter could not be loaded");
  await expectAccessible(page, "a chapter that could not be loaded");
  await page.unroute(SCREEN);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "2. Situation analysis" })).toBeVisible();
  await page.getByRole("link", { name: /^1\. Executive summary/ }).click();
  await expect(page.getByLabel("Background")).toBeVisible();
});
