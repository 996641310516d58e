// Goals, KPIs, check-ins, decomposition, dashboard and reviews, with a
// pinned "today" so pace and status are known.
const { test, expect } = require("@playwright/test");
const { open, createPlan, saved } = require("./helpers");

const TODAY = new Date("2027-02-15T10:00:00+08:00");

/** The goal card titled `title`. */
const goalCard = (page, title) => page.locator(".goal-card").filter({ has: page.getByRole("heading", { name: title }) });
/** The KPI row named `name`. */
const kpiRow = (page, name) => page.locator(".kpi-row").filter({ has: page.getByRole("button", { name }) });

async function addKpi(card, catalogueName, [baseline, target, challenge]) {
  await card.getByRole("button", { name: "Add a KPI" }).click();
  await card.getByLabel("Start from a common KPI").selectOption({ label: catalogueName });
  await card.getByLabel("Baseline").fill(baseline);
  await card.getByLabel("Target").fill(target);
  await card.getByLabel("Challenge").fill(challenge);
  await card.getByRole("button", { name: "Save KPI" }).click();
}

async function checkIn(row, date, value) {
  await row.getByLabel("Date").fill(date);
  await row.getByLabel("Actual", { exact: true }).fill(value);
  await row.getByRole("button", { name: "Record", exact: true }).click();
}

