// The plan document (issue #16), end to end: the sample plan's eight
// chapters with contents and the completeness check, in both languages;
// print media (page breaks, no app chrome, the plan's name and the page
// number in the margins, a PDF with a page per chapter); the Markdown and
// Word exports, the .docx read back by an independent reader (mammoth and
// JSZip, not the app's writer); a new plan's gaps linking to where they are
// fixed; the phone layout; axe-core on every view.
const { test, expect } = require("@playwright/test");
const mammoth = require("mammoth");
const JSZip = require("jszip");
const fs = require("node:fs");
const { open, download, createPlan, expectAccessible } = require("./helpers");

const TODAY = new Date("2026-11-26T10:00:00+08:00");

async function openSampleDocument(page, lang) {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  if (lang === "zh") await page.locator(".lang-switch.wide-only button[lang='zh-CN']").click();
  await page.getByRole("button", { name: /Open the sample plan|打开示例计划/ }).first().click();
  await expect(page.locator("h1.plan-title")).toBeVisible();
  await page.getByRole("link", { name: lang === "zh" ? "计划文档" : "Plan document" }).click();
  await expect(page.locator(".plan-document")).toBeVisible();
}

test("the sample plan's document: contents, chapters, completeness, print and both exports (English)", async ({ page }) => {
  test.setTimeout(90_000);
  await openSampleDocument(page, "en");
  const name = await page.locator("h1.plan-title").innerText();
  await expect(page.getByRole("heading", { name: "Plan document", level: 2 })).toBeVisible();
  const chapters = page.locator(".doc-chapter > h3");
  await expect(chapters).toHaveCount(8);
  await expect(chapters.first()).toHaveText("1 Executive summary");
  await expect(chapters.nth(7)).toHaveText(/^8 /);
  // The KPI table has the three levels and the current completion.
  const kpis = page.locator("table.doc-table", { has: page.locator("caption", { hasText: "Goals and KPIs" }) });
  await expect(kpis.locator("thead th")).toHaveText(["Goal", "KPI", "Baseline", "Target", "Challenge", "Latest actual", "Completion", "Status"]);
  expect(await kpis.locator("tbody tr").count()).toBeGreaterThan(3);
  await expect(page.locator(".doc-chart svg.heat-map").first()).toBeVisible();

  // A contents link scrolls to its heading and leaves the route alone.
  const hash = await page.evaluate(() => location.hash);
  await page.locator(".doc-toc").getByRole("link", { name: "7.1 Risk register" }).click();
  await expect(page.locator("#doc-7-1")).toBeFocused();
  await expect(page.locator("#doc-7-1")).toBeInViewport();
  expect(await page.evaluate(() => location.hash)).toBe(hash);

  // The completeness check names gaps and links to where they are fixed.
  const check = page.locator(".doc-check");
  await expect(check.getByRole("heading", { name: "What the plan still lacks" })).toBeVisible();
  await expectAccessible(page, "plan document");

  // Print: no app chrome, a chapter per page, rows kept whole, the
  // plan's name at the top of each page and its number at the bottom.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".doc-check")).toBeHidden();
  await expect(page.locator(".chapter-nav")).toBeHidden();
  await expect(page.locator(".page-head")).toBeHidden();
  const rules = await page.evaluate(() => {
    const chapter = getComputedStyle(document.querySelector(".doc-chapter"));
    const row = getComputedStyle(document.querySelector(".doc-table tbody tr"));
    const margins = {};
    const visit = (list) => {
      for (const rule of list) {
        if (rule.cssRules) visit(rule.cssRules);
        if (rule.constructor.name === "CSSMarginRule") margins[rule.name] = (margins[rule.name] || []).concat(rule.style.content);
      }
    };
    for (const sheet of document.styleSheets) visit(sheet.cssRules);
    return {
      breakBefore: chapter.breakBefore,
      rowInside: row.breakInside,
      page: getComputedStyle(document.querySelector(".plan-page")).page,
      margins,
    };
  });
  expect(rules.breakBefore).toBe("page");
  expect(rules.rowInside).toBe("avoid");
  expect(rules.page).toBe("doc");
  expect(rules.margins["top-center"]).toContain(JSON.stringify(name));
  expect(rules.margins["bottom-center"].join(" ")).toContain("counter(page)");
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) || []).length;
  expect(pages, "a cover page and at least a page per chapter").toBeGreaterThanOrEqual(9);
  await page.emulateMedia({ media: "screen" });

  // Markdown: numbered headings and GFM tables.
  const md = await download(page, () => page.getByRole("button", { name: "Export Markdown" }).click());
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toContain("\n## 1 Executive summary\n");
  expect(md.text).toContain("| Goal | KPI | Baseline | Target | Challenge | Latest actual | Completion | Status |\n| --- | --- | ---: |");

  // Word: fetched on first use, read back by mammoth.
  const docx = await download(page, () => page.getByRole("button", { name: "Export Word (.docx)" }).click());
  expect(docx.name).toMatch(/\.docx$/);
  const { value: html } = await mammoth.convertToHtml({ path: docx.path });
  // Headings carry Word's bookmarks for the contents.
  expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?1 Executive summary<\/h1>/);
  expect(html).toMatch(/<h2>(<a id="[^"]+"><\/a>)?3\.2 Goals and KPIs<\/h2>/);
  expect(html).toMatch(/<table>.*<p>Challenge<\/p>/s);
});

