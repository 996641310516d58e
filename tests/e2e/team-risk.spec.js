// Chapter 6's team and chapter 7's risks, end to end on the sample plan:
// a position added and a reporting loop refused with its positions named;
// the org chart; a RACI row broken and mended; training sessions in the
// calendar file (read by ical.js); a risk triggered by a KPI check-in
// shown on the dashboard; an incident with its response clocks; delete and
// Undo; a reload; axe-core on every view in both languages.
const { test, expect } = require("@playwright/test");
const ICAL = require("ical.js");
const { open, saved, download, expectAccessible } = require("./helpers");

// Thursday 26 November 2026, 10:00 in Shanghai (the tests' time zone).
const TODAY = new Date("2026-11-26T10:00:00+08:00");

const teamView = (page, name) => page.getByRole("navigation", { name: /Team views|团队视图/ }).getByRole("link", { name, exact: true });
const riskView = (page, name) => page.getByRole("navigation", { name: /Risk management views|风险管理视图/ }).getByRole("link", { name, exact: true });

async function openSample(page) {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await page.getByRole("button", { name: /Open the sample plan|打开示例计划/ }).first().click();
  await expect(page.locator("h1.plan-title")).toBeVisible();
}

test("positions, a refused loop, the org chart, a RACI rule broken and mended, training in the calendar", async ({ page }) => {
  test.setTimeout(90_000);
  await openSample(page);
  await page.getByRole("link", { name: "Team and roles" }).click();
  await expect(page.getByRole("heading", { name: "6. Budget and resources: the team" })).toBeFocused();
  await expect(page.locator(".headcount-table")).toContainText("Content");

  // A new position under the conference specialist, vacant.
  await page.getByLabel("New position (title)").fill("Event intern");
  await page.getByRole("button", { name: "Add position" }).click();
  const holder = page.locator(":focus");
  const id = (await holder.getAttribute("id")).replace(/^position-|-holder$/g, "");
  const item = page.locator(`#position-${id}`);
  await expect(item).toContainText("Vacant");
  await item.getByLabel("Reports to").selectOption({ label: "Conference specialist" });
  await saved(page);

  // The market manager cannot report to the intern: the loop is named.
  const manager = page.locator(".position-item").first();
  await manager.getByLabel("Reports to").selectOption({ label: "Event intern" });
  await expect(page.locator("#team-error")).toHaveText(
    "Market manager cannot report there: the reporting line would go round in a loop (Market manager → Event intern → Conference specialist → Market manager).",
  );
  await expect(manager.getByLabel("Reports to")).toHaveValue("");

  // The chart counts the intern under the conference specialist.
  await teamView(page, "Org chart").click();
  await expect(page.locator("svg.org-chart")).toContainText("Qian Yu · 1 under (1 vacant)");
  await expect(page.locator("svg.org-chart")).toContainText("Wang Min · 12 under (3 vacant)");
  await expectAccessible(page, "org chart");

  // RACI: a second A breaks the first row's rule; clearing it mends it.
  await teamView(page, "RACI and workload").click();
  await expect(page.locator("#raci-summary")).toHaveText("2 tasks break a rule; 10 tasks have nobody assigned yet.");
  // Thirteen positions now: the matrix shows one group's at a time.
  await expect(page.getByLabel("Positions shown as columns")).toHaveValue(/.+-.+/);
  await page.getByLabel("Positions shown as columns").selectOption({ label: "All positions" });
  const first = page.locator(".raci-table tbody tr").first();
  await expect(first.locator(".raci-check")).toHaveText("Rules met");
  await first.getByLabel("Set theme and purpose × Content lead").selectOption("A");
  await expect(first.locator(".raci-check")).toContainText("2 positions are accountable (A): exactly one should be.");
  await expect(page.locator("#raci-summary")).toContainText("3 tasks break a rule");
  await first.getByLabel("Set theme and purpose × Content lead").selectOption("");
  await expect(first.locator(".raci-check")).toHaveText("Rules met");

  // Training: the sample's sessions, one skipped in chapter 5's meeting list.
  await teamView(page, "Training").click();
  await expect(page.getByText("Training sessions in the plan period (4)")).toBeVisible();
  await page.getByRole("link", { name: "Move or skip a session in the meeting list" }).click();
  const session = page.locator("li.meeting").filter({ hasText: "External training (quarterly)" });
  await session.getByRole("button", { name: "Skip" }).click();
  await expect(session).toContainText("Skipped");

  // The calendar file carries the sessions, the skipped one cancelled.
  await page.getByRole("link", { name: "Tasks", exact: true }).click();
  const ics = await download(page, () => page.getByRole("button", { name: "Export calendar (.ics)" }).click());
  const calendar = new ICAL.Component(ICAL.parse(ics.text));
  const events = calendar.getAllSubcomponents("vevent");
  const training = events.filter((v) => /training/.test(v.getFirstPropertyValue("summary")));
  expect(training).toHaveLength(4);
  const external = training.find((v) => v.getFirstPropertyValue("summary") === "External training (quarterly)");
  expect(external.getFirstPropertyValue("status")).toBe("CANCELLED");
  expect(external.getFirstPropertyValue("dtstart").toString()).toBe("2026-11-20T09:30:00");

  // Everything survives a reload.
  await saved(page);
  await page.reload();
  await page.getByRole("link", { name: "Team and roles" }).click();
  await expect(page.locator(`#position-${id}`).getByLabel("Reports to")).toHaveValue(/.+/);
  await expect(page.locator(`#position-${id}`).getByLabel("Position")).toHaveValue("Event intern");
});

