// Templates (issue #16): each kind of plan from one click in the empty
// library or from the new-plan form, filled in the user's language with
// structure and no figures; the completeness check then asks for the
// figures; a reload keeps the plan; axe on the library and the form.
const { test, expect } = require("@playwright/test");
const { open, saved, expectAccessible } = require("./helpers");

const TODAY = new Date("2026-11-26T10:00:00+08:00");

test("a launch plan from one click in the empty library: phases around T, KPIs without figures, typical risks", async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await expect(page.getByRole("heading", { name: "Start from a template" })).toBeVisible();
  await expect(page.locator(".template-button")).toHaveCount(8);
  await expectAccessible(page, "empty library with templates");
  await page.getByRole("button", { name: "New-product launch" }).click();
  await expect(page.locator("h1.plan-title")).toHaveText("New-product launch");
  await expect(page.locator(".notice").last()).toContainText("from the template");
  await saved(page);
  // Chapter 5: the three phases around T and their tasks.
  await page.getByRole("link", { name: /^5\. / }).click();
  await expect(page.locator("tr.task-row input.task-title").first()).toHaveValue("Launch brief and key messages");
  // The document lists the structure and asks for the figures.
  await page.getByRole("link", { name: "Plan document" }).click();
  await expect(page.locator("#doc-5-1 ~ .doc-table-wrap").first()).toContainText("Warm-up");
  const kpis = page.locator("table.doc-table", { has: page.locator("caption", { hasText: "Goals and KPIs" }) });
  await expect(kpis.locator("tbody tr").first()).toContainText("Launch-week reach");
  await expect(page.locator(".doc-check")).toContainText("have no challenge value above the target");
  await expect(page.locator(".doc-check")).toContainText("have no response plan");
  await page.reload();
  await expect(page.locator(".plan-document")).toContainText("Launch-week reach");
});

test("from the new-plan form in Chinese: the template sets the period and fills the plan in Chinese", async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await page.locator(".lang-switch.wide-only button[lang='zh-CN']").click();
  await page.getByRole("button", { name: "新建计划" }).first().click();
  await page.locator("#plan-name").fill("2027 创新计划");
  await page.locator("#plan-template").selectOption({ label: "创新与新增长计划" });
  await expect(page.locator("#plan-kind")).toHaveValue("year");
  await expect(page.locator(".plan-form")).toContainText("18% 应急预留");
  await expectAccessible(page, "新建计划表单");
  await page.locator(".plan-form button[type=submit]").click();
  await expect(page.locator("h1.plan-title")).toHaveText("2027 创新计划");
  await page.getByRole("link", { name: "计划文档" }).click();
  // The innovation band's reserve, in chapter 6's figures.
  await expect(page.locator("#doc-6-1 + .doc-fields")).toContainText("18.0%（¥0.00；区间 15.0%–20.0%）");
  await expect(page.locator(".plan-document")).toContainText("MVP 试点");
  await expect(page.locator(".plan-document")).toContainText("试点未找到需求");
});
