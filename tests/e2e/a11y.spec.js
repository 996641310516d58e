// axe-core on every screen: no serious or critical violations.
const { test, expect } = require("@playwright/test");
const { open, createPlan, importFile, download, expectAccessible } = require("./helpers");

for (const locale of ["en-GB", "zh-CN"]) {
  test.describe(`screens in ${locale}`, () => {
    test.use({ locale });

    test("library, form, plan, trash and the import question are accessible", async ({ page }) => {
      // Every screen of every chapter, scanned: over the 30 s default on a 2-core machine.
      test.setTimeout(90_000);
      await open(page);
      await expectAccessible(page, "empty library");
      await page.getByRole("button", { name: /New plan|新建计划/ }).first().click();
      await expectAccessible(page, "new plan form");
      await page.getByRole("button", { name: /Open the sample plan|打开示例计划/ }).first().click();
      await expect(page.locator("h1.plan-title")).toBeVisible();
      await expectAccessible(page, "plan page");
      await page.getByRole("link", { name: /^(Dashboard|计划概览)$/ }).click();
      await expect(page.locator(".kpi-card").first()).toBeVisible();
      await expectAccessible(page, "dashboard");
      await page.getByRole("link", { name: /^3\. / }).click();
      await page.locator(".kpi-toggle").first().click();
      await expect(page.locator(".kpi-detail")).toBeVisible();
      await page.locator(".goal-card").first().getByRole("button", { name: /Add a KPI|添加 KPI/ }).click();
      await expectAccessible(page, "goals with a KPI open and the KPI form");
      await page.getByRole("link", { name: /^8\. / }).click();
      await expectAccessible(page, "reviews");
      await page.locator(".review-item a").first().click();
      await expect(page.locator(".review-table")).toBeVisible();
      await expectAccessible(page, "a review");
      await page.getByRole("link", { name: /^5\. / }).click();
      await page.locator("tr.task-row").first().getByRole("button", { name: /Details|详情/ }).click();
      await expectAccessible(page, "task table with details open");
      for (const view of [/^(Timeline|甘特图)$/, /^(Marketing calendar|营销日历)$/, /^(Meetings and reminders|会议与提醒)$/]) {
        await page.getByRole("link", { name: view }).click();
        await expectAccessible(page, `implementation view ${view}`);
      }
      await page.getByRole("link", { name: /^6\. / }).click();
      await page.locator("tbody tr").first().getByRole("button", { name: /Details|详情/ }).click();
      await expectAccessible(page, "budget lines with details open");
      for (const view of [/^(Splits|分配比例)$/, /^(Planned vs actual|计划与实际)$/, /^(Approvals|审批)$/, /^(Channel ROI|渠道效果)$/]) {
        await page.getByRole("link", { name: view }).click();
        await expectAccessible(page, `budget view ${view}`);
      }
      await page.locator("#realloc-amount").fill("50000");
      await page.locator("#realloc-propose").click();
      await expect(page.locator("#realloc-proposal")).toBeVisible();
      await expectAccessible(page, "a reallocation proposal");
      await page.getByRole("link", { name: /^(Approvals|审批)$/ }).click();
      await page.getByRole("link", { name: /^(Approval sheet|审批单)$/ }).first().click();
      await expectAccessible(page, "an approval sheet");
      await page.getByRole("link", { name: /^1\. / }).click();
      const file = await download(page, () => page.getByRole("button", { name: /Export this plan|导出此计划/ }).click());
      await page.getByRole("link", { name: /Back to the library|返回计划库/ }).click();
      await expectAccessible(page, "library with plans");
      await importFile(page, file.name, file.text);
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectAccessible(page, "import dialog");
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toHaveCount(0);
      await page.getByRole("button", { name: /Delete|删除/ }).first().click();
      await page.getByRole("link", { name: /Trash|回收站/ }).click();
      await expectAccessible(page, "trash");
    });
  });
}