test("a risk triggered by a KPI check-in shows on the dashboard; an incident runs its clocks; delete and undo; reload", async ({ page }) => {
  test.setTimeout(90_000);
  await openSample(page);
  await page.getByRole("link", { name: /^7\. / }).click();
  await expect(page.getByRole("heading", { name: "7. Risk management" })).toBeFocused();
  await expect(page.locator("#risk-summary")).toContainText("1 triggered;");

  // A budget risk, started from its category's suggested response.
  await page.getByLabel("Category", { exact: true }).first().selectOption({ label: "Budget overrun" });
  await page.getByRole("button", { name: "Add risk" }).click();
  await expect(page.locator("#new-risk-error")).toHaveText("Describe the risk: the description cannot be empty.");
  await page.getByLabel("Description", { exact: true }).first().fill("CAC runs away <script>x</script>");
  await page.getByRole("button", { name: "Add risk" }).click();
  const risk = page.locator(".risk-item").last();
  await expect(risk.getByLabel("Response plan")).toHaveValue(/Check spend weekly against the lines/);
  await risk.getByLabel("Likelihood", { exact: true }).selectOption("4");
  await risk.getByLabel("Impact", { exact: true }).selectOption("4");
  await expect(risk.locator(".band-tag")).toHaveText("Score 16 · High");
  await risk.getByLabel("Trigger on a KPI").selectOption({ label: "Customer acquisition cost (CAC)" });
  await risk.getByLabel("Triggers when above").fill("150");
  await risk.getByLabel("Triggers when above").press("Tab");
  await expect(risk.getByLabel("Triggers when above")).toHaveValue("150");
  await risk.getByLabel("Triggers when above").fill("a lot");
  await risk.getByLabel("Triggers when above").press("Tab");
  await expect(risk).toContainText("“a lot” is not a number");
  await risk.getByLabel("Triggers when above").fill("150");
  await risk.getByLabel("Triggers when above").press("Tab");
  await expect(risk.locator(".risk-crossing")).toHaveCount(0);

  // A check-in of 180 today crosses it: triggered, on the dashboard too.
  await page.getByRole("link", { name: /^3\. / }).click();
  const cac = page.locator(".kpi-row").filter({ has: page.getByRole("button", { name: "Customer acquisition cost (CAC)" }) });
  await cac.locator(".kpi-toggle").click();
  await cac.getByLabel("Date").fill("2026-11-26");
  await cac.getByLabel("Actual", { exact: true }).fill("180");
  await cac.getByRole("button", { name: "Record", exact: true }).click();
  await page.getByRole("link", { name: "Dashboard" }).click();
  const alerts = page.locator(".risk-alerts");
  await expect(alerts).toContainText("CAC runs away <script>x</script> (Customer acquisition cost (CAC)) Triggered by the check-in of 26 Nov 2026: 180");
  await expect(page.locator("script", { hasText: "x" })).toHaveCount(0);
  await alerts.getByRole("link", { name: "Risks triggered by a KPI" }).click();
  await expect(page.locator(".risk-item").last().locator(".risk-crossing")).toHaveText("Triggered by the check-in of 26 Nov 2026: 180");
  await expect(page.locator("#risk-summary")).toContainText("2 triggered;");

  // An incident of it, started yesterday at 17:00: working-time clocks.
  await riskView(page, "Incidents and response clocks").click();
  await page.getByLabel("Risk", { exact: true }).selectOption({ label: "CAC runs away <script>x</script>" });
  await page.getByLabel("Started").first().fill("2026-11-25T17:00");
  await page.getByLabel("Started").first().press("Tab");
  await page.getByRole("button", { name: "Log incident" }).click();
  const incident = page.locator(".incident-item").first();
  const contain = incident.locator("tbody tr").first();
  // 4 working hours from Wednesday 17:00: 1 h Wednesday, 3 h Thursday → 12:00.
  await expect(contain.locator(".step-due")).toHaveText("26 Nov 2026 12:00");
  await expect(contain.locator(".step-state")).toHaveText("2 h 0 min left");
  // The same limit on the wall clock ran out at 21:00 yesterday.
  await contain.getByLabel("Counted in").selectOption({ label: "Wall-clock time" });
  await expect(contain.locator(".step-due")).toHaveText("25 Nov 2026 21:00");
  await expect(contain.locator(".step-state")).toHaveText("Overdue by 13 h 0 min");
  await contain.getByRole("button", { name: "Mark “Contain: first action” done now" }).click();
  await expect(contain.locator(".step-state")).toHaveText("Done late 26 Nov 2026 10:00, took 17 h 0 min");

  // Deleting the risk keeps its incident (it happened) and Undo restores it.
  await riskView(page, "Risk register").click();
  await page.locator(".risk-item").last().getByRole("button", { name: "Delete: R9" }).click();
  await expect(page.getByText("Risk register (8)")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).first().click();
  await expect(page.getByText("Risk register (9)")).toBeVisible();

  // Everything survives a reload.
  await saved(page);
  await page.reload();
  await page.getByRole("link", { name: /^7\. / }).click();
  await expect(page.locator(".risk-item").last().getByLabel("Description")).toHaveValue("CAC runs away <script>x</script>");
  await riskView(page, "Incidents and response clocks").click();
  await expect(page.getByText("Incidents (2)")).toBeVisible();
});

