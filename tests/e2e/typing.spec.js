// Typed text survives a redraw. Yew puts a bound field's value back on every
// redraw, and an autosave or another tab's save is enough to cause one; a
// field that is not bound to its own draft then loses half-typed text. This
// walks every screen of the sample plan, types into every editable text and
// number field, forces a redraw in the middle of the typing and after
// leaving the field, and checks the text is still there; after a reload the
// fields that belong to the plan (not to a form being filled) still hold it.
const { test, expect } = require("@playwright/test");
const { open, saved } = require("./helpers");
const { unpack } = require("./packed");

const TODAY = new Date("2026-11-25T10:00:00+08:00");

let saves = 0;

/**
 * Another tab saves the same library: a new stored version, so the app's
 * state changes and every screen redraws, as on an autosave. (A storage
 * event for the version the app already has changes no state and redraws
 * nothing, so it would prove nothing.)
 */
async function forceRedraw(page) {
  saves += 1;
  const stored = await page.evaluate(() => {
    const pointer = localStorage.getItem("marketplan.library");
    return pointer && { pointer, raw: localStorage.getItem(`marketplan.library.${pointer}`) };
  });
  if (!stored) return;
  // The other tab is an earlier build: it stores plain JSON, which still reads.
  const copy = JSON.parse(unpack(stored.raw));
  copy.replaces = stored.pointer;
  await page.evaluate(
    ([n, pointer, text]) => {
      const generation = Number(pointer.slice(1).split("-")[0]);
      const next = `g${generation + 1}-othertab${n}`;
      localStorage.setItem(`marketplan.library.${next}`, text);
      localStorage.setItem("marketplan.library", next);
      window.dispatchEvent(new StorageEvent("storage", { key: "marketplan.library" }));
    },
    [saves, stored.pointer, JSON.stringify(copy)],
  );
  // One frame for the redraw to land.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
}

const FIELDS = [
  "input:not([type=checkbox]):not([type=radio]):not([type=file]):not([type=search]):not([type=date]):not([type=time]):not([type=datetime-local])",
  "textarea",
].join(", ");

/** Types into every field inside `scope`; returns the plan's own fields. */
async function typeEverywhere(page, scope, screen) {
  // A chapter's screens may still be on their way (a lazily loaded module).
  await expect(page.locator(scope).first(), `${screen} is drawn`).toBeVisible();
  const fields = page.locator(scope).locator(FIELDS);
  const count = await fields.count();
  const typed = [];
  for (let i = 0; i < count; i++) {
    const field = fields.nth(i);
    if (!(await field.isVisible()) || (await field.isDisabled())) continue;
    const info = await field.evaluate((el) => ({
      id: el.id,
      numeric: el.type === "number" || el.inputMode === "decimal" || el.inputMode === "numeric",
      inForm: !!el.closest("form"),
    }));
    // Numbers rise field by field, so a band typed low then high stays a band.
    const text = info.numeric ? String(17 + i) : `Zed ${screen} ${i}`;
    const messages = page.locator("main [role=alert], main .field-error").filter({ visible: true });
    await field.click();
    await field.press("ControlOrMeta+a");
    await field.press("Delete");
    await field.pressSequentially(text.slice(0, 1));
    await forceRedraw(page);
    await expect(field, `${screen}: ${info.id || i} keeps half-typed text`).toHaveValue(text.slice(0, 1));
    await field.pressSequentially(text.slice(1));
    await forceRedraw(page);
    await expect(field, `${screen}: ${info.id || i} keeps typed text`).toHaveValue(text);
    await field.press("Tab");
    await forceRedraw(page);
    await expect(field, `${screen}: ${info.id || i} keeps its text after leaving it`).toHaveValue(text);
    // A value the plan refuses (a band whose low end passes its high end)
    // says why beside it and is not saved; the text stays for the user to fix.
    const refused = (await messages.count()) > 0;
    if (info.id && !info.inForm && !refused) typed.push({ id: info.id, text });
  }
  expect(typed.length + count, `${screen} has fields to type into`).toBeGreaterThan(0);
  return typed;
}

/** After a reload, the plan's own fields hold what was typed. */
async function expectKept(page, typed, screen, reopen = async () => {}) {
  await saved(page);
  await page.reload();
  await reopen();
  for (const { id, text } of typed) {
    await expect(page.locator(`[id="${id}"]`), `${screen}: ${id} was saved`).toHaveValue(text);
  }
}

