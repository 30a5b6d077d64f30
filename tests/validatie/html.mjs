// Checks HTML editions of the report in a real browser (Debian's Chromium,
// driven by puppeteer-core; no downloaded browser): axe-core with the WCAG
// 2.0/2.1 A and AA rules, in the light and the dark colour scheme; no
// horizontal page scroll at 320 CSS pixels; no request leaves the page;
// printed on A4 with every chapter on a new page;
// screenshots at 360 and 1280 pixels wide into SCREENSHOT_DIR.
//
// Usage: node html.mjs SCREENSHOT_DIR FILE.html...
// Prints one JSON object per file and exits 0 when every file passes.
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(path.join(process.env.NODE_MODULES_DIR ?? process.cwd(), "x.js"));
const puppeteer = require("puppeteer-core");
const axe = require("axe-core");

const [shots, ...files] = process.argv.slice(2);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
let failed = false;
for (const file of files) {
  const page = await browser.newPage();
  const requests = [];
  await page.setRequestInterception(true);
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith("file:") && !url.startsWith("data:")) requests.push(url);
    url.startsWith("file:") || url.startsWith("data:") ? r.continue() : r.abort();
  });
  const scripts = [];
  page.on("console", () => {});
  await page.setJavaScriptEnabled(true);
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load" });
  scripts.push(...(await page.$$eval("script", (s) => s.map((x) => x.outerHTML.slice(0, 80)))));
  const result = { file, violations: [], overflow320: null, requests, scripts };
  for (const scheme of ["light", "dark"]) {
    await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }]);
    await page.setViewport({ width: 1280, height: 900 });
    await page.addScriptTag({ content: axe.source });
    const found = await page.evaluate(async () =>
      (await window.axe.run(document, {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      })).violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + ": " + n.failureSummary),
      })),
    );
    await page.evaluate(() => document.querySelectorAll("script").forEach((s) => s.remove()));
    result.violations.push(...found.map((v) => ({ scheme, ...v })));
  }
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  const base = path.join(shots, path.basename(file, ".html"));
  for (const width of [1280, 360]) {
    await page.setViewport({ width, height: 900 });
    await page.screenshot({ path: `${base}-${width}.png` });
  }
  await page.setViewport({ width: 320, height: 640 });
  result.overflow320 = await page.evaluate(() => {
    const d = document.documentElement;
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth };
  });
  // Printed: chapters start on a new page, on A4.
  await page.emulateMediaType("print");
  result.print = await page.evaluate(() => {
    const chapters = [...document.querySelectorAll("main > h2")];
    return {
      chapters: chapters.length,
      newPage: chapters.filter((h) => getComputedStyle(h).breakBefore === "page").length,
    };
  });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const box = /\/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)/.exec(Buffer.from(pdf).toString("latin1"));
  result.print.pageSize = box ? [Math.round(+box[1]), Math.round(+box[2])] : null;
  await page.emulateMediaType("screen");
  const printOk = result.print.chapters > 0 && result.print.newPage === result.print.chapters
    && result.print.pageSize && result.print.pageSize[0] === 595 && result.print.pageSize[1] === 842;
  const ok = printOk && result.violations.length === 0 && requests.length === 0 && scripts.length === 0
    && result.overflow320.scrollWidth <= result.overflow320.clientWidth;
  failed ||= !ok;
  console.log(JSON.stringify({ ok, ...result }));
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