test("goals and KPIs: levels checked, check-ins move completion and status, a split drives pace, a review is written and printed", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await createPlan(page, "Q1 2027 goals");
  await expect(page.locator(".page-sub")).toContainText("1 Jan 2027 – 31 Mar 2027");
  await page.getByRole("link", { name: "3. Goals" }).click();

  // A goal in the acquisition dimension.
  const acquisition = page.locator("section.dimension").filter({ has: page.getByRole("heading", { name: "Acquisition efficiency" }) });
  await acquisition.getByRole("button", { name: "Add a goal" }).click();
  await page.getByRole("button", { name: "Save goal" }).click();
  await expect(page.getByText("Please name the goal.")).toBeVisible();
  await page.getByRole("textbox", { name: "Goal", exact: true }).fill("Qualified leads +30%");
  await page.getByLabel("Owner").fill("Li Na");
  await page.getByLabel(/Measurable/).check();
  await page.getByRole("button", { name: "Save goal" }).click();
  const card = goalCard(page, "Qualified leads +30%");
  await expect(card).toContainText("Owner: Li Na");
  await expect(card).toContainText("SMART 1/5");

  // A KPI: text in a number field, then levels out of order, are explained.
  await card.getByRole("button", { name: "Add a KPI" }).click();
  await card.getByLabel("Start from a common KPI").selectOption({ label: "Qualified leads" });
  await card.getByLabel("Baseline").fill("2000");
  await card.getByLabel("Target").fill("lots");
  await card.getByLabel("Challenge").fill("3000");
  await card.getByRole("button", { name: "Save KPI" }).click();
  await expect(card.getByText("“lots” is not a number. Enter digits only, e.g. 1,200 or 12.5.")).toBeVisible();
  await card.getByLabel("Target").fill("1,500");
  await card.getByRole("button", { name: "Save KPI" }).click();
  await expect(card.getByText("For higher-is-better, baseline ≤ target ≤ challenge.")).toBeVisible();
  await card.getByLabel("Target").fill("2,600");
  await card.getByRole("button", { name: "Save KPI" }).click();
  await expect(kpiRow(page, "Qualified leads")).toContainText("Baseline 2,000 · Target 2,600 · Challenge 3,000");
  await expect(kpiRow(page, "Qualified leads")).toContainText("No data");

  // A lower-is-better KPI.
  await addKpi(card, "Customer acquisition cost (CAC)", ["130", "100", "85"]);
  await expect(kpiRow(page, "Customer acquisition cost (CAC)")).toContainText("Baseline ¥130 · Target ¥100 · Challenge ¥85");

  // Check-ins. Leads: 1,000 by 14 Feb against 1,300 expected → 76.9%: off track.
  const leads = kpiRow(page, "Qualified leads");
  await leads.locator(".kpi-toggle").click();
  await leads.getByLabel("Actual", { exact: true }).fill("a thousand");
  await leads.getByRole("button", { name: "Record", exact: true }).click();
  await expect(leads.getByText("“a thousand” is not a number.", { exact: false })).toBeVisible();
  await checkIn(leads, "2027-02-14", "1000");
  await expect(leads.locator(".kpi-row-figures")).toContainText("Of the period target: 38.5%");
  await expect(leads.locator(".kpi-row-figures")).toContainText("Off track");
  // 1,300 by 15 Feb against 1,328.9 expected → 97.8%: at risk.
  await checkIn(leads, "2027-02-15", "1300");
  await expect(leads.locator(".kpi-row-figures")).toContainText("Of the period target: 50.0%");
  await expect(leads.locator(".kpi-row-figures")).toContainText("At risk");
  await expect(leads.locator(".kpi-card .figures")).toContainText("1,300 (15 Feb 2027)");

  // CAC 95 on 10 Feb: better than the 116.3 expected, and beats the target.
  const cac = kpiRow(page, "Customer acquisition cost (CAC)");
  await cac.locator(".kpi-toggle").click();
  await checkIn(cac, "2027-02-10", "95");
  await expect(cac.locator(".kpi-row-figures")).toContainText("Of the period target: 105.3%");
  await expect(cac.locator(".kpi-row-figures")).toContainText("On track");
  await expect(cac.locator(".kpi-card")).toContainText("Target reached");

  // A manual split that does not add up is refused as a split…
  await leads.locator(".kpi-toggle").click();
  await leads.getByLabel("Method").selectOption("manual");
  for (const [i, v] of ["1000", "1000", "1000"].entries()) await leads.locator(`input[id$="-part-${i}"]`).fill(v);
  await leads.getByRole("button", { name: "Split", exact: true }).click();
  await expect(leads.locator(".dec-check")).toHaveText("The parts add up to 3,000, not 2,600 (off by 400): not a valid split, so pace stays a straight line.");
  // …a weighted one (a March sprint) adds up and sets the pace: 650 + 348.2 expected by 15 Feb.
  await leads.getByLabel("Method").selectOption("weighted");
  await leads.getByLabel(/Weights/).fill("1, 1, 2");
  await leads.getByRole("button", { name: "Split", exact: true }).click();
  await expect(leads.locator(".dec-check")).toHaveText("The parts add up to 2,600, the whole target.");
  await expect(leads.locator(".parts")).toContainText("1/2027650");
  await expect(leads.locator(".kpi-row-figures")).toContainText("On track");

  // The dashboard.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByText("As of 15 Feb 2027")).toBeVisible();
  await expect(page.locator(".status-counts")).toContainText("On track2");
  await expect(page.getByText("No KPI is off track or at risk.")).toBeVisible();
  await expect(page.locator(".kpi-card")).toHaveCount(2);
  // Thresholds read as percentages; stricter ones re-grade the KPIs.
  await expect(page.getByLabel("On track at (% of expected)")).toHaveValue("100");
  await expect(page.getByLabel("At risk at (% of expected)")).toHaveValue("85");
  await page.getByLabel("At risk at (% of expected)").fill("160");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("The at-risk threshold must be above 0 and not above the on-track one.")).toBeVisible();
  await page.getByLabel("On track at (% of expected)").fill("150");
  await page.getByLabel("At risk at (% of expected)").fill("95");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.locator(".status-counts")).toContainText("At risk2");
  await expect(page.locator(".attention")).toContainText("Qualified leads");
  await page.keyboard.press("Control+z");
  await expect(page.locator(".status-counts")).toContainText("On track2");

  // A monthly review of January.
  await page.getByRole("link", { name: "8. Performance evaluation" }).click();
  await expect(page.getByLabel("Period")).toHaveValue("0");
  await page.getByRole("button", { name: "Create review" }).click();
  await expect(page.getByRole("heading", { name: "Monthly review · 1/2027" })).toBeVisible();
  const table = page.locator(".review-table");
  await expect(table.locator("tbody tr").first()).toContainText(/^Qualified leads.*650/);
  await page.getByLabel("Highlights").fill("Webinar leads beat the plan.");
  await page.getByLabel("Cause · Qualified leads").fill("Feed ads paused for two weeks");
  await page.getByLabel("Lesson", { exact: true }).fill("Call grade-A leads within 48 hours");
  await page.getByRole("button", { name: "Add lesson" }).click();
  await expect(page.locator(".lesson-list")).toContainText("Keep doing (SOP)Call grade-A leads within 48 hours");

  // Print preview: only the review, no navigation.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".chapter-nav")).toBeHidden();
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(table).toBeVisible();
  await expect(page.getByRole("button", { name: "Print review" })).toBeHidden();
  await page.emulateMedia({ media: "screen" });

  // Everything is there after a reload.
  await saved(page);
  await page.reload();
  await expect(page.getByLabel("Highlights")).toHaveValue("Webinar leads beat the plan.");
  await expect(page.getByLabel("Cause · Qualified leads")).toHaveValue("Feed ads paused for two weeks");
  await page.getByRole("link", { name: "Back to reviews" }).click();
  await expect(page.locator(".lesson-list").first()).toContainText("Call grade-A leads within 48 hours");
  await page.getByRole("link", { name: "3. Goals" }).click();
  await expect(kpiRow(page, "Qualified leads").locator(".kpi-row-figures")).toContainText("On track");
  await expect(kpiRow(page, "Customer acquisition cost (CAC)")).toBeVisible();
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("the sample plan's dashboard is alive, and a bad check-in is explained in Chinese", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2026-11-23T10:00:00+08:00"));
    await open(page);
    await page.getByRole("button", { name: "打开示例计划" }).first().click();
    await page.getByRole("link", { name: "计划概览" }).click();
    await expect(page.getByText("截至 2026年11月23日")).toBeVisible();
    await expect(page.getByRole("heading", { name: "计划总分" })).toBeVisible();
    await expect(page.locator(".attention")).toContainText("有效线索数");
    await page.getByRole("link", { name: "3. 市场管理目标" }).click();
    const leads = kpiRow(page, "有效线索数");
    await leads.locator(".kpi-toggle").click();
    await leads.getByLabel("实际值", { exact: true }).fill("很多");
    await leads.getByRole("button", { name: "记录", exact: true }).click();
    await expect(leads.getByText("“很多”不是数字。请只输入数字，例如 1,200 或 12.5。")).toBeVisible();
    await page.getByRole("link", { name: "8. 绩效评估与持续改进" }).click();
    await expect(page.getByRole("link", { name: "月度复盘 · 2026年10月" })).toBeVisible();
    await expect(page.getByText("新品话题先由 KOL 种草，再做品牌号发布。")).toBeVisible();
  });
});

