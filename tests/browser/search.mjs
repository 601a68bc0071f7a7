// Search as a reader meets it, in a real headless Chromium (Debian's), served and from
// file://: the number of results, a message when there is none, more than a page of them, each
// with its type and date, and Simplified and Traditional queries finding each other's records.
// Prints what it saw as JSON, for tests/browser.rs to assert on.
//
//   node search.mjs SITE_DIR QUERY...
import { launch, serve } from "./lib.mjs";
import path from "node:path";

const [dir, ...queries] = process.argv.slice(2);
const { base, close } = await serve(dir);
const browser = await launch();
const page = await browser.newPage();
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

// What the page shows: the count line, the results (link, type and date, excerpt), whether
// "more" is offered; then, if it is, the same after pressing it.
async function seen() {
  return await page.evaluate(() => {
    const more = document.getElementById("search-more");
    const count = document.getElementById("search-count");
    return {
      count: count ? count.textContent : null,
      results: Array.from(document.querySelectorAll("#results > li")).map((li) => ({
        href: li.querySelector("a").getAttribute("href"),
        title: li.querySelector("a").textContent,
        about: (li.querySelector(".result-about") || { textContent: "" }).textContent.trim(),
        excerpt: (li.querySelector("p") || { textContent: "" }).textContent,
        marks: Array.from(li.querySelectorAll("mark")).map((m) => m.textContent),
      })),
      more: more ? !more.hidden : null,
      text: document.querySelector("main").textContent,
    };
  });
}

async function search(root, q) {
  await page.goto(`${root}/search.html?q=${encodeURIComponent(q)}`);
  await page.waitForSelector("#results[data-count]", { state: "attached", timeout: 15000 });
  const first = await seen();
  let after = null;
  if (first.more) {
    const before = first.results.length;
    await page.click("#search-more");
    await page.waitForFunction((n) => document.querySelectorAll("#results > li").length > n, before, { timeout: 15000 });
    after = await seen();
  }
  return { ...first, after };
}

// Links from file:// as paths in the site, like the served ones.
const fileRoot = "file://" + path.resolve(dir);
function relative(result) {
  const strip = (r) => ({ ...r, href: r.href.startsWith(fileRoot) ? r.href.slice(fileRoot.length) : r.href });
  return { ...result, results: result.results.map(strip), after: result.after && { ...result.after, results: result.after.results.map(strip) } };
}

const out = { errors, served: {}, file: {} };
for (const q of queries) out.served[q] = await search(base, q);
for (const q of queries) out.file[q] = relative(await search(fileRoot, q));
await browser.close();
close();
console.log(JSON.stringify(out));
