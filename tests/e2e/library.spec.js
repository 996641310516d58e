// Creating, editing, undoing, deleting, languages, tabs: in the built app.
const { test, expect } = require("@playwright/test");
const { open, createPlan, saved, storedLibrary } = require("./helpers");

test("create, edit, reload: everything is still there", async ({ page }) => {
  await open(page);
  await expect(page.getByRole("heading", { name: "No plans yet" })).toBeVisible();
  await createPlan(page, "Q1 2027 marketing plan", { organisation: "Brand team" });
  await page.getByLabel("Purpose", { exact: true }).fill("Make the launch the most talked-about in the category.");
  await page.getByLabel("Headline goals (3-5)").fill("Qualified leads +30%\nCAC ≤ 100 yuan");
  await saved(page);
  await page.reload();
  await expect(page.locator("h1.plan-title")).toHaveText("Q1 2027 marketing plan");
  await expect(page.getByLabel("Purpose", { exact: true })).toHaveValue("Make the launch the most talked-about in the category.");
  await expect(page.getByLabel("Headline goals (3-5)")).toHaveValue("Qualified leads +30%\nCAC ≤ 100 yuan");
  await page.getByRole("link", { name: "Back to the library" }).click();
  await expect(page.getByRole("link", { name: "Q1 2027 marketing plan" })).toBeVisible();
  await expect(page.getByText("Brand team")).toBeVisible();
});

test("a new plan's dates follow its type, and bad input is explained", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "New plan" }).first().click();
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByText("Please give the plan a name.")).toBeVisible();
  await page.getByLabel("Period type").selectOption("campaign");
  await expect(page.getByLabel("Launch day (T)")).toBeVisible();
  await page.getByLabel("End", { exact: true }).fill("2000-01-01");
  await page.getByLabel("Plan name").fill("Launch");
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByText("The end date cannot be before the start date.")).toBeVisible();
  await expect(page.locator("h1.plan-title")).toHaveCount(0);
  await page.getByLabel("Period type").selectOption("quarter");
  await page.getByLabel("Start", { exact: true }).fill("2027-05-20");
  await expect(page.getByLabel("Start", { exact: true })).toHaveValue("2027-04-01");
  await expect(page.getByLabel("End", { exact: true })).toHaveValue("2027-06-30");
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.locator(".page-sub")).toContainText("1 Apr 2027 – 30 Jun 2027");
});

test("undo and redo, by button and keyboard", async ({ page }) => {
  await open(page);
  await createPlan(page, "Undo me");
  const purpose = page.getByLabel("Purpose", { exact: true });
  await purpose.fill("First version");
  await purpose.blur();
  await purpose.fill("Second version");
  await purpose.blur();
  await page.keyboard.press("Control+z");
  await expect(purpose).toHaveValue("First version");
  await page.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(purpose).toHaveValue("");
  await page.keyboard.press("Control+Shift+z");
  await expect(purpose).toHaveValue("First version");
  await page.keyboard.press("Control+y");
  await expect(purpose).toHaveValue("Second version");
  await expect(page.getByRole("button", { name: "Redo", exact: true })).toBeDisabled();
});

test("delete, then undo from the notice; delete, then restore from the Trash", async ({ page }) => {
  await open(page);
  await createPlan(page, "Keep me");
  await page.getByRole("link", { name: "Back to the library" }).click();
  await page.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByText("Moved “Keep me” to the Trash.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Keep me" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Keep me" })).toBeVisible();

  await page.getByRole("button", { name: "Delete" }).click();
  await page.getByRole("link", { name: "Trash (1)" }).click();
  await expect(page.locator(".trash-item")).toContainText("Keep me");
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("The Trash is empty.")).toBeVisible();
  await saved(page);
  await page.reload();
  await page.getByRole("link", { name: "Back to the library" }).click();
  await expect(page.getByRole("link", { name: "Keep me" })).toBeVisible();
});

test("rename, duplicate and search in the library", async ({ page }) => {
  await open(page);
  await createPlan(page, "Spring push");
  await page.getByRole("link", { name: "Back to the library" }).click();
  await page.getByRole("button", { name: "Rename" }).click();
  const input = page.getByLabel("Rename plan");
  await input.fill("");
  await expect(page.getByText("Please give the plan a name.")).toBeVisible();
  await input.fill("Spring push 2027");
  await input.press("Enter");
  await expect(page.getByRole("link", { name: "Spring push 2027" })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("link", { name: "Spring push 2027 (copy)" })).toBeVisible();
  await page.getByLabel("Search plans by name").fill("copy");
  await expect(page.getByRole("link", { name: /Spring push 2027/ })).toHaveCount(1);
  await page.getByLabel("Search plans by name").fill("autumn");
  await expect(page.getByText("No plan has “autumn” in its name.")).toBeVisible();
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("a Chinese browser opens in Chinese, and the sample plan is one click away", async ({ page }) => {
    await open(page);
    await expect(page.getByRole("heading", { name: "还没有计划" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await page.getByRole("button", { name: "打开示例计划" }).first().click();
    await expect(page.locator("h1.plan-title")).toContainText("市场部工作计划（示例）");
    await expect(page.getByLabel("核心目标（3-5 个）")).toHaveValue(/获客成本（CAC）不高于 100 元/);
    await expect(page.getByText("1. 执行摘要").first()).toBeVisible();
    await expect(page.getByText("暂未开放")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "7. 风险管理与应急预案" })).toBeVisible();
  });

  test("switching to English is remembered across a reload", async ({ page }) => {
    await open(page);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { name: "No plans yet" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.reload();
    await expect(page.getByRole("heading", { name: "No plans yet" })).toBeVisible();
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { name: "计划库" })).toBeVisible();
  });
});

test("a change saved in one tab shows up in the other", async ({ context }) => {
  const one = await context.newPage();
  await open(one);
  await createPlan(one, "Shared plan");
  await saved(one);
  const two = await context.newPage();
  await open(two);
  await expect(two.getByRole("link", { name: "Shared plan" })).toBeVisible();

  await one.getByLabel("Plan name").fill("Shared plan, renamed in tab one");
  await saved(one);
  await expect(two.getByRole("link", { name: "Shared plan, renamed in tab one" })).toBeVisible();
});

test("both tabs editing the same plan: the second is asked, nothing is overwritten silently", async ({ context }) => {
  const one = await context.newPage();
  await open(one);
  await createPlan(one, "Contested");
  await saved(one);
  const id = (await storedLibrary(one)).plans[0].id;
  const two = await context.newPage();
  await open(two, `/#/plan/${id}/summary`);
  await expect(two.locator("h1.plan-title")).toHaveText("Contested");

  // Both type before either has saved: saves wait 400 ms after typing, and
  // a frozen clock makes sure neither runs until both tabs have typed.
  await context.clock.install();
  await two.getByLabel("Organisation").fill("Typed in tab two");
  await one.getByLabel("Organisation").fill("Typed in tab one");
  await context.clock.runFor(2_000);
  await context.clock.resume();
  // Whichever saved second met a stale store and has to ask.
  const banner = (p) => p.getByText(/Another tab changed plans you are editing here: Contested/);
  await expect.poll(async () => (await banner(one).isVisible()) || (await banner(two).isVisible())).toBe(true);
  const asked = (await banner(one).isVisible()) ? one : two;
  const other = asked === one ? two : one;
  const mine = await asked.getByLabel("Organisation").inputValue();
  await asked.getByRole("button", { name: "Keep my changes" }).click();
  await saved(asked);
  await expect(other.getByLabel("Organisation")).toHaveValue(mine);
});
