// When the browser's storage fails: full, unreadable, or a tab closing early.
const { test, expect } = require("@playwright/test");
const { open, createPlan, saved, download, storedLibrary } = require("./helpers");

/** Fills localStorage until the browser refuses; returns the filler keys. */
/** Text that does not pack away (the app compresses what it stores). */
const noise = (n, seed = 1) => {
  let x = seed;
  let out = "";
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out += String.fromCharCode(97 + (x % 26));
  }
  return out;
};

async function fillStorage(page) {
  return page.evaluate(() => {
    const keys = [];
    let chunk = "x".repeat(1 << 20);
    while (chunk.length >= 16) {
      try {
        const key = `filler.${keys.length}`;
        localStorage.setItem(key, chunk);
        keys.push(key);
      } catch {
        chunk = chunk.slice(0, chunk.length / 2);
      }
    }
    return keys;
  });
}

test("a full storage: a banner, work kept in memory, export offered, nothing stored broken", async ({ page }) => {
  const BIG = noise(5000);
  await open(page);
  await createPlan(page, "Before the disk filled");
  await saved(page);
  const good = await storedLibrary(page);
  const fillers = await fillStorage(page);

  await page.getByLabel("Background").fill(BIG);
  await expect(page.getByRole("alert")).toContainText("The browser's storage for this site is full");
  await expect(page.locator(".save-status")).toHaveText("Not saved");
  // The last good copy is untouched.
  expect(await storedLibrary(page)).toEqual(good);
  // Work goes on, and can be exported.
  await expect(page.getByLabel("Background")).toHaveValue(BIG);
  const file = await download(page, () => page.getByRole("button", { name: "Export now" }).click());
  expect(JSON.parse(file.text).plans[0].summary.background).toBe(BIG);

  // Once there is room, the next change saves and the banner goes.
  await page.evaluate((keys) => keys.forEach((k) => localStorage.removeItem(k)), fillers.slice(0, 1));
  await page.getByLabel("Purpose", { exact: true }).fill("after freeing space");
  await saved(page);
  await expect(page.locator(".banner-error")).toHaveCount(0);
  expect((await storedLibrary(page)).plans[0].summary.background).toBe(BIG);
});

test("leaving with changes that could not be saved asks first", async ({ page }) => {
  await open(page);
  await createPlan(page, "Unsaved");
  await saved(page);
  await fillStorage(page);
  await page.getByLabel("Background").fill(noise(5000, 2));
  await expect(page.locator(".save-status")).toHaveText("Not saved");
  const asked = new Promise((resolve) =>
    page.once("dialog", async (dialog) => {
      resolve(dialog.type());
      await dialog.accept();
    }),
  );
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe("beforeunload");
});

test("unreadable stored data: the app opens, keeps the raw text, offers it for download", async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    localStorage.setItem("marketplan.library", "a:3");
    localStorage.setItem("marketplan.library.a", '{"format":"marketplan.plan-file","schema_version":1,"plans":[{"name":"trunc');
  });
  await page.reload();
  const banner = page.getByRole("alert");
  await expect(banner).toContainText("The stored plans could not be read");
  await expect(banner).toContainText("marketplan.unreadable.3");
  await expect(page.getByRole("heading", { name: "No plans yet" })).toBeVisible();
  const raw = await download(page, () => page.getByRole("button", { name: "Download the raw data" }).click());
  expect(raw.text).toBe('{"format":"marketplan.plan-file","schema_version":1,"plans":[{"name":"trunc');
  expect(await page.evaluate(() => localStorage.getItem("marketplan.unreadable.3"))).toBe(raw.text);
  // The app works on: a new plan saves over the broken copy.
  await createPlan(page, "Fresh start");
  await saved(page);
  expect((await storedLibrary(page)).plans[0].name).toBe("Fresh start");
});
