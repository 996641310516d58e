// Served from a sub-path of a shared host, the app works offline after the
// first visit (static/sw.js caches the shell and the lazily loaded
// modules), and a new release is offered as "a new version is available":
// reloading saves first and loses nothing. A copy of dist/ is served under
// /team/marketplan/ so the update test can change it.
const { test, expect } = require("@playwright/test");
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { createPlan, download, saved } = require("./helpers");

test.use({ serviceWorkers: "allow" });
test.describe.configure({ mode: "serial" });

const PORT = 4175;
const BASE = `http://127.0.0.1:${PORT}/team/marketplan/`;
let server;
let dir;

test.beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "marketplan-subpath-"));
  fs.cpSync(path.join(__dirname, "../../dist"), dir, { recursive: true });
  server = spawn(process.execPath, [path.join(__dirname, "serve.mjs"), dir, String(PORT), "/team/marketplan/"], { stdio: "ignore" });
  for (let i = 0; i < 50; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("the sub-path server did not start");
});

test.afterAll(() => {
  server?.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Waits until the service worker controls the page with everything cached. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

test("from a sub-path, it opens and works with no network after the first visit", async ({ page, context }) => {
  const notFound = [];
  page.on("response", (r) => r.status() === 404 && notFound.push(r.url()));
  await page.goto(BASE);
  await expect(page.locator(".app-header")).toBeVisible();
  await createPlan(page, "Classroom plan");
  await saved(page);
  await controlled(page);
  expect(notFound, "every file is found under the sub-path").toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Classroom plan" })).toBeVisible();
  await page.goto(`${BASE}#/`);
  await expect(page.getByRole("link", { name: "Classroom plan" })).toBeVisible();
  // The lazily loaded Excel writer was cached too.
  await page.getByRole("link", { name: "Classroom plan" }).click();
  await page.getByRole("link", { name: /Budget/ }).first().click();
  const file = await download(page, () => page.getByRole("button", { name: "Export Excel (XLSX)" }).click());
  expect(file.name).toBe("Classroom plan.xlsx");
  // Edits made offline are kept.
  await page.getByRole("link", { name: /Summary|1\./ }).first().click();
  await page.getByLabel("Background").fill("written offline");
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("Background")).toHaveValue("written offline");
  await context.setOffline(false);
});

test("a new version is offered, and reloading keeps every edit", async ({ page }) => {
  await page.goto(BASE);
  await expect(page.locator(".app-header")).toBeVisible();
  await createPlan(page, "Before the update");
  await controlled(page);
  await expect(page.locator(".banner-info")).toHaveCount(0);

  // The next release is deployed.
  fs.appendFileSync(path.join(dir, "sw.js"), "\n// the next release\n");
  await page.getByLabel("Background").fill("typed just before the update");
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
  const banner = page.locator(".banner-info");
  await expect(banner).toContainText("A new version of MarketPlan is available.");
  await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload now" }).click()]);
  await expect(page.getByLabel("Background")).toHaveValue("typed just before the update");
  await expect(page.locator(".banner-info")).toHaveCount(0);
});
