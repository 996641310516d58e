// The implementation plan end to end, with a pinned "today": a launch built
// from T, T moved, a refused cycle and a real dependency, reminders, a
// reload, ICS and CSV exports read back (the ICS by ical.js, an independent
// parser), Chinese views, and an imported file with a loop that still opens.
const { test, expect } = require("@playwright/test");
const ICAL = require("ical.js");
const fs = require("node:fs");
const path = require("node:path");
const { open, createPlan, saved, download, importFile } = require("./helpers");

const TODAY = new Date("2026-11-25T10:00:00+08:00");
const rows = (page) => page.locator("tr.task-row");
const startOf = (row) => row.getByLabel(/^Start:/);

test("a launch plan around T: templates, moving T, dependencies, reminders, reload and exports", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await createPlan(page, "Q4 launch");
  await page.getByRole("link", { name: /^5\. Implementation plan/ }).click();
  await expect(page.getByText("No tasks yet.")).toBeVisible();

  // The five-week example needs T; with T on 14 Dec, week 1 starts T-21.
  await expect(page.getByRole("button", { name: "Add to plan" })).toBeDisabled();
  await page.getByLabel("Launch day T").fill("2026-12-14");
  await page.getByRole("button", { name: "Add to plan" }).click();
  await expect(page.getByText("Added 5 tasks.")).toBeVisible();
  await expect(rows(page)).toHaveCount(5);
  await expect(rows(page).nth(0).locator("input.task-title")).toHaveValue("Campaign plan");
  await expect(startOf(rows(page).nth(0))).toHaveValue("2026-11-23");
  await expect(rows(page).nth(0)).toContainText("T-21");
  await expect(rows(page).nth(0)).toContainText("Critical path");

  // Moving T moves every task counted from it.
  await page.getByLabel("Launch day T").fill("2026-12-21");
  await expect(startOf(rows(page).nth(0))).toHaveValue("2026-11-30");
  await expect(startOf(rows(page).nth(3))).toHaveValue("2026-12-21");

  // A dependency that would close a loop is refused, naming the tasks.
  await rows(page).nth(0).getByRole("button", { name: "Details" }).click();
  await page.locator("tr.task-details-row .add-dependency").selectOption({ label: "Launch review" });
  // Said in the task's own row, not above the tabs.
  await expect(rows(page).nth(0).locator("[role=alert]")).toContainText(
    "Refused: the dependencies would go round in a loop (Campaign plan → Campaign materials → Channel warm-up in 10 outlets → Go live → Launch review → Campaign plan)."
  );
  await rows(page).nth(0).getByRole("button", { name: "Hide details" }).click();

  // A new task, renamed, that waits for the materials.
  await page.getByRole("button", { name: "Add task" }).click();
  await expect(rows(page)).toHaveCount(6);
  const press = rows(page).nth(5);
  await press.locator("input.task-title").fill("Press kit");
  await page.locator("tr.task-details-row .add-dependency").selectOption({ label: "Campaign materials" });
  await expect(page.locator("tr.task-details-row .dependency-list")).toContainText("Campaign materials");

  // T on 12 Dec: the campaign plan is due in 2 days. The press kit moved a
  // month back is overdue, and now starts before the materials are done.
  await page.getByLabel("Launch day T").fill("2026-12-12");
  await press.getByRole("checkbox", { name: "Select Press kit" }).check();
  await page.getByLabel("Shift dates by (days)").fill("-30");
  await page.getByRole("button", { name: "Shift", exact: true }).click();
  await expect(page.getByText("Moved 1 task by -30 days.")).toBeVisible();
  await expect(press).toContainText("Starts before “Campaign materials” ends");
  await expect(page.locator(".chapter-link .badge")).toHaveText("2");
  await page.getByRole("link", { name: "Meetings and reminders" }).click();
  const reminders = page.locator("section.reminders");
  await expect(reminders).toContainText("Press kit — 7 days overdue (due 18 Nov 2026)");
  await expect(reminders).toContainText("Campaign plan — due in 2 days (27 Nov 2026)");
  await expect(page.getByText("Meetings in the plan period (17)")).toBeVisible();
  await saved(page);

  // Everything survives a reload.
  await page.reload();
  await page.getByRole("link", { name: "Tasks", exact: true }).click();
  await expect(rows(page)).toHaveCount(6);
  await expect(page.getByLabel("Launch day T")).toHaveValue("2026-12-12");
  await expect(rows(page).nth(5).locator("input.task-title")).toHaveValue("Press kit");

  // The calendar file, read by an independent parser.
  const ics = await download(page, () => page.getByRole("button", { name: "Export calendar (.ics)" }).click());
  expect(ics.name).toBe("Q4 launch.ics");
  const calendar = new ICAL.Component(ICAL.parse(ics.text));
  ICAL.TimezoneService.register(calendar.getFirstSubcomponent("vtimezone"));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(events).toHaveLength(6 + 17);
  const plan = events.find((e) => e.summary === "Campaign plan");
  expect(plan.startDate.isDate).toBe(true);
  expect(plan.startDate.toString()).toBe("2026-11-21");
  expect(plan.endDate.toString()).toBe("2026-11-28");
  expect(plan.description).toContain("Acceptance criterion: Feasibility score ≥ 90");
  const weekly = events.filter((e) => e.summary === "Weekly meeting");
  expect(weekly).toHaveLength(13);
  expect(weekly[0].startDate.zone.tzid).toBe("Asia/Shanghai");
  expect(weekly[0].startDate.toString()).toBe("2026-10-05T09:00:00");
  // 09:00 in Shanghai is 01:00 UTC: the file's time zone definition works.
  expect(new Date(weekly[0].startDate.toUnixTime() * 1000).toISOString()).toBe("2026-10-05T01:00:00.000Z");
  expect(ics.text.split("\r\n").every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  const again = await download(page, () => page.getByRole("button", { name: "Export calendar (.ics)" }).click());
  const uids = (text) => text.split("\r\n").filter((l) => l.startsWith("UID:")).sort();
  expect(uids(again.text)).toEqual(uids(ics.text));

  // The task table as CSV: BOM, header, one line per task.
  const csv = await download(page, () => page.getByRole("button", { name: "Export tasks (CSV)" }).click());
  expect(csv.name).toBe("Q4 launch.csv");
  const bytes = fs.readFileSync(csv.path);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines).toHaveLength(7);
  expect(lines[0]).toBe("No.,Task,Phase,Department,Owner,Start,End,Status,Progress %,Priority,Deliverable,Acceptance criterion,Linked KPI,Depends on,Notes");
  expect(lines[1]).toContain("1,Campaign plan,,Marketing,,2026-11-21,2026-11-27,Not started,0,Medium");
  expect(lines[6]).toContain("6,Press kit,");
  expect(lines[6]).toContain(",Campaign materials,");

  // The same plan in Chinese.
  await page.getByRole("button", { name: "中文" }).click();
  await page.getByRole("link", { name: "甘特图" }).click();
  await expect(page.locator("svg.gantt")).toBeVisible();
  // Titles are the user's text; the chart's own words follow the language.
  await expect(page.locator("svg.gantt")).toContainText("第48周");
  await expect(page.locator("svg.gantt")).toContainText("今天");
  await page.getByRole("link", { name: "营销日历" }).click();
  await expect(page.locator(".calendar-month")).toHaveText("2026年11月");
  await expect(page.locator(".month-grid")).toContainText("双十一");
  await expect(page.locator(".month-grid")).toContainText("09:00 周会");
});

test("an imported file with a dependency loop opens, names the loop, and loses nothing", async ({ page }) => {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/v3-sample.mplan.json"), "utf8"));
  const tasks = fixture.plans[0].implementation.tasks;
  // The first workflow step now waits for the last one: a loop.
  tasks[0].depends_on = [tasks[7].id];
  await importFile(page, "loop.mplan.json", JSON.stringify(fixture));
  await page.getByRole("link", { name: /sample/ }).first().click();
  await page.getByRole("link", { name: /^5\. Implementation plan/ }).click();
  await expect(page.locator(".banner-warning").first()).toContainText("Some tasks depend on each other in a loop: Set theme and purpose →");
  await expect(rows(page)).toHaveCount(tasks.length);
  await expect(rows(page).nth(0)).toContainText("In a dependency loop");
  // The timeline still draws.
  await page.getByRole("link", { name: "Timeline" }).click();
  await expect(page.locator("svg.gantt")).toBeVisible();
});
