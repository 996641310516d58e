// Plan files: export, import into a fresh browser, every kind of bad file.
const { test, expect } = require("@playwright/test");
const { open, createPlan, saved, download, importFile, storedLibrary } = require("./helpers");

test("export a plan, read the file, import it into a fresh profile", async ({ page, browser }) => {
  await open(page);
  await createPlan(page, "Export: Q1/2027 plan", { organisation: "市场中心" });
  await page.getByLabel("Main strategies").fill("Value-for-money positioning\n预热期 1 周");
  await saved(page);

  const file = await download(page, () => page.getByRole("button", { name: "Export this plan" }).click());
  expect(file.name).toBe("Export_ Q1_2027 plan.mplan.json");
  const doc = JSON.parse(file.text);
  expect(doc.format).toBe("marketplan.plan-file");
  expect(doc.schema_version).toBe(7);
  expect(doc.kind).toBe("plan");
  expect(doc.plans).toHaveLength(1);
  expect(doc.plans[0].name).toBe("Export: Q1/2027 plan");
  expect(doc.plans[0].organisation).toBe("市场中心");
  expect(doc.plans[0].summary.main_strategies).toBe("Value-for-money positioning\n预热期 1 周");
  expect(doc.plans[0].id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(file.text.startsWith('{\n  "format": "marketplan.plan-file",\n  "schema_version": 7,')).toBe(true);
  await expect(page.getByText(`Exported ${file.name}.`)).toBeVisible();

  const fresh = await browser.newContext({ locale: "en-GB" });
  const other = await fresh.newPage();
  await open(other);
  await importFile(other, file.name, file.text);
  await expect(other.getByText("Imported 1 plan.")).toBeVisible();
  await other.getByRole("link", { name: "Export: Q1/2027 plan" }).click();
  await other.getByRole("link", { name: "1. Executive summary" }).click();
  await expect(other.getByLabel("Main strategies")).toHaveValue("Value-for-money positioning\n预热期 1 周");
  await saved(other);
  expect((await storedLibrary(other)).plans[0]).toEqual(doc.plans[0]);
  await fresh.close();
});

test("export all plans as one backup file", async ({ page }) => {
  await open(page);
  await createPlan(page, "Plan A");
  await page.getByRole("link", { name: "Back to the library" }).click();
  await createPlan(page, "Plan B");
  await page.getByRole("link", { name: "Back to the library" }).click();
  const file = await download(page, () => page.getByRole("button", { name: "Export all (backup)" }).click());
  expect(file.name).toMatch(/^marketplan-backup-\d{4}-\d{2}-\d{2}\.mplan\.json$/);
  const doc = JSON.parse(file.text);
  expect(doc.kind).toBe("backup");
  expect(doc.plans.map((p) => p.name).sort()).toEqual(["Plan A", "Plan B"]);
});

test("importing a plan that is already here asks: keep both, or replace", async ({ page }) => {
  await open(page);
  await createPlan(page, "Original");
  await saved(page);
  const file = await download(page, () => page.getByRole("button", { name: "Export this plan" }).click());
  await page.getByRole("link", { name: "Back to the library" }).click();

  await importFile(page, file.name, file.text);
  const dialog = page.getByRole("dialog", { name: "This plan is already in your library" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(page.getByRole("link", { name: "Original (imported)" })).toBeVisible();

  await importFile(page, file.name, file.text.replace('"name": "Original"', '"name": "Original v2"'));
  await dialog.getByRole("button", { name: /Replace it/ }).click();
  await expect(page.getByRole("link", { name: "Original v2" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Original", exact: true })).toHaveCount(0);
  await page.getByRole("link", { name: "Trash (1)" }).click();
  await expect(page.getByText("Replaced by an import")).toBeVisible();
});

const validFile = (name) =>
  JSON.stringify({
    format: "marketplan.plan-file",
    schema_version: 1,
    app_version: "0.1.0",
    exported_at: "2026-11-23T02:00:00Z",
    kind: "plan",
    plans: [
      {
        id: "6a1e7c1e-25b1-4c43-9d7e-0f6a4d9b2c11",
        name,
        period: { kind: "month", start: "2027-03-01", end: "2027-03-31" },
        created_at: "2026-11-23T02:00:00Z",
        updated_at: "2026-11-23T02:00:00Z",
      },
    ],
  });

const badFiles = [
  ["broken.json", '{\n  "format": "marketplan.plan-file",\n  "plans": [,]\n}', "the file is not valid JSON, the error is at line 3, column 13."],
  ["foreign.json", '{"type": "excalidraw", "version": 2, "elements": []}', "This file is not a MarketPlan plan file."],
  ["newer.mplan.json", validFile("x").replace('"schema_version":1', '"schema_version":9'), "newer MarketPlan (file format version 9)"],
  ["typed.mplan.json", validFile("x").replace('"start":"2027-03-01"', '"start":20270301'), "the problem is at plans[0].period.start"],
  ["missing.mplan.json", validFile("x").replace('"name":"x",', ""), "missing field `name`"],
  ["backwards.mplan.json", validFile("x").replace('"end":"2027-03-31"', '"end":"2027-01-31"'), "The end date cannot be before the start date."],
];

for (const [name, text, message] of badFiles) {
  test(`a bad file (${name}) is refused with a clear message and nothing changes`, async ({ page }) => {
    await open(page);
    await createPlan(page, "Untouched");
    await saved(page);
    await page.getByRole("link", { name: "Back to the library" }).click();
    const before = await storedLibrary(page);
    await importFile(page, name, text);
    await expect(page.locator(".notice-error")).toContainText(message);
    await expect(page.locator(".notice-error")).toContainText("Nothing in your library was changed.");
    await expect(page.getByRole("link", { name: "Untouched" })).toBeVisible();
    await expect(page.locator(".plan-row")).toHaveCount(1);
    await saved(page);
    expect(await storedLibrary(page)).toEqual(before);
  });
}

test("a file over 5 MB is refused before it is read", async ({ page }) => {
  await open(page);
  await importFile(page, "huge.mplan.json", " ".repeat(6 * 1024 * 1024));
  await expect(page.locator(".notice-error")).toContainText("The file is too large (6.0 MiB). Plan files can be at most 5 MiB.");
  await expect(page.getByRole("heading", { name: "No plans yet" })).toBeVisible();
});

test("markup in a plan file is shown as text and never runs", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs += 1;
    d.dismiss();
  });
  await open(page);
  const evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  await importFile(page, "evil.mplan.json", validFile(evil));
  await expect(page.getByRole("link", { name: evil })).toBeVisible();
  await page.getByRole("link", { name: evil }).click();
  await expect(page.locator("h1.plan-title")).toHaveText(evil);
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(dialogs).toBe(0);
});

test("a plan file dropped on the window is imported", async ({ page }) => {
  await open(page);
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.mplan.json", { type: "application/json" }));
    return dt;
  }, validFile("Dropped plan"));
  await page.dispatchEvent("main", "dragover", { dataTransfer: data });
  await expect(page.getByText("Drop a plan file to import it")).toBeVisible();
  await page.dispatchEvent("main", "drop", { dataTransfer: data });
  await expect(page.getByRole("link", { name: "Dropped plan" })).toBeVisible();
  await expect(page.getByText("Drop a plan file to import it")).toHaveCount(0);
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });
  test("a bad file is explained in Chinese", async ({ page }) => {
    await open(page);
    await importFile(page, "foreign.json", "[1, 2, 3]");
    await expect(page.locator(".notice-error")).toContainText("这个文件不是市场计划台的计划文件。");
    await expect(page.locator(".notice-error")).toContainText("计划库没有任何改动。");
  });
});
