// Shared steps for the end-to-end tests.
const { expect } = require("@playwright/test");
const fs = require("node:fs");
const { unpack } = require("./packed");

const AXE = require.resolve("axe-core/axe.min.js");

/** Opens the app and waits until the library (or a plan) is interactive. */
async function open(page, path = "/") {
  await page.goto(path);
  await expect(page.locator(".app-header")).toBeVisible();
}

/** Creates a plan through the form and lands on its page. */
async function createPlan(page, name, { organisation } = {}) {
  await page.getByRole("button", { name: "New plan" }).first().click();
  await page.getByLabel("Plan name").fill(name);
  if (organisation) await page.getByLabel("Organisation").fill(organisation);
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.locator("h1.plan-title")).toHaveText(name);
}

/** Waits until the header says every change is stored. */
async function saved(page, text = "All changes saved") {
  await expect(page.locator(".save-status")).toHaveText(text);
}

/** Clicks `trigger` and returns the downloaded file's name and text. */
async function download(page, trigger) {
  const [file] = await Promise.all([page.waitForEvent("download"), trigger()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path, "utf8"), path };
}

/** Picks a file in the import dialog. */
async function importFile(page, name, text) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: /Import a plan file|导入计划文件/ }).click();
  await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
}

/** Runs axe-core and fails on serious or critical violations. */
async function expectAccessible(page, screen) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, `axe on ${screen}`).toEqual([]);
}

/** The stored library as the app keeps it. */
async function storedLibrary(page) {
  const raw = await page.evaluate(() => {
    const pointer = localStorage.getItem("marketplan.library");
    if (!pointer) return null;
    return localStorage.getItem(`marketplan.library.${pointer.split(":")[0]}`);
  });
  return raw === null ? null : JSON.parse(unpack(raw));
}

module.exports = { open, createPlan, saved, download, importFile, expectAccessible, storedLibrary };
