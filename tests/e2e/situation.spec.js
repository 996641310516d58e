// Chapter 2, situation analysis, end to end: a SWOT built from PESTEL
// findings, a TOWS strategy linked to a goal (which then shows why it
// exists), a used SWOT item deleted after a question and brought back with
// Undo, a persona whose weights do not add up until fixed, competitor moves
// in a printed monthly brief, a reload, the sample in Chinese, and axe-core
// on every view in both languages.
const { test, expect } = require("@playwright/test");
const { open, createPlan, saved, expectAccessible } = require("./helpers");

// Thursday 26 November 2026.
const TODAY = new Date("2026-11-26T10:00:00+08:00");

async function enter(locator, text) {
  await locator.fill(text);
  await locator.press("Tab");
}

const view = (page, name) => page.getByRole("navigation", { name: /Situation analysis views|市场环境分析视图/ }).getByRole("link", { name, exact: true });

test("PESTEL to SWOT to TOWS to a goal, delete and undo, a persona's weights, a brief, reload", async ({ page }) => {
  test.setTimeout(90_000);
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await createPlan(page, "Q4 analysis");

  // A goal to justify.
  await page.getByRole("link", { name: "3. Goals" }).click();
  const brand = page.locator("section.dimension").filter({ has: page.getByRole("heading", { name: "Brand voice" }) });
  await brand.getByRole("button", { name: "Add a goal" }).click();
  await page.getByRole("textbox", { name: "Goal", exact: true }).fill("Brand search volume +15%");
  await page.getByRole("button", { name: "Save goal" }).click();

  // PESTEL: an economic opportunity, sent to the SWOT.
  await page.getByRole("link", { name: /^2\. Situation analysis/ }).click();
  await expect(page.getByRole("heading", { name: "2. Situation analysis" })).toBeFocused();
  await view(page, "PESTEL").click();
  await expect(page.getByText("No findings yet.")).toBeVisible();
  await page.getByRole("button", { name: "Add finding: Economic" }).click();
  const finding = page.locator("[id$='-finding']").first();
  await expect(finding).toBeFocused();
  await finding.fill("Tier-2 cities spend 8% more a year");
  const item = page.locator(".pestel-factor").filter({ hasText: "Economic" }).locator(".situation-item");
  await item.getByLabel("Impact").selectOption({ label: "Opportunity" });
  await item.getByLabel("Weight (1–5)").selectOption("4");
  await item.getByLabel("Source").fill("<b>NBS</b>");
  await item.getByRole("button", { name: "Send to SWOT" }).click();
  await expect(item.getByText("In the SWOT: Opportunities")).toBeVisible();

  // SWOT: the opportunity came with its origin; add a strength.
  await view(page, "SWOT and TOWS").click();
  const opportunities = page.locator(".swot-quadrant.swot-opportunity");
  await expect(opportunities.getByText("From PESTEL: Tier-2 cities spend 8% more a year")).toBeVisible();
  await page.getByRole("button", { name: "Add: Strengths" }).click();
  const strength = page.locator(".swot-quadrant.swot-strength textarea");
  await expect(strength).toBeFocused();
  await strength.fill("Own factory, 3-day delivery");

  // TOWS: an SO strategy pairing both, justifying the goal.
  await page.getByRole("button", { name: "Add strategy" }).click();
  const tows = page.locator(".tows-item");
  await expect(tows.getByLabel("What we do")).toBeFocused();
  await tows.getByLabel("What we do").fill("Premium line for tier-2 cities");
  await tows.getByLabel("Own factory, 3-day delivery").check();
  await tows.getByLabel("Tier-2 cities spend 8% more a year").check();
  await tows.getByLabel("Brand search volume +15%").check();
  await expect(page.locator(".swot-strength").getByText("Paired in 1 TOWS strategy")).toBeVisible();

  // The goal says which analysis justifies it.
  await page.getByRole("link", { name: "3. Goals" }).click();
  await expect(page.locator(".goal-why")).toContainText("Premium line for tier-2 cities");

  // Deleting the paired strength asks first; Undo brings back item and link.
  await page.getByRole("link", { name: /^2\. Situation analysis/ }).click();
  await view(page, "SWOT and TOWS").click();
  await page.getByRole("button", { name: "Delete: Own factory, 3-day delivery" }).click();
  const question = page.getByRole("alertdialog");
  await expect(question).toContainText("is paired in 1 TOWS strategy. Delete it and those links?");
  await question.getByRole("button", { name: "Delete" }).click();
  await expect(page.locator(".swot-strength textarea")).toHaveCount(0);
  await expect(tows.getByLabel("Own factory, 3-day delivery")).toHaveCount(0);
  await page.locator(".notice").getByRole("button", { name: "Undo" }).click();
  await expect(page.locator(".swot-strength textarea")).toHaveValue("Own factory, 3-day delivery");
  await expect(tows.getByLabel("Own factory, 3-day delivery")).toBeChecked();

  // A persona whose weights add up to 95% is incomplete until fixed.
  await view(page, "Personas").click();
  await page.getByRole("button", { name: "Add persona" }).click();
  await expect(page.getByText("Please enter a name.")).toBeVisible();
  await page.getByLabel("Persona’s name").fill("Young parents");
  await page.getByRole("button", { name: "Add persona" }).click();
  const persona = page.locator(".persona-card");
  for (const [name, weight] of [["Quality", "40"], ["Price", "25"], ["Service", "20"], ["Brand", "10"]]) {
    await persona.getByRole("button", { name: "Add factor" }).click();
    const nameField = persona.locator("[id^='factor-'][id$='-name']").last();
    await expect(nameField).toBeFocused();
    await nameField.fill(name);
    await enter(persona.locator("[id^='factor-'][id$='-weight']").last(), weight);
  }
  await expect(persona.locator(".field-error")).toHaveText("Weights add up to 95.0%; they must add up to 100%.");
  await expect(persona.getByText(/^Incomplete:/)).toBeVisible();
  await enter(persona.locator("[id^='factor-'][id$='-weight']").last(), "15");
  await expect(persona.getByText("Weights add up to 100%.")).toBeVisible();
  await expect(persona.getByText(/^Incomplete:/)).toHaveCount(0);
  await expect(persona.locator("svg.journey-curve circle")).toHaveCount(6);

  // A competitor's price move of exactly +5% is flagged in the month's brief.
  await view(page, "Competitors").click();
  await page.getByLabel("Competitor’s name").fill("Brand A");
  await page.getByRole("button", { name: "Add competitor" }).click();
  await page.getByRole("button", { name: "Log move" }).click();
  const move = page.locator(".move-row");
  await move.getByLabel("Kind").selectOption({ label: "Price change" });
  await enter(move.getByLabel("Old price"), "100");
  await enter(move.getByLabel("New price"), "105");
  await move.getByLabel("What they did").fill("List price up before Double 12");
  await view(page, "Monthly brief").click();
  await expect(page.locator("#brief-title")).toHaveText("Competitor brief · November 2026");
  await expect(page.locator(".price-flag")).toContainText("up 5.0%");
  await expect(page.locator(".brief-document")).toContainText("List price up before Double 12");
  await expect(page.locator(".brief-scores")).toContainText("Not every factor is marked");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".brief-document")).toBeVisible();
  await expect(page.locator(".tabs")).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Everything is still there after a reload.
  await saved(page);
  await page.reload();
  await expect(page.locator(".price-flag")).toContainText("up 5.0%");
  await view(page, "SWOT and TOWS").click();
  await expect(page.locator(".tows-item textarea")).toHaveValue("Premium line for tier-2 cities");
  await view(page, "PESTEL").click();
  // Markup typed into a field stays text.
  await expect(page.locator("[id$='-source']").first()).toHaveValue("<b>NBS</b>");
  await expect(page.locator("b", { hasText: "NBS" })).toHaveCount(0);
});

