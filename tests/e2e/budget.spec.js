// The budget end to end, with a pinned "today": a total and reserve with
// its warning, lines and their splits, payments and variance, approvals
// routed by amount and dated in working days, channel ROI and an accepted
// reallocation, the Excel export read back by exceljs (an independent
// reader), bad input refused in place, a reload, and the views in Chinese.
const { test, expect } = require("@playwright/test");
const ExcelJS = require("exceljs");
const fs = require("node:fs");
const path = require("node:path");
const { open, createPlan, saved, download, importFile } = require("./helpers");

// Thursday 26 November 2026.
const TODAY = new Date("2026-11-26T10:00:00+08:00");
const figure = (page, label) => page.locator(".budget-figure", { hasText: label }).locator("dd");

/** Types into a field and leaves it, as a user does. */
async function enter(locator, text) {
  await locator.fill(text);
  await locator.press("Tab");
}

test("a budget from scratch: splits, reserve, payments, approvals, reallocation, Excel and reload", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  // A new plan covers this quarter: 1 Oct to 31 Dec 2026.
  await createPlan(page, "Q4 budget");
  await expect(page.locator(".page-sub")).toContainText("1 Oct 2026 – 31 Dec 2026");
  await page.getByRole("link", { name: /^6\. Budget and resources/ }).click();
  await expect(page.getByText("No budget lines yet.")).toBeVisible();

  // The total: text is refused beside the field and nothing changes.
  await enter(page.locator("#budget-total"), "half a million");
  await expect(page.locator("#budget-total-error")).toHaveText(
    "“half a million” is not an amount. Use digits, e.g. 12000 or 1,200.50."
  );
  await expect(figure(page, "Total budget")).toHaveText("¥0.00");
  // What was typed stays in the field to be corrected, even as the page saves.
  await saved(page);
  await expect(page.locator("#budget-total")).toHaveValue("half a million");
  await enter(page.locator("#budget-total"), "500,000");
  await expect(figure(page, "Total budget")).toHaveText("¥500,000.00");
  await expect(page.locator("#budget-total-error")).toHaveCount(0);

  // A 5% reserve is below a normal plan's 10-15%.
  await enter(page.locator("#budget-reserve"), "5");
  await expect(page.locator("#reserve-check")).toHaveText("Below the band");
  await expect(page.locator(".budget-flags")).toContainText(
    "The reserve is 5.0% of the total; a normal plan usually keeps 10.0%–15.0%."
  );
  await enter(page.locator("#budget-reserve"), "12");
  await expect(page.locator("#reserve-check")).toHaveText("Within the band");
  await expect(figure(page, "Reserve (12.0%)")).toHaveText("¥60,000.00");

  // Two lines: search ads online, a trade show offline.
  await page.getByRole("button", { name: "Add a line" }).click();
  await enter(page.locator("#line-name-1"), "Search ads");
  await enter(page.locator("#line-amount-1"), "300000");
  await page.getByRole("button", { name: "Add a line" }).click();
  await enter(page.locator("#line-name-2"), "Trade show");
  await enter(page.locator("#line-amount-2"), "100000");
  await page.locator("#line-reach-2").selectOption("offline");
  await page.locator("#line-category-2").selectOption("events");
  await expect(figure(page, "Planned in lines")).toHaveText("¥400,000.00");
  // A negative amount is refused and the line keeps its 100,000.
  await enter(page.locator("#line-amount-2"), "-5");
  await expect(page.locator("#line-amount-2-error")).toHaveText(
    "Amounts cannot be negative: enter spending as a positive sum."
  );
  await expect(figure(page, "Planned in lines")).toHaveText("¥400,000.00");

  // Splits: 75% online against the intended 60%.
  await page.getByRole("link", { name: "Splits", exact: true }).click();
  const online = page.locator("tr", { has: page.locator("#split-channel-online") });
  await expect(online).toContainText("75.0%");
  await expect(online).toContainText("+15.0 pp");
  await enter(page.locator("#split-channel-online"), "70");
  await expect(page.locator(".split-card", { hasText: "Online / offline" })).toContainText(
    "Adds up to 110.0%: cannot be met"
  );
  await expect(page.locator(".budget-flags")).toContainText("The intended split by online / offline adds up to 110.0%");
  await enter(page.locator("#split-channel-online"), "60");

  // Payments: one after the quarter is refused; one overspends the line.
  await page.getByRole("link", { name: "Planned vs actual", exact: true }).click();
  await page.locator("#payment-line").selectOption({ label: "Search ads" });
  await page.locator("#payment-date").fill("2027-01-05");
  await page.locator("#payment-amount").fill("1000");
  await page.getByRole("button", { name: "Add payment" }).click();
  await expect(page.locator("#payment-error")).toHaveText(
    "That date is outside the plan period: payments must fall within it."
  );
  await page.locator("#payment-date").fill("2026-11-20");
  await page.locator("#payment-amount").fill("320,000");
  await page.locator("#payment-note").fill("Baidu, October");
  await page.getByRole("button", { name: "Add payment" }).click();
  await expect(page.locator("#payments-table")).toContainText("Baidu, October");
  const search = page.locator("#variance-table tr", { hasText: "Search ads" });
  await expect(search).toContainText("¥320,000.00");
  await expect(search).toContainText("¥20,000.00");
  await expect(search).toContainText("106.7%");
  await expect(page.locator(".budget-flags")).toContainText("“Search ads” is over budget: ¥320,000.00 spent of ¥300,000.00.");
  await page.locator("#payment-line").selectOption({ label: "Trade show" });
  await page.locator("#payment-amount").fill("50000");
  await page.getByRole("button", { name: "Add payment" }).click();
  await expect(page.locator("#payments-table tbody tr")).toHaveCount(2);

  // Approvals: 300,000 goes to the general manager, 3 working days from
  // Thursday 26 Nov: 27 Nov, 30 Nov, 1 Dec. 100,000 exactly stays with the
  // marketing director, 1 working day.
  await page.getByRole("link", { name: "Lines", exact: true }).click();
  await page.locator("#submit-line-1").click();
  await page.locator("#submit-line-2").click();
  await page.getByRole("link", { name: "Approvals", exact: true }).click();
  const first = page.locator("#request-1");
  await expect(first.locator(".request-approver")).toHaveText("General manager");
  await expect(first.locator(".request-due")).toContainText("1 Dec 2026");
  await expect(first.locator(".request-due")).toContainText("3 working days after submission");
  const second = page.locator("#request-2");
  await expect(second.locator(".request-approver")).toHaveText("Marketing director");
  await expect(second.locator(".request-due")).toContainText("27 Nov 2026");
  // Overlapping tiers are refused beside the table; the old ones stay.
  await enter(page.locator("#tier-2-up-to"), "50000");
  await expect(page.locator("#tiers-error")).toHaveText(
    "Tier 2's ceiling must be above the tier before it, or the two overlap."
  );
  await expect(second.locator(".request-approver")).toHaveText("Marketing director");
  // A day off on Friday moves the director's decision to Monday.
  await page.locator("#own-day").fill("2026-11-27");
  await page.getByRole("button", { name: "Add a day off" }).click();
  await expect(second.locator(".request-due")).toContainText("30 Nov 2026");
  await page.locator("#approve-request-2").click();
  await expect(second).toContainText("Approved");
  // The printable sheet.
  await first.getByRole("link", { name: "Approval sheet" }).click();
  await expect(page.getByRole("heading", { name: "Spending approval sheet" })).toBeVisible();
  await expect(page.locator(".sheet-table")).toContainText("General manager");
  await expect(page.locator(".sheet-table")).toContainText("¥300,000.00");
  await page.getByRole("link", { name: "Back to approvals" }).click();

  // Channels: search returns 0.5 on what it cost, the trade show 8.
  await page.getByRole("link", { name: "Channel ROI", exact: true }).click();
  await page.getByRole("button", { name: "Add a channel" }).click();
  await enter(page.locator("#channel-name-1"), "Search");
  await page.getByRole("button", { name: "Add a channel" }).click();
  await enter(page.locator("#channel-name-2"), "Events");
  await page.getByRole("link", { name: "Lines", exact: true }).click();
  await page.locator("#line-channel-1").selectOption({ label: "Search" });
  await page.locator("#line-channel-2").selectOption({ label: "Events" });
  await page.getByRole("link", { name: "Channel ROI", exact: true }).click();
  await enter(page.locator("#channel-revenue-1"), "160000");
  await enter(page.locator("#channel-revenue-2"), "400000");
  await enter(page.locator("#channel-customers-1"), "many");
  await expect(page.locator("section", { has: page.locator("#channel-table") }).getByRole("alert")).toHaveText(
    "“many” is not a whole number."
  );
  await expect(page.locator("#channel-roi-1")).toHaveText("0.5");
  await expect(page.locator("#channel-roi-2")).toHaveText("8");
  await expect(page.locator("#advice-list")).toContainText("Search: ROI 0.5 is below 1: move budget away.");
  await expect(page.locator("#advice-list")).toContainText("Events: ROI 8 is above 3: a candidate to grow.");

  // Move 100,000 from search to the trade show; the total stays 400,000.
  await page.locator("#realloc-amount").fill("100000");
  await page.getByRole("button", { name: "Propose" }).click();
  const proposal = page.locator("#realloc-proposal");
  await expect(proposal).toContainText("¥100,000.00 moves.");
  await expect(proposal.locator("tr", { hasText: "Search ads" })).toContainText("¥200,000.00");
  await proposal.getByRole("button", { name: "Accept as new planned amounts" }).click();
  await expect(page.getByText("New planned amounts saved.")).toBeVisible();
  await page.getByRole("link", { name: "Lines", exact: true }).click();
  await expect(page.locator("#line-amount-1")).toHaveValue("200000");
  await expect(page.locator("#line-amount-2")).toHaveValue("200000");
  await expect(figure(page, "Planned in lines")).toHaveText("¥400,000.00");
  await saved(page);

  // The workbook, opened by another reader: sheets, text, numbers, formats.
  const file = await download(page, () => page.getByRole("button", { name: "Export Excel (XLSX)" }).click());
  expect(file.name).toBe("Q4 budget.xlsx");
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file.path);
  expect(book.worksheets.map((s) => s.name)).toEqual(["Budget lines", "Splits", "Payments", "Approvals", "Channels"]);
  const lines = book.getWorksheet("Budget lines");
  expect(lines.getCell("A1").value).toBe("Line");
  expect(lines.getCell("A2").value).toBe("Search ads");
  expect(lines.getCell("B2").value).toBe(200000);
  expect(lines.getCell("B2").numFmt).toContain("¥");
  expect(lines.getCell("C2").value).toBe(320000);
  expect(lines.getCell("D2").value).toBe(120000);
  const payments = book.getWorksheet("Payments");
  expect(payments.getCell("A2").value).toBeInstanceOf(Date);
  expect(payments.getCell("D2").value).toBe("Baidu, October");
  const approvals = book.getWorksheet("Approvals");
  expect(approvals.getCell("C2").value).toBe("General manager");
  expect(book.getWorksheet("Channels").getCell("F2").value).toBe(0.5);

  // The CSV of the lines, with a BOM for Excel.
  const csv = await download(page, () => page.getByRole("button", { name: "Export lines (CSV)" }).click());
  expect(csv.text.startsWith("\uFEFFLine,Planned,Spent,Variance")).toBe(true);
  expect(csv.text).toContain("\r\nSearch ads,200000,320000,120000,160.0%,Content,Search,");

  // Everything is still there after a reload.
  await page.reload();
  await expect(page.locator("#line-name-2")).toHaveValue("Trade show");
  await expect(page.locator("#line-amount-1")).toHaveValue("200000");
  await expect(figure(page, "Spent")).toHaveText("¥370,000.00");

  // In Chinese, amounts in 万元.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { name: "6. 预算与资源配置" })).toBeVisible();
  await page.getByLabel("以万元显示金额").check();
  await expect(figure(page, "总预算")).toHaveText("50万元");
  await page.getByRole("link", { name: "审批", exact: true }).click();
  await expect(page.locator("#request-1 .request-approver")).toHaveText("总经理");
  // With Friday 27 Nov off, the general manager's three days end on 2 Dec.
  await expect(page.locator("#request-1")).toContainText("2026年12月2日");
});

