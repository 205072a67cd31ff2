// SCORM 1.2 test of the package: unzips dist/motivo-scorm.zip (web/scorm.sh) next to a stand-in LMS
// (web/scorm-harness.html: scorm-again's Scorm12API as window.API, the SCO in an iframe), serves both on
// loopback, and drives headless Chromium (WebGL2 through SwiftShader):
//   (a) the package unzipped and served with the harness;
//   (b) a scripted play that reaches a passing ending sets the cmi values by the rules of docs/scorm.md;
//   (d) navigating the SCO away sets cmi.core.session_time, commits and calls LMSFinish once;
//   (c) with the app's own localStorage cleared, a second session resumes from cmi.suspend_data only
//       (entry "resume"): after a second scenario both count in score.raw;
//   (e) index.html with no LMS around: no console errors, progress falls back to localStorage.
//
// Usage: node web/scorm-test.mjs [ZIP]   (default dist/motivo-scorm.zip; needs `chromium`, `unzip`, and
// web/.tools/node_modules/{puppeteer-core,scorm-again}; scorm-again@3.4.3 is installed there when missing)
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import os from "node:os";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.resolve(here, "..");
const tools = path.join(here, ".tools");
const zip = path.resolve(process.argv[2] || path.join(root, "dist/motivo-scorm.zip"));
const timeout = Number(process.env.SCORM_TEST_TIMEOUT_MS || 240000);

if (!fs.existsSync(path.join(tools, "node_modules/scorm-again/package.json"))) {
  console.error("scorm-test: installing scorm-again@3.4.3 into web/.tools");
  execFileSync("npm", ["install", "--silent", "--prefix", tools, "scorm-again@3.4.3"], { stdio: "inherit" });
}
const puppeteer = require(path.join(tools, "node_modules/puppeteer-core"));
const scormAgain = path.join(tools, "node_modules/scorm-again/dist/esm");

// (a) The package, unzipped as an LMS would.
if (!fs.existsSync(zip)) {
  console.error(`scorm-test: ${zip} does not exist (run web/scorm.sh)`);
  process.exit(1);
}
const sco = fs.mkdtempSync(path.join(os.tmpdir(), "motivo-scorm-test-"));
execFileSync("unzip", ["-q", zip, "-d", sco]);

