// Browser test for the web build: serves dist/ on loopback, loads it in headless Chromium (WebGL2 through
// SwiftShader), checks that the canvas is rendered, that the console has no errors, and that a setting
// survives a reload (localStorage).
//
// Usage: node web/browser-test.mjs [DIST_DIR]   (needs `chromium` and web/.tools/node_modules/puppeteer-core)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const puppeteer = require(path.join(here, ".tools/node_modules/puppeteer-core"));
const dist = path.resolve(process.argv[2] || path.join(here, "../dist"));
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };

const server = http.createServer((req, res) => {
  const file = path.join(dist, decodeURIComponent(new URL(req.url, "http://x").pathname).replace(/^\/$/, "/index.html"));
  if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
});
const errors = [];
let failed = false;
const check = (ok, what) => { console.log(`${ok ? "ok" : "FAIL"}: ${what}`); if (!ok) failed = true; };
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => { if (!String(e).includes("Using exceptions for control flow")) errors.push(String(e)); });

  const canvasDrawn = async () => page.waitForFunction(() => {
    const c = document.getElementById("motivo-canvas");
    return c && c.width > 100 && c.height > 100 && !document.getElementById("motivo-loading");
  }, { timeout: 120000 });

  await page.goto(url, { waitUntil: "load" });
  await canvasDrawn();
  await new Promise((r) => setTimeout(r, 3000));
  await page.screenshot({ path: path.join(os.tmpdir(), "motivo-web-shot-1.png") });
  const ctx = await page.evaluate(() => !!document.createElement("canvas").getContext("webgl2"));
  check(ctx, "WebGL2 is available");
  // Non-blank canvas: the screenshot's pixels are not all one colour (a blank PNG compresses to a few kB). The
  // first frame can take seconds on a busy machine with software WebGL, so look again for up to a minute.
  let shot = "";
  for (let i = 0; i < 60; i++) {
    shot = await page.screenshot({ encoding: "base64", clip: { x: 0, y: 0, width: 1200, height: 800 } });
    if (shot.length > 20000) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  check(shot.length > 20000, "the canvas shows a rendered screen");

  // A setting survives a reload: write the app's settings key, reload, and see the app kept (and re-saved) it.
  const settings = await page.evaluate(() => localStorage.getItem("motivo/settings"));
  check(settings !== null && JSON.parse(settings).lang === "fi", "the app saved its settings in localStorage");
  await page.evaluate(() => {
    const s = JSON.parse(localStorage.getItem("motivo/settings") || "{}");
    s.lang = "en"; s.high_contrast = true;
    localStorage.setItem("motivo/settings", JSON.stringify(s));
  });
  await page.reload({ waitUntil: "load" });
  await canvasDrawn();
  await new Promise((r) => setTimeout(r, 3000));
  await page.screenshot({ path: path.join(os.tmpdir(), "motivo-web-shot-2.png") });
  const after = JSON.parse((await page.evaluate(() => localStorage.getItem("motivo/settings"))) || "{}");
  check(after.lang === "en" && after.high_contrast === true, `a setting survives a reload (before: ${settings})`);
  check(errors.length === 0, `no console errors${errors.length ? ": " + errors.join(" | ") : ""}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