test("the document in Chinese: headings, tables and Chinese text in the Word file with East-Asian fonts", async ({ page }) => {
  test.setTimeout(90_000);
  await openSampleDocument(page, "zh");
  await expect(page.getByRole("heading", { name: "计划文档", level: 2 })).toBeVisible();
  await expect(page.locator(".doc-chapter > h3").first()).toHaveText("1 执行摘要");
  await expect(page.locator(".doc-toc")).toContainText("3.2 目标与关键指标");
  await expect(page.locator(".doc-check")).toContainText("计划还缺什么");
  await expectAccessible(page, "计划文档");
  const docx = await download(page, () => page.getByRole("button", { name: "导出 Word（.docx）" }).click());
  const { value: html } = await mammoth.convertToHtml({ path: docx.path });
  expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?1 执行摘要<\/h1>/);
  expect(html).toMatch(/<h2>(<a id="[^"]+"><\/a>)?3\.2 目标与关键指标<\/h2>/);
  expect(html).toMatch(/<td><p>挑战<\/p><\/td>/);
  const zip = await JSZip.loadAsync(fs.readFileSync(docx.path));
  // Chinese text is set in a Chinese face: the document's default fonts.
  const styles = await zip.file("word/styles.xml").async("string");
  expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="Microsoft YaHei"/s);
  const md = await download(page, () => page.getByRole("button", { name: "导出 Markdown" }).click());
  expect(md.text).toContain("\n## 3 市场管理目标\n");
});

test("a new plan's document says what is missing and links to where it is fixed; a reload stays on it; a phone fits it", async ({ page }) => {
  test.setTimeout(60_000);
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await createPlan(page, 'Q1 <b>"launch"</b>');
  await page.getByRole("link", { name: "Plan document" }).click();
  await expect(page.locator(".doc-empty").first()).toHaveText("Not recorded in the plan yet.");
  await expect(page.locator(".doc-title")).toHaveText('Q1 <b>"launch"</b>');
  await page.reload();
  await expect(page.locator(".plan-document")).toBeVisible();
  const gap = page.locator(".gap-list li li", { hasText: "The plan has no goals." });
  await expect(gap).toBeVisible();
  await gap.getByRole("link", { name: "Go to fix" }).click();
  await expect(page).toHaveURL(/\/goals$/);
  await page.goBack();
  await page.setViewportSize({ width: 360, height: 740 });
  await expect(page.locator(".plan-document")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page, "document at 360 px");
});

test("weekly and monthly reports: what happened, a chosen month, nothing invented for a month to come, exports", async ({ page }) => {
  test.setTimeout(90_000);
  await openSampleDocument(page, "en");
  const tabs = page.getByRole("navigation", { name: "Document views" });
  await tabs.getByRole("link", { name: "Monthly report" }).click();
  await expect(page).toHaveURL(/\/document\/monthly$/);
  await expect(page.locator(".doc-title")).toHaveText("Monthly report: November 2026");
  await expect(page.locator(".doc-check")).toHaveCount(0);
  const kpis = page.locator("table.doc-table", { has: page.locator("caption", { hasText: "KPIs that moved" }) });
  await expect(kpis.locator("thead th")).toHaveText(["Goal", "KPI", "Before", "Latest", "Date", "Completion", "Status"]);
  expect(await kpis.locator("tbody tr").count()).toBeGreaterThan(0);
  // Every latest value shown is dated in November, by today.
  for (const date of await kpis.locator("tbody tr td:nth-child(5)").allInnerTexts()) expect(date).toMatch(/Nov 2026$/);
  await expectAccessible(page, "monthly report");

  await page.locator("#report-period").selectOption({ label: "October 2026" });
  await expect(page.locator(".doc-title")).toHaveText("Monthly report: October 2026");
  const md = await download(page, () => page.getByRole("button", { name: "Export Markdown" }).click());
  expect(md.name).toMatch(/ monthly 2026-10-01\.md$/);
  expect(md.text).toMatch(/^# Monthly report: October 2026\n/);
  expect(md.text).not.toContain("## Contents");
  const docx = await download(page, () => page.getByRole("button", { name: "Export Word (.docx)" }).click());
  const { value: html } = await mammoth.convertToHtml({ path: docx.path });
  expect(html).toMatch(/<h1>(<a id="[^"]+"><\/a>)?1 Tasks done<\/h1>/);

  await page.locator("#report-period").selectOption({ label: "December 2026" });
  await expect(page.locator(".doc-lead")).toHaveText("This period has not begun yet: nothing is counted until it does.");
  await expect(page.locator(".doc-chapter")).toHaveCount(0);

  // Print: the report's sections run on, without a page each.
  await tabs.getByRole("link", { name: "Weekly report" }).click();
  await expect(page.locator(".doc-title")).toHaveText("Weekly report: 23 Nov 2026 – 29 Nov 2026");
  await page.emulateMedia({ media: "print" });
  expect(await page.evaluate(() => getComputedStyle(document.querySelector(".doc-chapter")).breakBefore)).toBe("auto");
  await expect(page.locator(".report-period")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expectAccessible(page, "weekly report");

  // In Chinese.
  await page.locator(".lang-switch.wide-only button[lang='zh-CN']").click();
  await expect(page.locator(".doc-title")).toHaveText("周报：2026年11月23日 至 2026年11月29日");
  await expect(page.locator("label[for=report-period]")).toHaveText("周次");
  await expectAccessible(page, "周报");
});
