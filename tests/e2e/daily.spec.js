// Daily use (issue #12): wide tables in their own box with the title pinned,
// a card per row and nothing wider than a 360 px phone on any screen, a
// one-row header, chapter changes that land on their heading, reminder
// links that open the task, "Record actual" from a dashboard card, and
// typed dates that are checked.
const { test, expect } = require("@playwright/test");
const { open, saved } = require("./helpers");

const TODAY = new Date("2026-11-25T10:00:00+08:00");

async function openSample(page) {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await page.getByRole("button", { name: /Open the sample plan|打开示例计划/ }).first().click();
  await expect(page.locator("h1.plan-title")).toBeVisible();
  return (await page.evaluate(() => location.hash)).split("/").slice(0, 3).join("/");
}

/** Every screen of a plan, by the part of the address after the plan. */
const SCREENS = [
  "",
  "/summary",
  "/goals",
  "/implementation",
  "/implementation/timeline",
  "/implementation/calendar",
  "/implementation/meetings",
  "/budget",
  "/budget/splits",
  "/budget/spending",
  "/budget/approvals",
  "/budget/channels",
  "/reviews",
  "/situation",
  "/situation/pestel",
  "/situation/forces",
  "/situation/swot",
  "/situation/competitors",
  "/situation/brief",
  "/situation/personas",
  "/situation/resources",
  "/strategies",
  "/strategies/coverage",
  "/strategies/products",
  "/strategies/channels",
  "/strategies/communication",
  "/strategies/media",
  "/strategies/membership",
  "/team",
  "/team/chart",
  "/team/raci",
  "/team/training",
  "/team/incentives",
  "/risks",
  "/risks/heatmap",
  "/risks/incidents",
];

async function documentWidth(page) {
  return page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
  }));
}

for (const locale of ["en-GB", "zh-CN"]) {
  test.describe(`at 360 px in ${locale}`, () => {
    test.use({ locale, viewport: { width: 360, height: 740 } });

    test("no screen is wider than the phone, and the header is one row", async ({ page }) => {
      test.setTimeout(90_000);
      const plan = await openSample(page);
      const header = await page.locator(".app-header").boundingBox();
      expect(header.height, "one row of header").toBeLessThan(64);
      for (const screen of ["#/", "#/trash", ...SCREENS.map((s) => plan + s)]) {
        await page.evaluate((h) => (location.hash = h), screen);
        await expect(page.locator(".main")).toBeVisible();
        await page.waitForTimeout(150);
        const { scroll, view } = await documentWidth(page);
        expect(scroll, `${screen} is ${scroll} px wide in a ${view} px window`).toBeLessThanOrEqual(view);
      }
      // The language switch lives in the menu.
      await page.locator(".header-menu summary").click();
      await expect(page.locator(".header-menu-body .lang-option").first()).toBeVisible();
    });

    test("a task is a card that shows every field", async ({ page }) => {
      const plan = await openSample(page);
      await page.evaluate((h) => (location.hash = h), plan + "/implementation");
      const row = page.locator("tr.task-row").first();
      await expect(row).toBeVisible();
      for (const cell of await row.locator("td[data-label]").all()) {
        const box = await cell.boundingBox();
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(360);
      }
      const status = row.locator("td[data-label]").nth(6);
      await status.scrollIntoViewIfNeeded();
      await expect(status.locator("select")).toBeVisible();
      await page.screenshot({ path: `test-results/daily-${locale}-360-tasks.png` });
    });
  });
}

test.describe("at 1366 px", () => {
  test.use({ viewport: { width: 1366, height: 850 } });

  test("the task table scrolls in its box with the title pinned and a cue", async ({ page }) => {
    const plan = await openSample(page);
    await page.evaluate((h) => (location.hash = h), plan + "/implementation");
    const region = page.getByRole("region", { name: "Tasks" });
    await expect(region).toBeVisible();
    const { scroll, view } = await documentWidth(page);
    expect(scroll).toBeLessThanOrEqual(view);
    await expect(page.locator(".scroll-hint")).toBeVisible();
    const title = page.locator("tr.task-row").first().locator("td.cell-title");
    const before = await title.boundingBox();
    await region.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await expect(page.locator(".wide-table.more-left")).toBeVisible();
    await expect(page.locator(".scroll-hint")).toHaveText(/to the left/);
    const after = await title.boundingBox();
    expect(Math.abs(after.x - before.x), "the title stays put").toBeLessThan(2);
    // Nothing under the cue moves up or down when it changes (a click aimed
    // at a row while the table scrolls must land on that row).
    expect(Math.abs(after.y - before.y), "the rows stay put").toBeLessThan(1);
    // The last columns are now in view, inside the window.
    const priority = page.locator("tr.task-row").first().locator("td[data-label]").last();
    const box = await priority.boundingBox();
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    // Details and delete are at the start of the row.
    const lead = await page.locator("tr.task-row").first().locator("td.cell-lead").boundingBox();
    expect(lead.x).toBeLessThan(before.x);
  });

  test("a chapter change lands on its heading; a reminder opens its task", async ({ page }) => {
    await openSample(page);
    await page.getByRole("link", { name: /^(Dashboard)$/ }).click();
    await page.mouse.wheel(0, 2000);
    await page.getByRole("link", { name: /^6\. Budget/ }).click();
    const heading = page.getByRole("heading", { name: /^6\. Budget/ });
    await expect(heading).toBeFocused();
    const box = await heading.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(300);

    await page.getByRole("link", { name: /^Dashboard$/ }).click();
    const reminder = page.locator(".reminder a").first();
    const title = await reminder.textContent();
    await reminder.click();
    await expect(page).toHaveURL(/implementation\/tasks\//);
    const focused = page.locator("input.task-title:focus");
    await expect(focused).toHaveValue(title);
    await expect(page.locator("tr.task-details-row")).toBeVisible();
  });

  test("record an actual from a dashboard card", async ({ page }) => {
    await openSample(page);
    await page.getByRole("link", { name: /^Dashboard$/ }).click();
    const card = page.locator(".kpi-card").first();
    const name = await card.locator("h3").textContent();
    await card.getByRole("link", { name: `Record actual: ${name}` }).click();
    await expect(page).toHaveURL(/goals\/kpi\//);
    const value = page.locator(".checkin-form input[inputmode=decimal]");
    await expect(value).toBeFocused();
    // The date is today, inside the period.
    await expect(page.locator(".checkin-form input[type=date]")).toHaveValue("2026-11-25");
    // A date outside the period is said at once, with the period.
    const date = page.locator(".checkin-form input[type=date]");
    await date.fill("2027-02-01");
    await expect(page.locator(".checkin-form")).toContainText("outside the plan period (1 Oct 2026 – 31 Dec 2026)");
    await date.fill("2026-11-25");
    await expect(page.locator(".checkin-form")).not.toContainText("outside the plan period");
    await value.fill("12345");
    await page.locator(".checkin-form").getByRole("button", { name: "Record", exact: true }).click();
    await expect(page.locator(".check-ins tbody")).toContainText("12,345");
    await saved(page);
  });

  test("a typed date from another millennium is refused with a message", async ({ page }) => {
    const plan = await openSample(page);
    await page.evaluate((h) => (location.hash = h), plan + "/implementation");
    const start = page.locator("tr.task-row").first().getByLabel(/^Start:/);
    const before = await start.inputValue();
    await start.fill("1112-10-08");
    await start.blur();
    await expect(page.getByText(/Not a date that can be in a plan/)).toBeVisible();
    await page.reload();
    await expect(page.locator("tr.task-row").first().getByLabel(/^Start:/)).toHaveValue(before);
  });
});