test("a plan with many KPIs shows its dashboard at once, draws what is in view, and the rest when scrolled to or printed", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  const id = (n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
  const goals = [0, 1, 2].map((g) => ({
    id: id(1000 + g),
    dimension: "revenue",
    title: `Goal ${g}`,
    kpis: Array.from({ length: 30 }, (_, k) => ({
      id: id(g * 100 + k + 1),
      name: `KPI ${g}-${k}`,
      unit: "count",
      baseline: 0,
      target: 100,
      challenge: 150,
      check_ins: [{ id: id(5000 + g * 100 + k), date: "2027-02-01", value: 40 + k }],
    })),
  }));
  const file = {
    format: "marketplan.plan-file", schema_version: 2, app_version: "test", exported_at: "2027-02-15T00:00:00Z", kind: "plan",
    plans: [{ id: id(9999), name: "Ninety KPIs", period: { kind: "quarter", start: "2027-01-01", end: "2027-03-31" },
      created_at: "2027-01-01T00:00:00Z", updated_at: "2027-01-01T00:00:00Z", goals }],
  };
  await open(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Import a plan file" }).click();
  await (await chooser).setFiles({ name: "ninety.mplan.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await page.getByRole("link", { name: "Ninety KPIs" }).click();
  await expect(page.getByText("As of 15 Feb 2027")).toBeVisible();
  await expect(page.locator(".kpi-card")).toHaveCount(90);
  // The first 48 cards are drawn at once; the last batch waits off screen.
  await expect(page.locator(".kpi-card h3").first()).toHaveText("KPI 0-0");
  await expect(page.locator(".kpi-card img.kpi-chart").nth(47)).toBeAttached();
  await expect(page.locator(".kpi-card-pending").last()).toBeAttached();
  // Scrolled to the end, the cards there are drawn.
  await page.locator(".kpi-card").last().scrollIntoViewIfNeeded();
  await expect(page.locator(".kpi-card h3").last()).toHaveText("KPI 2-29");
  // Before printing, every card is drawn.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator(".kpi-card-pending")).toHaveCount(0);
  await expect(page.locator(".kpi-card img.kpi-chart")).toHaveCount(90);
});
