// The approval desk (clerk desk) in a real headless Chromium: open the address it printed (with
// its token), open a waiting record from the inbox, sign the approval, and come back to the
// inbox. Prints what it saw as JSON for tests/desk.rs.
//
//   node desk.mjs URL_WITH_TOKEN RECORD_TITLE
import { launch } from "./lib.mjs";

const [url, title] = process.argv.slice(2);
const browser = await launch();
const out = {};
const page = await browser.newPage();
const texts = [];
page.on("response", async (r) => { try { texts.push(await r.text()); } catch { /* a redirect has no body */ } });

await page.goto(url);
// The token is swapped for a cookie: the address no longer holds it.
out.address = page.url();
out.cookie = (await page.context().cookies()).map((c) => ({ httpOnly: c.httpOnly, sameSite: c.sameSite }));
out.inbox = await page.locator("main").innerText();

await page.getByRole("link", { name: title }).click();
await page.waitForLoadState("load");
out.record = await page.locator("main").innerText();
const frame = page.frameLocator("iframe");
out.asIssued = await frame.locator("main").innerText();
out.options = await page.locator("#desk-step option").allInnerTexts();

await Promise.all([page.waitForURL((u) => u.pathname === "/"), page.click("#desk-approve")]);
out.flash = await page.locator(".desk-flash").innerText();
out.after = (await page.locator(".desk-inbox").count()) ? await page.locator(".desk-inbox").innerText() : "";

// Without the cookie (a fresh browser context), the desk refuses.
const stranger = await browser.newContext();
const refused = await stranger.newPage();
const answer = await refused.goto(new URL("/", url).href);
out.withoutToken = answer.status();

out.keyMaterial = texts.some((t) => t.includes("ssh-ed25519 AAAA") || t.includes("PRIVATE KEY"));
await browser.close();
console.log(JSON.stringify(out));