test("typed text survives redraws on every screen and is saved", async ({ page }) => {
  test.setTimeout(240_000);
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await page.getByRole("button", { name: "Open the sample plan" }).first().click();
  await expect(page.locator("h1.plan-title")).toBeVisible();

  // 1. Summary and the plan's own details.
  let typed = await typeEverywhere(page, "main", "summary");
  await expectKept(page, typed, "summary");

  // The dashboard's weights and thresholds.
  await page.getByRole("link", { name: /^Dashboard$/ }).click();
  await expect(page.locator(".kpi-card").first()).toBeVisible();
  typed = await typeEverywhere(page, ".score-card, .thresholds", "dashboard");
  await expectKept(page, typed, "dashboard");

  // 3. Goals: a KPI's check-in form and decomposition, the KPI form, a new dimension.
  await page.getByRole("link", { name: /^3\. / }).click();
  await page.locator(".kpi-toggle").first().click();
  await expect(page.locator(".kpi-detail")).toBeVisible();
  await typeEverywhere(page, ".kpi-detail", "kpi detail");
  await page.locator(".goal-card").first().getByRole("button", { name: "Add a KPI" }).click();
  await typeEverywhere(page, ".goal-card form", "kpi form");
  await typeEverywhere(page, "form.add-dimension", "dimension");

  // 8. A review: causes, highlights, adjustments, a lesson.
  await page.getByRole("link", { name: /^8\. / }).click();
  await page.locator(".review-item a").first().click();
  await expect(page.locator(".review-table")).toBeVisible();
  typed = await typeEverywhere(page, "main", "review");
  await expectKept(page, typed, "review");

  // 5. Tasks: the first row and its details, the ready-made event rhythm, phases.
  await page.getByRole("link", { name: /^5\. / }).click();
  const first = page.locator("tr.task-row").first();
  await first.getByRole("button", { name: "Details" }).click();
  typed = await typeEverywhere(page, "tr.task-row >> nth=0", "task row");
  typed = typed.concat(await typeEverywhere(page, "tr.task-details-row", "task details"));
  await page.locator("#template-pick").selectOption({ label: "Event rhythm (warm-up, burst, continuation)" });
  await typeEverywhere(page, "form.templates", "ready-made sets");
  await page.locator("details.phases > summary").click();
  typed = typed.concat(await typeEverywhere(page, "details.phases", "phases"));
  await expectKept(page, typed, "tasks", async () => {
    await page.locator("tr.task-row").first().getByRole("button", { name: "Details" }).click();
    await page.locator("details.phases > summary").click();
  });

  for (const [view, scope] of [
    ["Marketing calendar", "main"],
    ["Meetings and reminders", "main"],
  ]) {
    await page.getByRole("link", { name: new RegExp(`^${view}$`) }).click();
    typed = await typeEverywhere(page, scope, view);
    await expectKept(page, typed, view);
  }

  // 6. Budget: the settings and the first line (its details hold only choices), then every other view.
  await page.getByRole("link", { name: /^6\. / }).click();
  typed = await typeEverywhere(page, ".budget-settings", "budget settings");
  typed = typed.concat(await typeEverywhere(page, ".budget-table tbody tr >> nth=0", "budget line"));
  await expectKept(page, typed, "budget lines");
  for (const view of ["Splits", "Planned vs actual", "Approvals", "Channel ROI"]) {
    await page.getByRole("link", { name: new RegExp(`^${view}$`) }).click();
    typed = await typeEverywhere(page, "main", view);
    await expectKept(page, typed, view);
  }

  // 4. Strategies: a strategy, the pricing of the core product, a channel, a KOL, the membership.
  await page.getByRole("link", { name: /^4\. / }).click();
  for (const [view, scope] of [
    ["Strategies", ".strategy-item >> nth=0"],
    ["Products and pricing", ".pricing-methods"],
    ["Products and pricing", "fieldset.ladder .field-row >> nth=0"],
    ["Channels", ".channel-row >> nth=0"],
    ["Communication", ".kol-row >> nth=0"],
    ["Membership", "main"],
  ]) {
    await page.getByRole("navigation", { name: "Core strategies views" }).getByRole("link", { name: view, exact: true }).click();
    typed = await typeEverywhere(page, scope, `${view} ${scope}`);
    await expectKept(page, typed, view);
  }

  // 6. The team: a position, an incentive, a joint project. 7. A risk, an incident.
  await page.getByRole("link", { name: "Team and roles" }).click();
  for (const [view, scope] of [
    ["Groups and positions", ".position-item >> nth=0"],
    ["Incentives and joint projects", ".incentive-item >> nth=0"],
    ["Incentives and joint projects", ".joint-item >> nth=0"],
  ]) {
    await page.getByRole("navigation", { name: "Team views" }).getByRole("link", { name: view, exact: true }).click();
    typed = await typeEverywhere(page, scope, `${view} ${scope}`);
    await expectKept(page, typed, view);
  }
  await page.getByRole("link", { name: /^7\. / }).click();
  for (const [view, scope] of [
    ["Risk register", ".risk-item >> nth=0"],
    ["Incidents and response clocks", ".incident-item >> nth=0"],
  ]) {
    await page.getByRole("navigation", { name: "Risk management views" }).getByRole("link", { name: view, exact: true }).click();
    typed = await typeEverywhere(page, scope, `${view} ${scope}`);
    await expectKept(page, typed, view);
  }
});