for (const locale of ["en-GB", "zh-CN"]) {
  test.describe(`chapter 2 of the sample in ${locale}`, () => {
    test.use({ locale });

    test("every view reads and is accessible", async ({ page }) => {
      test.setTimeout(90_000);
      await page.clock.setFixedTime(TODAY);
      await open(page);
      await page.getByRole("button", { name: /Open the sample plan|打开示例计划/ }).first().click();
      await expect(page.locator("h1.plan-title")).toBeVisible();
      await page.getByRole("link", { name: /^2\. / }).click();
      const zh = locale === "zh-CN";
      await expect(page.locator(".situation-top").first()).toContainText(zh ? "二三线城市消费升级" : "Consumption upgrades");
      await expectAccessible(page, "situation overview");
      const views = zh
        ? ["宏观环境 PESTEL", "波特五力", "SWOT 与 TOWS", "竞品数据库", "月度竞品简报", "用户画像", "自身资源"]
        : ["PESTEL", "Five forces", "SWOT and TOWS", "Competitors", "Monthly brief", "Personas", "Own resources"];
      for (const name of views) {
        await view(page, name).click();
        await expect(page.locator(".situation > div").last()).toBeVisible();
        if (name === views[3]) await page.locator(".competitor-toggle").first().click();
        await expectAccessible(page, `situation view ${name}`);
      }
      await view(page, views[4]).click();
      await expect(page.locator("#brief-title")).toHaveText(zh ? "竞品分析简报 · 2026年11月" : "Competitor brief · November 2026");
      await expect(page.locator(".brief-scores tbody tr")).toHaveCount(3);
    });
  });
}
