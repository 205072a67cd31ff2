// SCORM 1.2 runtime shim for the web app (imported by crates/motivo-app/src/lms.rs through wasm-bindgen, which
// copies this file to dist/snippets/…). The content side of SCORM 1.2: find the LMS's `API` object in a parent
// frame (or the opener), LMSInitialize once, get/set/commit values, and on leaving the page set
// cmi.core.session_time, LMSCommit and LMSFinish. No function here ever throws: LMS errors are logged with
// console.warn (LMSGetLastError / LMSGetErrorString / LMSGetDiagnostic), and outside an LMS every call is a quiet
// no-op. docs/scorm.md describes the whole package.

let api = null;        // the LMS's API object once LMSInitialize returned "true"
let tried = false;     // lmsConnect already looked (it is idempotent)
let finished = false;  // lmsFinish already ran
let startedAt = 0;     // Date.now() at LMSInitialize

/** The SCORM 1.2 API object in `win` or its parents (at most `levels` up), or null. */
function findIn(win, levels) {
  for (let i = 0; win && i <= levels; i++) {
    try {
      if (win.API && typeof win.API.LMSInitialize === "function") {
        return win.API;
      }
    } catch (_) {
      // A cross-origin frame: its properties cannot be read. Keep climbing.
    }
    let parent = null;
    try {
      parent = win.parent;
    } catch (_) {
      parent = null;
    }
    if (!parent || parent === win) {
      break;
    }
    win = parent;
  }
  return null;
}

/** Looks in the parents of this window, then in the window that opened it and its parents. */
function findApi() {
  let found = findIn(window, 10);
  if (!found) {
    let opener = null;
    try {
      opener = window.opener;
    } catch (_) {
      opener = null;
    }
    if (opener) {
      found = findIn(opener, 10);
    }
  }
  return found;
}

function warn(what) {
  try {
    const code = api ? String(api.LMSGetLastError()) : "";
    const text = api && code ? String(api.LMSGetErrorString(code)) : "";
    const diag = api && code ? String(api.LMSGetDiagnostic ? api.LMSGetDiagnostic(code) : "") : "";
    console.warn(`motivo: SCORM ${what} failed: error ${code} ${text}${diag && diag !== text ? ` (${diag})` : ""}`);
  } catch (e) {
    console.warn(`motivo: SCORM ${what} failed: ${e}`);
  }
}

/** Calls `api[name](...args)`, returning its result as a string ("" when it threw). */
function call(name, ...args) {
  try {
    return String(api[name](...args));
  } catch (e) {
    console.warn(`motivo: SCORM ${name} threw: ${e}`);
    return "";
  }
}

/** `ms` milliseconds as a SCORM 1.2 CMITimespan, `HHHH:MM:SS.SS`. */
function timespan(ms) {
  const cs = Math.max(0, Math.round(ms / 10));
  const h = Math.min(9999, Math.floor(cs / 360000));
  const m = Math.floor(cs / 6000) % 60;
  const s = Math.floor(cs / 100) % 60;
  const frac = cs % 100;
  const pad = (n, w) => String(n).padStart(w, "0");
  return `${pad(h, 4)}:${pad(m, 2)}:${pad(s, 2)}.${pad(frac, 2)}`;
}

/**
 * Finds the LMS and initialises the session. Returns whether the app runs inside an LMS. Idempotent: later calls
 * return the first answer without calling LMSInitialize again.
 */
export function lmsConnect() {
  if (tried) {
    return api !== null;
  }
  tried = true;
  let found = null;
  try {
    found = findApi();
  } catch (e) {
    found = null;
  }
  if (!found) {
    return false;
  }
  api = found;
  const ok = call("LMSInitialize", "");
  if (ok !== "true") {
    warn("LMSInitialize");
    api = null;
    return false;
  }
  startedAt = Date.now();
  try {
    window.addEventListener("pagehide", lmsFinish);
    window.addEventListener("beforeunload", lmsFinish);
  } catch (_) {
    // No window events (not expected in a browser): the LMS ends the session when its frame goes.
  }
  return true;
}

/** Whether lmsConnect found an LMS and the session is not finished yet. */
export function lmsConnected() {
  return api !== null && !finished;
}

/** The value of a cmi element ("" outside an LMS or on an error). */
export function lmsGet(element) {
  if (!lmsConnected()) {
    return "";
  }
  const v = call("LMSGetValue", String(element));
  if (v === "" && call("LMSGetLastError") !== "0") {
    warn(`LMSGetValue(${element})`);
  }
  return v;
}

/** Sets a cmi element; false outside an LMS or when the LMS refused the value. */
export function lmsSet(element, value) {
  if (!lmsConnected()) {
    return false;
  }
  const ok = call("LMSSetValue", String(element), String(value)) === "true";
  if (!ok) {
    warn(`LMSSetValue(${element})`);
  }
  return ok;
}

/** Asks the LMS to store what was set; false outside an LMS or on an error. */
export function lmsCommit() {
  if (!lmsConnected()) {
    return false;
  }
  const ok = call("LMSCommit", "") === "true";
  if (!ok) {
    warn("LMSCommit");
  }
  return ok;
}

/** Ends the session: session time, LMSCommit, LMSFinish. Runs once; later calls do nothing. */
export function lmsFinish() {
  if (!lmsConnected()) {
    return;
  }
  lmsSet("cmi.core.session_time", timespan(Date.now() - startedAt));
  lmsCommit();
  finished = true;
  if (call("LMSFinish", "") !== "true") {
    warn("LMSFinish");
  }
  try {
    window.removeEventListener("pagehide", lmsFinish);
    window.removeEventListener("beforeunload", lmsFinish);
  } catch (_) {
    // Nothing to remove.
  }
}
