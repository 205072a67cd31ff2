// Opens the HTML graph of every bundled scenario (and a `motivo new` scenario) in headless Chromium and checks
// that the page has no console errors, no network requests, and draws its SVG with a node per scenario node.
// Usage: node tests/studio/graph-html.mjs [MOTIVO_BIN]
//   (needs `chromium` and puppeteer-core: npm install --prefix web/.tools puppeteer-core@24, as .ci/run does)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const puppeteer = require(path.join(root, "web/.tools/node_modules/puppeteer-core"));
const motivo = process.argv[2] || path.join(root, "target/debug/motivo");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "motivo-graph-"));

const ids = execFileSync(motivo, ["list"], { encoding: "utf8", env: { ...process.env, LANG: "C" } })
  .split("\n").map((l) => l.trim().split(/\s+/)[0]).filter((w) => /^[a-z0-9-]+$/.test(w || ""));
const targets = ids.filter((id) => fs.existsSync(path.join(root, "scenarios", `${id}.ron`)));
execFileSync(motivo, ["new", "graph-check", "-o", path.join(tmp, "graph-check.ron")], { stdio: "ignore" });
targets.push(path.join(tmp, "graph-check.ron"));

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox"],
});
let failed = false;
const check = (ok, what) => { console.log(`${ok ? "ok" : "FAIL"}: ${what}`); if (!ok) failed = true; };
try {
  for (const t of targets) {
    for (const lang of ["fi", "en"]) {
      const out = path.join(tmp, `${path.basename(t, ".ron")}-${lang}.html`);
      execFileSync(motivo, ["graph", t, "--format", "html", "--lang", lang, "-o", out]);
      const page = await browser.newPage();
      const errors = [];
      const requests = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("request", (r) => { if (!r.url().startsWith("file:")) requests.push(r.url()); });
      await page.goto(`file://${out}`, { waitUntil: "load" });
      const nodes = await page.evaluate(() => document.querySelectorAll("svg g[id^='node-']").length);
      const rows = await page.evaluate(() => document.querySelectorAll("tbody tr").length);
      const name = `${path.basename(t)} (${lang})`;
      check(errors.length === 0, `${name}: no console errors ${errors.join(" | ")}`);
      check(requests.length === 0, `${name}: no network requests ${requests.join(" ")}`);
      check(nodes > 2 && rows > 2, `${name}: ${nodes} nodes and ${rows} edges drawn`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
