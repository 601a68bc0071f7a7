// Reads every page of a built clerk site in a real headless Chromium and reports, as JSON, what
// people see where a label belongs: ids shown as visible text, public keys, and whether a link
// to a resolution (`…#R3`) reaches its row. With a third argument, takes screenshots there.
//
//   node labels.mjs SITE_DIR IDS_JSON_FILE [SCREENSHOT_DIR]
import { launch, serve } from "./lib.mjs";
import fs from "node:fs";
import path from "node:path";

const [dir, idsFile, shots] = process.argv.slice(2);
const ids = JSON.parse(fs.readFileSync(idsFile, "utf8"));

const { base, close } = await serve(dir);

const browser = await launch();
const page = await browser.newPage();

function pages(at, rel = "") {
  return fs.readdirSync(at, { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return e.name === "pagefind" ? [] : pages(path.join(at, e.name), r);
    return e.name.endsWith(".html") ? [r] : [];
  });
}

// An id counts as shown when it stands alone in the visible text: not part of a longer word.
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const patterns = ids.map((id) => [id, new RegExp(`(?<![A-Za-z0-9_#-])${escape(id)}(?![A-Za-z0-9_-])`)]);

const out = { pages: 0, shown: [], keys: [], resolution: null, screenshots: [] };
const toR3 = [];
for (const rel of pages(dir)) {
  await page.goto(`${base}/${rel}`);
  out.pages += 1;
  const text = await page.evaluate(() => document.body.innerText);
  for (const [id, re] of patterns) {
    const m = text.match(re);
    if (m) out.shown.push({ page: rel, id, around: text.slice(Math.max(0, m.index - 30), m.index + id.length + 30) });
  }
  if ((await page.content()).includes("ssh-ed25519 AAAA")) out.keys.push(rel);
  for (const href of await page.$$eval("a[href*='#R3']", (as) => as.map((a) => a.getAttribute("href")))) {
    toR3.push({ from: rel, href });
  }
}

// Follow the first link to a resolution R3 from another page: it lands on the row, in a table.
const link = toR3.find((l) => !l.href.startsWith("#"));
if (link) {
  await page.goto(`${base}/${link.from}`);
  await page.click(`a[href='${link.href}']`);
  await page.waitForLoadState();
  out.resolution = {
    from: link.from,
    href: link.href,
    url: page.url().slice(base.length),
    ...(await page.evaluate(() => {
      const target = document.querySelector(":target");
      const table = target && target.closest("table");
      return {
        target: target && target.tagName + "#" + target.id,
        inTable: !!table,
        headers: table ? Array.from(table.querySelectorAll("thead th")).map((th) => th.textContent) : [],
        row: target ? target.innerText : "",
      };
    })),
  };
}

if (shots) {
  const meeting = out.resolution && out.resolution.url.split("#")[0].slice(1);
  const person = pages(dir).find((p) => p.startsWith("person/") && !p.endsWith("index.html"));
  const register = pages(dir).find((p) => p.startsWith("registers/") && !p.endsWith("index.html"));
  for (const [name, rel] of [["meeting", meeting], ["person", person], ["register", register]]) {
    if (!rel) continue;
    for (const [device, width] of [["desktop", 1280], ["phone", 390]]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/${rel}`);
      const file = path.join(shots, `${name}-${device}.png`);
      await page.screenshot({ path: file, fullPage: true });
      out.screenshots.push(file);
    }
  }
}

await browser.close();
close();
console.log(JSON.stringify(out));