test("in Chinese: the org chart, the RACI rule, the heat map and the register read in Chinese; axe on every view in both languages", async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await page.locator(".lang-switch.wide-only button[lang='zh-CN']").click();
  await page.getByRole("button", { name: "打开示例计划" }).first().click();
  await page.getByRole("link", { name: "团队与岗位" }).click();
  await expect(page.getByRole("heading", { name: "6. 预算与资源配置：团队" })).toBeVisible();
  await teamView(page, "组织架构图").click();
  await expect(page.locator("svg.org-chart")).toContainText("王敏 · 下属 11 人（空缺 2）");
  await teamView(page, "RACI 与工作量").click();
  await expect(page.locator(".raci-table")).toContainText("有 2 个岗位为批准人（A）：只能有一个。");
  await page.getByRole("link", { name: /^7\. / }).click();
  await expect(page.locator(".risk-list")).toContainText("高风险但没有应对预案");
  await riskView(page, "热力图").click();
  await expect(page.locator("figure").first()).toContainText("应对前");
  await expect(page.locator("svg.heat-map").first()).toContainText("R1 R7");

  const views = ["/team", "/team/chart", "/team/raci", "/team/training", "/team/incentives", "/risks", "/risks/heatmap", "/risks/incidents"];
  const plan = (await page.evaluate(() => location.hash)).split("/").slice(0, 3).join("/");
  for (const lang of ["zh-CN", "en"]) {
    if (lang === "en") await page.locator(".lang-switch.wide-only button[lang='en']").click();
    for (const v of views) {
      await page.evaluate((h) => (location.hash = h), plan + v);
      await expect(page.locator(".chapter h2").first()).toBeVisible();
      await page.waitForTimeout(100);
      await expectAccessible(page, `${lang} ${v}`);
    }
  }
});
