// Built sites in a real headless Chromium, for reading: at 390 px no page scrolls sideways
// (only a table's or chart's own box may), the navigation fits one line at 1280 px, chart axis
// labels never overlap. Prints what it measured as JSON for tests/browser.rs; writes
// screenshots of the home page, a register and a report (desktop, phone, print) into OUT_DIR.
//
//   node home.mjs OUT_DIR SITE_DIR... (the last site's pages are the ones photographed)
import { launch, serve } from "./lib.mjs";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [outDir, ...sites] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
let root = sites[0];
const { base, close } = await serve(() => root);
const browser = await launch();

/** Every HTML page of a site, relative to its root. */
function pages(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && !e.name.startsWith("pagefind")) walk(p);
      else if (e.name.endsWith(".html")) out.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/** Pairs of boxes that overlap by more than half a pixel. */
function overlapping(boxes) {
  const out = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5)
        out.push(`${a.text} / ${b.text}`);
    }
  return out;
}

const out = { sites: [], overlaps: [], labels: 0, axe: [] };
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
for (const site of sites) {
  root = site;
  const seen = { pages: 0, overflow: [], nav: null };
  // On a phone: the page itself never scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const p of pages(site)) {
    await page.goto(`${base}/${p}`);
    seen.pages++;
    if (await page.evaluate(() => document.documentElement.scrollWidth > innerWidth + 1)) seen.overflow.push(p);
  }
  // The phone's menu: closed, one button; opened, every group.
  await page.goto(`${base}/index.html`);
  seen.phoneMenu = {
    closed: await page.$eval("nav.site-nav > ul", (e) => getComputedStyle(e).display),
  };
  await page.click(".nav-button");
  seen.phoneMenu.open = await page.$eval("nav.site-nav > ul", (e) => getComputedStyle(e).display);
  // On a desktop: the navigation is one line.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/index.html`);
  seen.nav = await page.$$eval("nav.site-nav > ul > li", (items) => {
    const tops = items.map((i) => Math.round(i.getBoundingClientRect().top));
    return { items: items.length, lines: new Set(tops).size, labels: items.map((i) => (i.querySelector("summary, a")?.textContent || "").trim()) };
  });
  // Chart labels: every text of each chart, pairwise apart.
  for (const p of pages(site).filter((p) => p.startsWith("reports/"))) {
    await page.goto(`${base}/${p}`);
    const charts = await page.$$eval("svg[role=img]", (svgs) => svgs.map((svg) =>
      [...svg.querySelectorAll("text.axis-label, text.axis-value, text.legend")].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      })));
    for (const boxes of charts) {
      out.labels += boxes.length;
      out.overlaps.push(...overlapping(boxes).map((o) => `${p}: ${o}`));
    }
  }
  out.sites.push(seen);
}

// The last site's home, a register and a report: photographed, and checked with axe.
const shots = [["home", "index.html"], ["register", "registers/budget-vs-actual.html"], ["report", "reports/budget-vs-actual.html"]];
for (const [name, p] of shots) {
  if (!fs.existsSync(path.join(root, p))) continue;
  await page.emulateMedia({ media: "screen" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${base}/${p}`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(outDir, `${name}-desktop.png`), fullPage: true });
  await page.addScriptTag({ content: axeSource });
  out.axe.push(...(await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ["violations"] })).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(", ")})`)))
    .map((v) => `${p}: ${v}`));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${base}/${p}`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(outDir, `${name}-phone.png`), fullPage: true });
  await page.setViewportSize({ width: 1000, height: 1400 });
  await page.emulateMedia({ media: "print" });
  await page.goto(`${base}/${p}`);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(outDir, `${name}-print.png`), fullPage: true });
}
await browser.close();
close();
console.log(JSON.stringify(out));
