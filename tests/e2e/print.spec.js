// Print views (issue #12): with print media emulated and the window the size
// of the printed sheet, no element reaches past the page box and no field or
// text is cut short; the timeline fits its first A4 landscape page.
const { test, expect } = require("@playwright/test");
const { open } = require("./helpers");

const MM = 96 / 25.4;
// A4 less 10 mm margins on each side, in CSS pixels.
const LANDSCAPE = { width: Math.floor(277 * MM), height: Math.floor(190 * MM) };
const PORTRAIT = { width: Math.floor(190 * MM), height: Math.floor(277 * MM) };

/** Elements that reach past the page, and fields or texts cut short. */
async function cutOff(page, pageWidth) {
  return page.evaluate((width) => {
    const problems = [];
    for (const el of document.querySelectorAll("body *")) {
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el.closest(".visually-hidden")) continue;
      const name = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")}`;
      if (box.right > width + 1) problems.push(`${name} ends at ${Math.round(box.right)} of ${width}`);
      const clips = ["hidden", "clip"].includes(style.overflowX) || ["INPUT", "TEXTAREA"].includes(el.tagName);
      if (clips && el.scrollWidth > el.clientWidth + 1) problems.push(`${name} cuts its text (${el.scrollWidth} > ${el.clientWidth})`);
    }
    return problems.slice(0, 10);
  }, pageWidth);
}

async function openSample(page) {
  await page.clock.setFixedTime(new Date("2026-11-25T10:00:00+08:00"));
  await open(page);
  await page.getByRole("button", { name: /Open the sample plan/ }).first().click();
  await expect(page.locator("h1.plan-title")).toBeVisible();
  return (await page.evaluate(() => location.hash)).split("/").slice(0, 3).join("/");
}

test("the timeline prints on its first A4 landscape page", async ({ page }) => {
  await page.setViewportSize(LANDSCAPE);
  const plan = await openSample(page);
  await page.evaluate((h) => (location.hash = h), plan + "/implementation/timeline");
  await expect(page.locator(".timeline-sheet .gantt")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const chart = await page.locator(".timeline-sheet .gantt").boundingBox();
  const top = await page.evaluate(() => window.scrollY);
  expect(chart.y + top + chart.height, "the chart ends on page 1").toBeLessThanOrEqual(LANDSCAPE.height);
  expect(await cutOff(page, LANDSCAPE.width)).toEqual([]);
});

// The chapters as they print: portrait, except the wide tables, which
// print on A4 landscape with every field as wide as its text.
for (const [view, ready, sheet] of [
  ["", ".kpi-card", PORTRAIT],
  ["/summary", "h2", PORTRAIT],
  ["/goals", ".goal-card", PORTRAIT],
  ["/reviews", ".review-item", PORTRAIT],
  ["/implementation", "tr.task-row", LANDSCAPE],
  ["/budget", "#lines-total", LANDSCAPE],
]) {
  test(`the ${view || "dashboard"} view prints without cutting anything off`, async ({ page }) => {
    await page.setViewportSize(sheet);
    const plan = await openSample(page);
    await page.evaluate((h) => (location.hash = h), plan + view);
    await expect(page.locator(ready).first()).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.waitForTimeout(200);
    expect(await cutOff(page, sheet.width)).toEqual([]);
  });
}

test("a printed review writes every cause out in full", async ({ page }) => {
  await page.setViewportSize(PORTRAIT);
  const plan = await openSample(page);
  await page.evaluate((h) => (location.hash = h), plan + "/reviews");
  await page.locator(".review-item a").first().click();
  await expect(page.locator(".review-table")).toBeVisible();
  const cause = page.locator(".review-table input").first();
  const long = "The launch slipped a week because the KOL contracts were signed late; the first two weeks' leads came from search alone.";
  await cause.fill(long);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".review-table .print-only").first()).toHaveText(long);
  await expect(cause).toBeHidden();
  expect(await cutOff(page, PORTRAIT.width)).toEqual([]);
});

test("an approval sheet prints on one portrait page without cutting anything off", async ({ page }) => {
  await page.setViewportSize(PORTRAIT);
  const plan = await openSample(page);
  await page.evaluate((h) => (location.hash = h), plan + "/budget/approvals");
  await page.locator("#requests-table").getByRole("link").first().click();
  await expect(page.locator(".sheet-table")).toBeVisible();
  await page.emulateMedia({ media: "print" });
  expect(await cutOff(page, PORTRAIT.width)).toEqual([]);
});
