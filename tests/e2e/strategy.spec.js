// Chapter 4, core strategies, end to end on the sample plan: a strategy
// built and linked to a goal, a task and a budget line while the coverage
// view changes; a price ladder that breaks its floor and is fixed; text in
// a price field; a KOL who fails a criterion; delete and Undo; a reload;
// and axe-core on every view in both languages.
const { test, expect } = require("@playwright/test");
const { open, saved, expectAccessible } = require("./helpers");

const TODAY = new Date("2026-11-26T10:00:00+08:00");

async function enter(locator, text) {
  await locator.fill(text);
  await locator.press("Tab");
}

const view = (page, name) => page.getByRole("navigation", { name: /Core strategies views|核心策略视图/ }).getByRole("link", { name, exact: true });

async function openSample(page) {
  await page.clock.setFixedTime(TODAY);
  await open(page);
  await page.getByRole("button", { name: /Open the sample plan|打开示例计划/ }).first().click();
  await expect(page.locator("h1.plan-title")).toBeVisible();
  await page.getByRole("link", { name: /^4\. / }).click();
  await expect(page.getByRole("heading", { name: /^4\. / })).toBeFocused();
}

test("a strategy linked to a goal, a task and a budget line; a ladder fixed; a KOL checked; undo; reload", async ({ page }) => {
  test.setTimeout(90_000);
  await openSample(page);

  // Coverage of the sample: one deliberate gap.
  await view(page, "Coverage").click();
  await expect(page.getByText("1 gap in the chain goal → strategy → work and money.")).toBeVisible();
  await expect(page.locator(".coverage-group").filter({ hasText: "Strategies with no budget (1)" })).toContainText("Member referral");

  // A new price strategy, its title typed with markup in it.
  await view(page, "Strategies").click();
  await page.getByRole("button", { name: "Add a strategy: Price" }).click();
  const title = page.locator(":focus");
  await expect(title).toHaveValue("New strategy");
  const id = (await title.getAttribute("id")).replace(/^strategy-|-title$/g, "");
  const item = page.locator(`#strategy-${id}`);
  await title.fill("Member price <b>day</b>");
  await item.getByLabel("Direction").fill("One member day a month at the member price.");
  await expect(item.locator("details.goal-picker > summary")).toHaveText("Goals and KPIs it moves: None linked yet.");
  await item.locator("details.goal-picker > summary").click();
  await item.getByLabel("Campaign revenue 2,000,000 yuan at ROI ≥ 2.5").check();
  await expect(item.locator("details.goal-picker > summary")).toHaveText("Goals and KPIs it moves: Campaign revenue 2,000,000 yuan at ROI ≥ 2.5");

  // Linked to a goal only: the coverage view shows two more gaps.
  await view(page, "Coverage").click();
  await expect(page.getByText("3 gaps in the chain")).toBeVisible();
  await expect(page.locator(".coverage-group").filter({ hasText: "Strategies with no tasks (1)" })).toContainText("Member price <b>day</b>");
  await expect(page.locator("b", { hasText: "day" })).toHaveCount(0);

  // A task and a budget line close them.
  await view(page, "Strategies").click();
  await item.getByRole("button", { name: "Link a task…" }).click();
  await expect(item.getByLabel("Link a task…")).toBeFocused();
  await item.getByLabel("Link a task…").selectOption({ label: "Go live" });
  await item.getByRole("button", { name: "Link a budget line…" }).click();
  await item.getByLabel("Link a budget line…").selectOption({ label: "Member points programme" });
  await expect(item.locator(".link-chip span")).toHaveText(["Go live", "Member points programme"]);
  await view(page, "Coverage").click();
  await expect(page.getByText("1 gap in the chain")).toBeVisible();

  // The price ladder: a member price under the floor, then fixed.
  await view(page, "Products and pricing").click();
  const ladder = page.locator("fieldset.ladder");
  await expect(ladder.getByText("The ladder passes its checks.")).toBeVisible();
  await enter(ladder.getByLabel("Member price"), "140");
  await expect(ladder.getByText("The member price (¥140.00) is under the floor of ¥150.00.")).toBeVisible();
  await enter(ladder.getByLabel("Member price"), "189");
  await expect(ladder.getByText("The ladder passes its checks.")).toBeVisible();
  // Text where a price belongs: said beside the field, nothing saved.
  await enter(ladder.getByLabel("Base price"), "abc");
  await expect(ladder.locator("[id$='-base-error']")).toContainText("“abc” is not an amount");
  await enter(ladder.getByLabel("Quantity"), "3");
  await expect(ladder.getByText("Total for 3 items: ¥577.10")).toBeVisible();
  // A promotion that ends before it starts is refused with a message.
  await ladder.getByLabel("Promotion", { exact: true }).fill("Flash sale");
  await ladder.getByLabel("Price", { exact: true }).fill("179");
  await ladder.getByLabel("From", { exact: true }).fill("2026-12-10");
  await ladder.getByLabel("To", { exact: true }).fill("2026-12-05");
  await ladder.getByRole("button", { name: "Add a promotion" }).click();
  await expect(ladder.locator("[id^='promo-'][id$='-error']")).toHaveText("The end date cannot be before the start date.");
  await ladder.getByLabel("To", { exact: true }).fill("2026-12-12");
  await ladder.getByRole("button", { name: "Add a promotion" }).click();
  await expect(ladder.locator(".ladder-row").filter({ hasText: "Flash sale" })).toBeVisible();
  await expect(page.locator(".calendar-runs")).toContainText("Flash sale");

  // A KOL who fails one criterion.
  await view(page, "Communication").click();
  await page.getByLabel("KOL", { exact: true }).last().fill("Test reviewer");
  await page.getByRole("button", { name: "Add a KOL" }).click();
  const kol = page.locator(".kol-row").last();
  await enter(kol.getByLabel("Follower match (%)"), "75");
  await enter(kol.getByLabel("Engagement (%)"), "4");
  await enter(kol.getByLabel("Commission (%)"), "15");
  await expect(kol.locator("[id$='-check']")).toHaveText("Check: Follower match under 80.0%");
  await enter(kol.getByLabel("Commission (%)"), "150");
  await expect(kol.getByRole("alert")).toContainText("A share must be between 0% and 100%.");

  // Media: the last-ranked medium marked 5 everywhere moves to the top.
  await view(page, "Media, PR and partners").click();
  const media = page.locator(".scorecard").first();
  await expect(media.locator("tbody tr").first().locator("input")).toHaveValue("WeChat official accounts");
  for (const mark of await media.getByRole("combobox", { name: /^City radio · / }).all()) await mark.selectOption("5");
  await expect(media.locator("tbody tr").first().locator("input")).toHaveValue("City radio");
  await expect(media.locator("tbody tr").first()).toContainText("5.00");

  // Delete the strategy, then Undo from the notice.
  await view(page, "Strategies").click();
  await item.getByRole("button", { name: "Delete: Member price <b>day</b>" }).click();
  await expect(page.getByText("“Member price <b>day</b>” deleted.")).toBeVisible();
  await expect(item).toHaveCount(0);
  await page.locator(".notice").getByRole("button", { name: "Undo" }).click();
  await expect(item.locator(".link-chip span")).toHaveText(["Go live", "Member points programme"]);

  // Everything survives a reload.
  await saved(page);
  await page.reload();
  await expect(item.getByLabel("Strategy", { exact: true })).toHaveValue("Member price <b>day</b>");
  await view(page, "Communication").click();
  await expect(page.locator(".kol-row").last().locator("[id$='-check']")).toHaveText("Check: Follower match under 80.0%");
  await view(page, "Products and pricing").click();
  await expect(page.locator("fieldset.ladder").getByLabel("Member price")).toHaveValue("189");
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN" });

  test("a strategy linked in Chinese, the coverage view, a ladder under its floor, a KOL, delete and undo, reload", async ({ page }) => {
    test.setTimeout(90_000);
    await openSample(page);
    await view(page, "策略").click();
    await page.getByRole("button", { name: "添加策略: 价格策略" }).click();
    const title = page.locator(":focus");
    await expect(title).toHaveValue("新策略");
    const id = (await title.getAttribute("id")).replace(/^strategy-|-title$/g, "");
    const item = page.locator(`#strategy-${id}`);
    await title.fill("会员日价格");
    await item.locator("details.goal-picker > summary").click();
    await item.getByLabel("活动直接营收 200 万元，ROI 不低于 2.5").check();
    await view(page, "覆盖检查").click();
    await expect(page.getByText("“目标 → 策略 → 执行与预算”链条中有 3 处缺口。")).toBeVisible();
    await view(page, "策略").click();
    await item.getByRole("button", { name: "关联任务…" }).click();
    await item.getByLabel("关联任务…").selectOption({ label: "正式上线" });
    await item.getByRole("button", { name: "关联预算科目…" }).click();
    await item.getByLabel("关联预算科目…").selectOption({ label: "会员积分活动" });
    await view(page, "覆盖检查").click();
    await expect(page.getByText("“目标 → 策略 → 执行与预算”链条中有 1 处缺口。")).toBeVisible();

    await view(page, "产品与定价").click();
    const ladder = page.locator("fieldset.ladder");
    await enter(ladder.getByLabel("会员价"), "140");
    await expect(ladder.getByText("会员价（¥140.00）低于底价 ¥150.00。")).toBeVisible();
    await enter(ladder.getByLabel("会员价"), "189");
    await expect(ladder.getByText("价格体系通过检查。")).toBeVisible();

    await view(page, "传播").click();
    await page.getByLabel("达人", { exact: true }).last().fill("测评博主");
    await page.getByRole("button", { name: "添加达人" }).click();
    const kol = page.locator(".kol-row").last();
    await enter(kol.getByLabel("粉丝匹配度（%）"), "75");
    await enter(kol.getByLabel("互动率（%）"), "4");
    await enter(kol.getByLabel("佣金比例（%）"), "15");
    await expect(kol.locator("[id$='-check']")).toHaveText("检查结果: 粉丝匹配度低于 80.0%");

    await view(page, "策略").click();
    await item.getByRole("button", { name: "删除：会员日价格" }).click();
    await expect(page.getByText("已删除“会员日价格”。")).toBeVisible();
    await page.locator(".notice").getByRole("button", { name: "撤销" }).click();
    await expect(item.locator(".link-chip span")).toHaveText(["正式上线", "会员积分活动"]);
    await saved(page, "所有修改已保存");
    await page.reload();
    await expect(item.getByLabel("策略", { exact: true })).toHaveValue("会员日价格");
  });
});

