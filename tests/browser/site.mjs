// Drives a real headless Chromium (Debian's) against a built clerk site and prints what it saw
// as JSON, for tests/browser.rs to assert on.
//
//   node site.mjs SITE_DIR QUERY_FOUND QUERY_SECRET
import { launch, serve } from "./lib.mjs";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const [dir, found, secret, hostile] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const requests = [];
const { base, close } = await serve(dir, (url) => requests.push(url));

const browser = await launch(["--disable-quic"]);
const page = await browser.newPage();
const external = [];
page.on("request", (r) => { if (!r.url().startsWith(base) && !r.url().startsWith("file:") && !r.url().startsWith("data:")) external.push(r.url()); });
const errors = [];
page.on("pageerror", (e) => errors.push(String(e)));

async function axe() {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function search(q) {
  await page.goto(`${base}/search.html?q=${encodeURIComponent(q)}`);
  await page.waitForSelector("#results[data-count]", { state: "attached", timeout: 15000 });
  return await page.$$eval("#results a", (as) => as.map((a) => a.getAttribute("href")));
}

// What the results of a search for a record whose text is markup show: the links found, any
// element the text made, the marked words, the text, and whether a script of it ran.
async function shownAsText(links) {
  await page.waitForTimeout(300);
  return await page.evaluate((links) => ({
    links,
    injected: document.querySelectorAll("#results img, #results script, #results iframe").length,
    marks: Array.from(document.querySelectorAll("#results mark")).map((m) => m.textContent),
    text: document.getElementById("results").textContent,
    pwned: window.__pwned === undefined ? null : window.__pwned,
  }), links);
}

const out = { external, errors };
// The home page, opened from the output folder as served.
await page.goto(`${base}/index.html`);
out.home = { title: await page.title(), h1: await page.textContent("h1"), axe: await axe() };
const firstDocument = await page.$eval("section[aria-labelledby=recent] a[href*='document/']", (a) => a.getAttribute("href"));
// Follow a link to a record page.
await page.click(`a[href='${firstDocument}']`);
await page.waitForLoadState();
out.record = {
  url: page.url().slice(base.length),
  h1: await page.textContent("h1"),
  signatures: await page.$$eval("td.sig", (tds) => tds.map((td) => td.className + " " + td.textContent.trim())),
  axe: await axe(),
};
// A type index, with its filters.
await page.goto(`${base}/document/index.html`);
const rows = async () => await page.$$eval("table.records tbody tr", (trs) => trs.filter((tr) => !tr.hidden).length);
out.index = { rows: await rows(), axe: await axe() };
await page.selectOption("#f-status", "archived");
out.index.archived = await rows();
out.found = await search(found);
out.secret = await search(secret);
if (hostile) {
  // A record whose text is markup: the results show it as text, run nothing, and still mark the word.
  out.hostile = await shownAsText(await search(hostile));
}
out.search_fetches = requests.filter((r) => r.includes("/pagefind/fragment/")).length;
out.search_fragments = fs.readdirSync(path.join(dir, "pagefind", "fragment")).length;
// The pages work from file:// too.
await page.goto("file://" + path.resolve(dir, "document/index.html"));
out.file = { h1: await page.textContent("h1"), css: await page.evaluate(() => getComputedStyle(document.body).fontFamily) };
// Search from file://: the records' text is loaded as scripts and the words matched in it.
const fileRoot = "file://" + path.resolve(dir);
async function searchFile(q) {
  await page.goto(`${fileRoot}/search.html?q=${encodeURIComponent(q)}`);
  await page.waitForSelector("#results[data-count]", { state: "attached", timeout: 15000 });
  return await page.$$eval("#results a", (as, root) => as.map((a) => a.href.startsWith(root) ? a.href.slice(root.length) : a.href), fileRoot);
}
out.offline = { found: await searchFile(found), secret: await searchFile(secret) };
out.offline.note = await page.evaluate(() => !document.getElementById("search-offline").hidden && document.getElementById("search-offline").textContent);
out.offline.unavailable = await page.evaluate(() => !document.getElementById("search-note").hidden);
if (hostile) {
  out.offline.hostile = await shownAsText(await searchFile(hostile));
}
// Printing a record: no navigation, the title centred.
await page.goto(`${base}/${out.record.url.replace(/^\//, "")}`);
await page.emulateMedia({ media: "print" });
out.print = { nav: await page.evaluate(() => getComputedStyle(document.querySelector("nav")).display), h1: await page.evaluate(() => getComputedStyle(document.querySelector("h1")).textAlign) };
await browser.close();
close();
console.log(JSON.stringify(out));
