// A document page (公文) in a real headless Chromium: on a desktop and a phone, and printed.
// Prints what it measured as JSON for tests/browser.rs; writes screenshots and the printed PDF
// into OUT_DIR.
//
//   node document.mjs SITE_DIR PAGE OUT_DIR [ONE_PAGE]
//
// ONE_PAGE, a document of one page, is printed without JavaScript too.
import { launch, serve } from "./lib.mjs";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [dir, pagePath, outDir, onePage] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const { base, close } = await serve(dir);
const browser = await launch();
const out = {};
const url = `${base}/${pagePath}`;

// On a desktop: the paper and the panels beside it.
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await page.goto(url);
await page.evaluate(() => document.fonts.ready);
await page.screenshot({ path: path.join(outDir, "desktop.png"), fullPage: true });
const box = async (sel) => await page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY, left: r.left, right: r.right }; });
out.desktop = { paper: await box(".paper"), panels: await page.$(".panels") ? await box(".panels") : null };
await page.addScriptTag({ content: axeSource });
out.axe = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
  .filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`));

// On a phone.
await page.setViewportSize({ width: 390, height: 844 });
await page.goto(url);
await page.screenshot({ path: path.join(outDir, "phone.png"), fullPage: true });
out.phone = { paper: await box(".paper"), overflow: await page.evaluate(() => document.documentElement.scrollWidth > innerWidth) };

// Printed.
await page.setViewportSize({ width: 1400, height: 1000 });
await page.emulateMedia({ media: "print" });
await page.goto(url);
await page.evaluate(() => document.fonts.ready);
const style = async (sel, prop) => await page.$eval(sel, (e, p) => getComputedStyle(e)[p], prop);
out.print = {
  nav: await style("nav", "display"),
  panels: await page.$(".panels") ? await style(".panels", "display") : "absent",
  rule: await box(".red-rule"),
  ruleColor: await style(".red-rule", "borderTopColor"),
  markColor: await style(".mark", "color"),
  title: await box(".doc-title"),
  body: await box(".doc-body"),
  date: await box(".signed-on"),
  issuer: await box(".closing .issuer"),
  paper: await box(".paper"),
  bodyFont: await style(".doc-body p", "fontFamily"),
  colophon: await box(".colophon"),
  // 225 mm (the 版心's height) in CSS pixels, as this page measures it.
  typeArea: await page.evaluate(() => { const d = document.createElement("div"); d.style.height = "225mm"; document.body.append(d); const h = d.getBoundingClientRect().height; d.remove(); return h; }),
};
await page.pdf({ path: path.join(outDir, "print.pdf"), preferCSSPageSize: true, printBackground: true });

// A one-page document printed without JavaScript: its 版記 at the foot of the page all the same.
if (onePage) {
  const bare = await browser.newPage({ viewport: { width: 1400, height: 1000 }, javaScriptEnabled: false });
  await bare.emulateMedia({ media: "print" });
  await bare.goto(`${base}/${onePage}`);
  await bare.evaluate(() => document.fonts.ready);
  const at = (sel) => bare.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { top: r.top + scrollY, bottom: r.bottom + scrollY }; });
  out.onePage = { paper: await at(".paper"), colophon: await at(".colophon"), closing: await at(".closing") };
  await bare.pdf({ path: path.join(outDir, "print-one-page.pdf"), preferCSSPageSize: true, printBackground: true });
}
await browser.close();
close();
console.log(JSON.stringify(out));