for (const locale of ["en-GB", "zh-CN"]) {
  test.describe(`chapter 4 of the sample in ${locale}`, () => {
    test.use({ locale });

    test("every view reads and is accessible", async ({ page }) => {
      test.setTimeout(90_000);
      await openSample(page);
      const zh = locale === "zh-CN";
      await expect(page.locator(".strategy-area input").first()).toHaveValue(zh ? "可感知的全触点服务" : "Service you can feel at every touchpoint");
      await expectAccessible(page, "strategies");
      const views = zh
        ? ["覆盖检查", "产品与定价", "渠道", "传播", "媒体、公关与合作伙伴", "会员"]
        : ["Coverage", "Products and pricing", "Channels", "Communication", "Media, PR and partners", "Membership"];
      for (const name of views) {
        await view(page, name).click();
        await expect(page.locator(".strategy > div").last()).toBeVisible();
        await expectAccessible(page, `strategy view ${name}`);
      }
      await view(page, views[1]).click();
      await expect(page.locator(".price-calendar")).toContainText(zh ? "计划期内有 17 天的价格低于底价。" : "17 days of the plan period push a price under the floor.");
      await view(page, views[2]).click();
      await expect(page.getByText(zh ? "各渠道占比合计 100%。" : "The shares make 100%.")).toBeVisible();
    });
  });
}