test("an imported budget that does not add up opens and is flagged", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  const doc = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/v4-sample.mplan.json"), "utf8"));
  const budget = doc.plans[0].budget;
  budget.lines[0].amount = -20000000;
  budget.lines[1].actuals[0].date = "2025-10-14";
  budget.splits.channel.online = 7000;
  await importFile(page, "odd budget.mplan.json", JSON.stringify(doc));
  await page.getByRole("link", { name: /Marketing department plan/ }).first().click();
  await page.getByRole("link", { name: /^6\. Budget and resources/ }).click();
  const flags = page.locator(".budget-flags");
  await expect(flags).toContainText("“Search ads” has a negative amount (from a file); correct it.");
  await expect(flags).toContainText("“Douyin feed ads” has a payment dated 14 Oct 2025, outside the plan period");
  await expect(flags).toContainText("adds up to 110.0%, not 100%");
  // Nothing was dropped: nine lines, five channels.
  await expect(page.locator("[id^=line-name-]")).toHaveCount(9);
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the sample's budget: advice of every kind and an overdue approval", async ({ page }) => {
    await page.clock.setFixedTime(TODAY);
    await open(page);
    await page.getByRole("button", { name: "打开示例计划" }).first().click();
    await page.getByRole("link", { name: /^6\. 预算与资源配置/ }).click();
    await expect(page.locator(".budget-flags")).toContainText("现已逾期");
    await page.getByRole("link", { name: "渠道效果", exact: true }).click();
    const advice = page.locator("#advice-list");
    for (const words of ["建议撤出预算", "可考虑削减", "可考虑加投", "建议暂停", "建议追加预算"]) {
      await expect(advice).toContainText(words);
    }
  });
});
