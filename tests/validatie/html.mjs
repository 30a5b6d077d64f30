// Checks HTML editions of the report in a real browser (Debian's Chromium,
// driven by puppeteer-core; no downloaded browser): axe-core with the WCAG
// 2.0/2.1 A and AA rules, in the light and the dark colour scheme; no
// horizontal page scroll at 320 CSS pixels; no request leaves the page;
// printed on A4 with every chapter on a new page;
// at 320 and 390 CSS pixels (a phone): small tables fit the screen; a wider
// one scrolls inside its own frame with a visible cue (a shadow at its
// edge) and its first column fixed, its caption outside the frame; charts
// fit the width, their labels at least 9 pixels at 390 and in a sans-serif
// also without Noto Sans; printed on A4, nothing is wider than the page and
// nothing scrolls (the printed PDF goes to SCREENSHOT_DIR, for the reader's
// frame check); in dark mode the charts take the dark background;
// screenshots at 390 and 1280 pixels wide into SCREENSHOT_DIR.
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
  for (const width of [1280, 390]) {
    await page.setViewport({ width, height: 900 });
    await page.screenshot({ path: `${base}-${width}.png` });
  }
  // On a phone (390 CSS pixels): what a reader sees of tables and charts.
  await page.setViewport({ width: 390, height: 844 });
  result.phone = await page.evaluate(() => {
    const d = document.documentElement;
    // Small: its columns fit their content, and there are at most three.
    const small = [...document.querySelectorAll("table.passend")]
      .filter((t) => t.querySelectorAll("thead th").length <= 3)
      .map((t) => ({
        width: Math.ceil(t.getBoundingClientRect().width),
        room: Math.floor(t.parentElement.clientWidth),
      }));
    // Wider than the screen: scrolls inside its own frame, with a cue and
    // its first column fixed, the caption outside the frame.
    const wide = [...document.querySelectorAll("table")].filter((t) =>
      t.getBoundingClientRect().width > t.parentElement.clientWidth + 1);
    const unframed = wide.filter((t) => {
      const frame = getComputedStyle(t.parentElement);
      const first = t.querySelector("tbody tr > :first-child");
      return frame.overflowX !== "auto" || !/gradient/.test(frame.backgroundImage)
        || !first || getComputedStyle(first).position !== "sticky";
    }).length;
    const captionsInside = [...document.querySelectorAll(".tabel .bijschrift, .tabel caption")].length;
    const chartsTooWide = [...document.querySelectorAll("figure.grafiek svg")].filter((s) =>
      s.getBoundingClientRect().right > d.clientWidth + 1).length;
    const labels = [...document.querySelectorAll("figure.grafiek svg text")].map((t) => {
      const svg = t.ownerSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return parseFloat(t.getAttribute("font-size")) * scale;
    });
    const families = [...new Set([...document.querySelectorAll("figure.grafiek svg text")]
      .map((t) => getComputedStyle(t).fontFamily))];
    return {
      pageOverflow: d.scrollWidth - d.clientWidth,
      smallTables: small.length,
      smallTooWide: small.filter((t) => t.width > t.room).length,
      unframed,
      wideTables: wide.length,
      captionsInside,
      chartsTooWide,
      smallestLabel: labels.length ? Math.min(...labels) : null,
      fontFamilies: families,
    };
  });
  await page.setViewport({ width: 320, height: 640 });
  result.overflow320 = await page.evaluate(() => {
    const d = document.documentElement;
    const cut = [...document.querySelectorAll("table")].filter((t) => {
      const frame = getComputedStyle(t.parentElement);
      return t.getBoundingClientRect().width > t.parentElement.clientWidth + 1 && frame.overflowX !== "auto";
    }).length;
    return { scrollWidth: d.scrollWidth, clientWidth: d.clientWidth, cut };
  });
  // In dark mode the charts stand on the page's dark background.
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
  result.darkCharts = await page.evaluate(() => {
    const page = getComputedStyle(document.body).backgroundColor;
    const rects = [...document.querySelectorAll("figure.grafiek svg > rect:first-of-type")];
    return { charts: rects.length, light: rects.filter((r) => getComputedStyle(r).fill !== page).length };
  });
  await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "light" }]);
  // Printed, on A4: the chapters the document model marks (the first after
  // the contents, the appendices) start a new page, and the others follow
  // on the page, as in the PDF.
  await page.setViewport({ width: 1280, height: 900 });
  await page.emulateMediaType("print");
  result.print = await page.evaluate(() => {
    const scrolling = [...document.querySelectorAll("main *")].filter((e) => {
      const s = getComputedStyle(e);
      return (s.overflowX === "auto" || s.overflowX === "scroll") && e.scrollWidth > e.clientWidth + 1;
    }).length;
    const chapters = [...document.querySelectorAll("main > h2")];
    const breaks = (h) => getComputedStyle(h).breakBefore === "page";
    // On paper the type scale of the PDF: no table cell, caption or source
    // line in larger letters than the body text.
    const size = (e) => parseFloat(getComputedStyle(e).fontSize);
    const body = size(document.querySelector("main p"));
    const largerThanText = [...document.querySelectorAll("main td, main th, .bijschrift, figcaption, .bron")]
      .filter((e) => size(e) > body + 0.01).length;
    return {
      scrolling,
      largerThanText,
      chapters: chapters.length,
      marked: chapters.filter((h) => h.classList.contains("nieuwe-pagina")).length,
      newPage: chapters.filter(breaks).length,
      wrong: chapters.filter((h) => breaks(h) !== h.classList.contains("nieuwe-pagina")).length,
    };
  });
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const printed = `${base}-afgedrukt.pdf`;
  (await import("node:fs")).writeFileSync(printed, pdf);
  result.print.file = printed;
  const box = /\/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)/.exec(Buffer.from(pdf).toString("latin1"));
  result.print.pageSize = box ? [Math.round(+box[1]), Math.round(+box[2])] : null;
  await page.emulateMediaType("screen");
  const printOk = result.print.scrolling === 0 && result.print.largerThanText === 0
    && result.print.chapters > 0 && result.print.marked > 0
    && result.print.wrong === 0 && result.print.newPage < result.print.chapters
    && result.print.pageSize && result.print.pageSize[0] === 595 && result.print.pageSize[1] === 842;
  const phone = result.phone;
  const phoneOk = phone.pageOverflow <= 0 && phone.smallTooWide === 0 && phone.unframed === 0
    && phone.captionsInside === 0 && phone.chartsTooWide === 0 && result.overflow320.cut === 0
    && result.darkCharts.charts > 0 && result.darkCharts.light === 0
    && (phone.smallestLabel === null || phone.smallestLabel >= 9)
    && phone.fontFamilies.every((f) => /sans-serif/.test(f));
  const ok = printOk && phoneOk && result.violations.length === 0 && requests.length === 0 && scripts.length === 0
    && result.overflow320.scrollWidth <= result.overflow320.clientWidth;
  failed ||= !ok;
  console.log(JSON.stringify({ ok, ...result }));
  await page.close();
}
await browser.close();
process.exit(failed ? 1 : 0);
