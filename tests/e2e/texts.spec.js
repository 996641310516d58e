// Each language's texts are a file the app fetches before it draws
// (src/i18n/texts.rs): fetched once, the other on a switch; when one cannot
// be had the app starts in the other language and says why; when neither
// can, the page asks for a reload in both.
const { test, expect } = require("@playwright/test");

test("English is fetched before the first screen, Chinese only on a switch", async ({ page }) => {
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto("/");
  await expect(page.getByRole("button", { name: "New plan" }).first()).toBeVisible();
  expect(fetched.filter((p) => /catalogue-en-[0-9a-f]{16}\.json$/.test(p))).toHaveLength(1);
  expect(fetched.some((p) => p.includes("catalogue-zh-CN"))).toBe(false);
  await page.locator(".lang-switch.wide-only").getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("button", { name: "新建计划" }).first()).toBeVisible();
  expect(fetched.some((p) => p.includes("catalogue-zh-CN"))).toBe(true);
});

test("without its language's texts the app starts in the other and says why", async ({ page }) => {
  await page.route(/catalogue-en-.*\.json$/, (route) => route.abort());
  await page.goto("/");
  await expect(page.getByRole("button", { name: "新建计划" }).first()).toBeVisible();
  await expect(page.locator(".notice-error")).toContainText("所选语言的界面文字未能加载");
});

test("without any texts the page says so in both languages", async ({ page }) => {
  await page.route(/catalogue-.*\.json$/, (route) => route.abort());
  await page.goto("/");
  await expect(page.locator("#load-failed")).toBeVisible();
  await expect(page.locator("#load-failed")).toContainText("MarketPlan could not load its texts");
  await expect(page.locator("#load-failed")).toContainText("市场计划台未能加载界面文字");
});
