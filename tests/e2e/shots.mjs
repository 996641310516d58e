// Screenshots for a developer to look at: node shots.mjs OUT_DIR [lang] [width]
// Serves nothing itself: expects dist/ served at http://127.0.0.1:4190/.
import { chromium } from "playwright-core";
const [out = "/tmp/shots", lang = "en", width = "1366"] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 850 } });
await page.goto("http://127.0.0.1:4190/");
await page.waitForSelector(".app-header");
if (lang === "zh") await page.locator(".lang-switch.wide-only button[lang='zh-CN'], .header-menu summary").first().click().catch(() => {});
if (lang === "zh" && Number(width) < 640) await page.locator(".header-menu-body button[lang='zh-CN']").click();
await page.getByRole("button", { name: /sample|示例/ }).first().click();
await page.waitForSelector("h1.plan-title");
const hash = (await page.evaluate(() => location.hash)).split("/").slice(0, 3).join("/");
const views = (process.env.VIEWS || "dashboard,implementation,budget,budget/channels,budget/approvals,goals").split(",");
for (const view of views) {
  const target = view === "dashboard" ? hash : `${hash}/${view}`;
  await page.goto("http://127.0.0.1:4190/" + target);
  await page.waitForTimeout(900);
  console.log(await page.evaluate(() => location.hash));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth);
  console.log(view, "document width", wide);
  await page.screenshot({ path: `${out}/${lang}-${width}-${view.replace("/", "-")}.png`, fullPage: false });
}
await browser.close();