const types = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript",
  ".wasm": "application/wasm", ".xml": "application/xml", ".map": "application/json",
};
const serve = (res, base, rel) => {
  const file = path.join(base, rel);
  if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404);
    res.end();
    return;
  }
  res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
};
const server = http.createServer((req, res) => {
  const p = decodeURIComponent(new URL(req.url, "http://x").pathname);
  if (p === "/" || p === "/harness.html") return serve(res, here, "scorm-harness.html");
  if (p === "/favicon.ico") { res.writeHead(204); res.end(); return; }
  if (p === "/blank.html") { res.writeHead(200, { "content-type": "text/html" }); res.end("<!doctype html><title>away</title>"); return; }
  if (p.startsWith("/scorm-again/")) return serve(res, scormAgain, p.slice("/scorm-again/".length));
  if (p.startsWith("/sco/")) return serve(res, sco, p.slice("/sco/".length));
  res.writeHead(404);
  res.end();
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

// The course's requirements, read from scenarios/course.ron and the bundled scenarios' `module` fields, to
// compute the expected score and status by the rules of docs/scorm.md (course::scorm::cmi).
function courseRules() {
  const strip = (t) => t.replace(/\/\/[^\n]*/g, "");
  const course = strip(fs.readFileSync(path.join(root, "scenarios/course.ron"), "utf8"));
  const bundledRs = fs.readFileSync(path.join(root, "crates/motivo-engine/src/bundled.rs"), "utf8");
  const bundled = [...new Set([...bundledRs.matchAll(/scenarios\/([a-z0-9-]+)\.ron/g)].map((m) => m[1]))];
  const ownModule = Object.fromEntries(bundled.map((id) => {
    const text = strip(fs.readFileSync(path.join(root, "scenarios", id + ".ron"), "utf8"));
    return [id, (text.match(/^\s*module:\s*"([^"]*)"/m) || [])[1] || ""];
  }));
  const complete = (course.match(/\bcomplete:\s*(AllModules|AvailableModules)/) || [, "AllModules"])[1];
  const list = course.slice(course.search(/\bmodules:\s*\[/));
  // Each module starts with `(` on its own line, then `id: "…"`.
  const modules = list.split(/\n\s*\(\s*\n(?=\s*id:)/).slice(1).map((block) => {
    const id = block.match(/^\s*id:\s*"([^"]+)"/)[1];
    const listed = [...((block.match(/\bscenarios:\s*\[([^\]]*)\]/) || [, ""])[1].matchAll(/"([^"]+)"/g))].map((m) => m[1]);
    const joined = bundled.filter((s) => ownModule[s] === id && !listed.includes(s)).sort();
    const scenarios = [...listed, ...joined];
    const atLeast = block.match(/\bmastery:\s*AtLeast\((\d+)\)/);
    const needed = atLeast ? Math.min(Number(atLeast[1]), scenarios.length) : scenarios.length;
    return { id, scenarios, needed };
  });
  if (modules.length === 0 || bundled.length === 0) throw new Error("could not read the course's modules");
  return { complete, modules };
}
const rules = courseRules();
console.log(`course: ${rules.complete}; ${rules.modules.map((m) => `${m.id} needs ${m.needed} of [${m.scenarios.join(", ")}]`).join("; ")}`);
/** { raw, status } for a learner who played `played` to an ending and passed `passed` (scenario ids). */
function expected(played, passed) {
  const counted = rules.modules.filter((m) => rules.complete === "AllModules" || m.scenarios.length > 0);
  let credited = 0, required = 0;
  for (const m of counted) {
    credited += Math.min(m.scenarios.filter((s) => passed.includes(s)).length, m.needed);
    required += m.needed;
  }
  const mastered = (m) => m.scenarios.length > 0 && m.needed > 0 && m.scenarios.filter((s) => passed.includes(s)).length >= m.needed;
  const raw = required === 0 ? 0 : Math.min(100, Math.floor((200 * credited + required) / (2 * required)));
  let status = "incomplete";
  if (counted.length > 0 && counted.every(mastered)) status = "passed";
  else if (required > 0 && credited >= required) status = "completed";
  else {
    const open = counted.filter((m) => m.needed > 0 && !mastered(m));
    if (required > 0 && open.length > 0 && open.every((m) => m.scenarios.every((s) => played.includes(s)))) status = "failed";
  }
  return { raw, status, required };
}

const script = (name) => fs.readFileSync(path.join(root, "tests/scripts", name), "utf8");
const harnessUrl = (scenario, scriptName, reset) =>
  `${base}/harness.html?${reset ? "harness_reset=1&" : ""}scenario=${scenario}&lang=fi&script=${encodeURIComponent(script(scriptName))}`;

const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader", "--ignore-gpu-blocklist"],
});
let failed = false;
const check = (ok, what) => { console.log(`${ok ? "ok" : "FAIL"}: ${what}`); if (!ok) failed = true; };
const errors = [];
const lmsWarnings = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800 });
  page.on("console", (m) => {
    const text = m.text();
    if (m.type() === "error") errors.push(text);
    if (/motivo: SCORM|LMS (refused|did not)/.test(text)) lmsWarnings.push(text);
  });
  page.on("response", (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} for ${r.url()}`); });
  page.on("pageerror", (e) => { if (!String(e).includes("Using exceptions for control flow")) errors.push(String(e)); });
  const harness = (f, ...args) => page.evaluate(f, ...args);
  // The app reports at start too; wait for the report of the play itself: its scenario in the suspend data.
  const waitStatus = (scenario) => page.waitForFunction(
    (scenario) => window.harness && window.harness.sets["cmi.core.lesson_status"] && window.harness.savedCount > 0 &&
      (window.harness.sets["cmi.suspend_data"] || "").includes(scenario),
    { timeout, polling: 500 }, scenario);
  const clearAppStorage = () => page.evaluate(() => {
    const keys = Object.keys(localStorage).filter((k) => k.startsWith("motivo/"));
    keys.forEach((k) => localStorage.removeItem(k));
    return keys;
  });
  const log = () => page.evaluate(() => JSON.parse(localStorage.getItem("motivo-harness/cmi") || "null"));

  // (b) First session: a new learner passes omakanta-resepti in their own typed words (only such a pass counts
  // toward mastery, docs/progress.md; a play by picking options is practice).
  await page.goto(harnessUrl("omakanta-resepti", "omakanta-resepti-oma-askel--typed-fi.txt", true), { waitUntil: "load" });
  await waitStatus("omakanta-resepti");
  const s1 = await harness(() => ({ sets: window.harness.sets, entry: window.harness.entry,
    inits: window.harness.count("LMSInitialize"), finishes: window.harness.count("LMSFinish") }));
  const raw1 = Number(s1.sets["cmi.core.score.raw"]);
  console.log(`session 1: ${JSON.stringify({ ...s1.sets, "cmi.suspend_data": undefined })}`);
  console.log(`session 1 suspend_data (${(s1.sets["cmi.suspend_data"] || "").length} chars): ${s1.sets["cmi.suspend_data"]}`);
  check(s1.entry === "ab-initio", `a new learner starts ab-initio (${s1.entry})`);
  check(s1.inits === 1, `LMSInitialize was called once (${s1.inits})`);
  check(s1.sets["cmi.core.lesson_location"] === "omakanta-resepti",
    `lesson_location is the scenario (${s1.sets["cmi.core.lesson_location"]})`);
  check(s1.sets["cmi.core.score.min"] === "0" && s1.sets["cmi.core.score.max"] === "100",
    `score.min/max are 0/100 (${s1.sets["cmi.core.score.min"]}/${s1.sets["cmi.core.score.max"]})`);
  // By the course's rules (docs/scorm.md): one pass of the `required` the course needs.
  const e1 = expected(["omakanta-resepti"], ["omakanta-resepti"]);
  check(raw1 > 0 && raw1 === e1.raw, `score.raw is ${e1.raw} after 1 of ${e1.required} required passes (${raw1})`);
  check(["incomplete", "passed", "failed"].includes(s1.sets["cmi.core.lesson_status"]) &&
    s1.sets["cmi.core.lesson_status"] === e1.status, `lesson_status is ${e1.status} (${s1.sets["cmi.core.lesson_status"]})`);
  check(s1.sets["cmi.core.exit"] === "suspend", `exit is suspend (${s1.sets["cmi.core.exit"]})`);
  const sd1 = s1.sets["cmi.suspend_data"] || "";
  check(sd1.length > 0 && sd1.length <= 4096 && /^MS1\|[\x20-\x7e]*$/.test(sd1),
    `suspend_data is Motivo's, printable ASCII, ${sd1.length} ≤ 4096 chars`);
  check(s1.finishes === 0, "LMSFinish is not called while the learner is still in the app");

  // (d) The learner leaves: the SCO is navigated away inside the LMS page.
  await page.evaluate(() => { document.getElementById("sco").src = "about:blank"; });
  await page.waitForFunction(() => window.harness.count("LMSFinish") > 0, { timeout: 20000, polling: 200 })
    .catch(() => {});
  const d1 = await harness(() => ({ sets: window.harness.sets, calls: window.harness.calls }));
  const finishes1 = d1.calls.filter((c) => c.name === "LMSFinish");
  check(finishes1.length === 1 && finishes1[0].result === "true", `LMSFinish was called once on leaving (${finishes1.length})`);
  const st1 = d1.sets["cmi.core.session_time"] || "";
  check(/^\d{4}:\d{2}:\d{2}\.\d{2}$/.test(st1), `session_time is set as HHHH:MM:SS.SS (${st1})`);
  const lastSet = d1.calls.map((c) => c.name === "LMSSetValue" && c.args[0] === "cmi.core.session_time").lastIndexOf(true);
  const lastCommit = d1.calls.map((c) => c.name === "LMSCommit").lastIndexOf(true);
  const finishAt = d1.calls.findIndex((c) => c.name === "LMSFinish");
  check(lastSet >= 0 && lastSet < lastCommit && lastCommit < finishAt, "session_time, then LMSCommit, then LMSFinish");
  const kept1 = await log();
  check(kept1 && kept1.suspend_data === sd1 && kept1.core.exit === "suspend", "the LMS kept suspend_data and exit");

  // (c) Second session on another device: only the LMS's suspend_data carries the first pass.
  const cleared = await clearAppStorage();
  check(cleared.length > 0, `the app had also saved locally (${cleared.join(", ")}); cleared`);
  await page.goto(harnessUrl("etavastaanotto", "etavastaanotto-oma-aika--typed-fi.txt", false), { waitUntil: "load" });
  await waitStatus("etavastaanotto");
  const s2 = await harness(() => ({ sets: window.harness.sets, entry: window.harness.entry, calls: window.harness.calls,
    inits: window.harness.count("LMSInitialize") }));
  const raw2 = Number(s2.sets["cmi.core.score.raw"]);
  console.log(`session 2: ${JSON.stringify({ ...s2.sets, "cmi.suspend_data": undefined })}`);
  console.log(`session 2 suspend_data (${(s2.sets["cmi.suspend_data"] || "").length} chars): ${s2.sets["cmi.suspend_data"]}`);
  check(s2.entry === "resume", `the second session is a resume (${s2.entry})`);
  check(s2.inits === 1, `LMSInitialize was called once (${s2.inits})`);
  const readBack = s2.calls.find((c) => c.name === "LMSGetValue" && c.args[0] === "cmi.suspend_data");
  check(readBack && readBack.result === sd1, "the app read the suspend_data of the first session");
  check(s2.sets["cmi.core.lesson_location"] === "etavastaanotto", `lesson_location moved on (${s2.sets["cmi.core.lesson_location"]})`);
  // Both scenarios now count (the first one only through suspend_data).
  const both = ["omakanta-resepti", "etavastaanotto"];
  const e2 = expected(both, both);
  check(raw2 === e2.raw && raw2 - raw1 === e2.raw - e1.raw,
    `score.raw went up by ${e2.raw - e1.raw} to ${e2.raw}: 2 of ${e2.required} (${raw1} → ${raw2})`);
  check(s2.sets["cmi.core.lesson_status"] === e2.status, `lesson_status is ${e2.status} (${s2.sets["cmi.core.lesson_status"]})`);
  const sd2 = s2.sets["cmi.suspend_data"] || "";
  check(sd2.length <= 4096 && sd2.includes("omakanta-resepti") && sd2.includes("etavastaanotto"),
    `suspend_data holds both scenarios (${sd2.length} chars)`);
  const local2 = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("motivo/")));
  check(local2.length > 0, `the app saved the merged progress locally again (${local2.join(", ")})`);

  // (d) The whole LMS page goes away (the learner closes the activity): the SCO still finishes.
  await page.goto(`${base}/blank.html`, { waitUntil: "load" });
  const kept2 = await log();
  const st2 = (kept2 && kept2.core && kept2.core.session_time) || "";
  check(/^\d{4}:\d{2}:\d{2}\.\d{2}$/.test(st2) && kept2.suspend_data === sd2,
    `leaving the LMS page set session_time (${st2}) and kept suspend_data`);
  check(lmsWarnings.length === 0, `no LMS errors from the app${lmsWarnings.length ? ": " + lmsWarnings.join(" | ") : ""}`);
  check(errors.length === 0, `no console errors in the LMS sessions${errors.length ? ": " + errors.join(" | ") : ""}`);

  // (e) No LMS: the app runs alone and keeps progress in localStorage.
  errors.length = 0;
  await clearAppStorage();
  await page.goto(`${base}/sco/index.html?scenario=omakanta-resepti&lang=fi&script=${encodeURIComponent(script("omakanta-resepti-oma-askel--typed-fi.txt"))}`,
    { waitUntil: "load" });
  const stored = await page.waitForFunction(
    () => Object.keys(localStorage).some((k) => k.startsWith("motivo/") && (localStorage.getItem(k) || "").includes("omakanta-resepti")),
    { timeout, polling: 500 }).then(() => true, () => false);
  await new Promise((r) => setTimeout(r, 2000));
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("motivo/")));
  check(stored, `without an LMS the play is kept in localStorage (${keys.join(", ")})`);
  check(await page.evaluate(() => typeof window.API === "undefined"), "no SCORM API around");
  await page.screenshot({ path: path.join(os.tmpdir(), "motivo-scorm-standalone.png") });
  check(errors.length === 0, `no console errors without an LMS${errors.length ? ": " + errors.join(" | ") : ""}`);
  check(lmsWarnings.length === 0, "no LMS warnings without an LMS");
} catch (e) {
  check(false, `the test ran to the end (${e})`);
} finally {
  await browser.close();
  server.close();
  fs.rmSync(sco, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
