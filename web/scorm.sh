#!/usr/bin/env bash
# Builds the SCORM 1.2 package for an LMS (Moodle): the web app (web/build.sh → dist/) plus imsmanifest.xml at
# the zip's root, as dist/motivo-scorm.zip (or $SCORM_ZIP). Then checks the zip itself: the manifest at the root
# and well-formed, every <file href> of the manifest in the zip and every file of the zip in the manifest,
# index.html, the wasm and the SCORM shim (snippets/**/lms.js) present. docs/scorm.md describes the package.
#
# Usage: web/scorm.sh [--no-build]      --no-build: package the existing dist/ (built when there is none)
# Env:   DIST_DIR (default dist/, as web/build.sh), SCORM_ZIP (default $DIST_DIR/motivo-scorm.zip)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dist="${DIST_DIR:-$root/dist}"
zip_out="${SCORM_ZIP:-$dist/motivo-scorm.zip}"
build=1
for arg in "$@"; do
    case "$arg" in
        --no-build) build=0 ;;
        -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
        *) echo "scorm.sh: unknown argument $arg" >&2; exit 2 ;;
    esac
done
for tool in zip unzip python3; do
    command -v "$tool" >/dev/null || { echo "scorm.sh: $tool is needed" >&2; exit 1; }
done

if [ "$build" = 1 ] || [ ! -f "$dist/index.html" ] || [ ! -f "$dist/motivo_bg.wasm" ]; then
    DIST_DIR="$dist" web/build.sh
fi
for f in index.html motivo.js motivo_bg.wasm; do
    [ -f "$dist/$f" ] || { echo "scorm.sh: $dist/$f is missing (run web/build.sh)" >&2; exit 1; }
done

stage="$(mktemp -d "${TMPDIR:-/tmp}/motivo-scorm.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
# Everything the web build made, except earlier packages and hidden files.
(cd "$dist" && find . -type f ! -name '*.zip' ! -path '*/.*' -print0 | sort -z | xargs -0 -I{} cp --parents {} "$stage/")
if ! find "$stage/snippets" -name lms.js -path '*/web/lms.js' 2>/dev/null | grep -q .; then
    echo "scorm.sh: the web build has no snippets/**/web/lms.js (the SCORM shim is not linked into the app)" >&2
    exit 1
fi

version="$(awk -F'"' '/^\[workspace.package\]/ { p = 1 } p && /^version *=/ { print $2; exit }' Cargo.toml)"
python3 - "$stage" "$root/scenarios/course.ron" "${version:-0}" <<'PY'
import os, re, sys
from xml.sax.saxutils import quoteattr, escape
stage, course_ron, version = sys.argv[1:4]
title = "Motivoiva digineuvonta"
try:
    text = open(course_ron, encoding="utf-8").read()
    m = re.search(r'^\s*title:\s*\(\s*fi:\s*"([^"]+)"', text, re.M)
    if m:
        title = m.group(1)
    cid = re.search(r'^\s*id:\s*"([a-z0-9-]+)"', text, re.M)
    course_id = cid.group(1) if cid else "motivoiva-digineuvonta"
except OSError:
    course_id = "motivoiva-digineuvonta"
files = []
for d, _, names in os.walk(stage):
    for n in names:
        files.append(os.path.relpath(os.path.join(d, n), stage).replace(os.sep, "/"))
files = sorted(f for f in files if f != "imsmanifest.xml")
# index.html first: the launch file.
files.remove("index.html")
files.insert(0, "index.html")
file_lines = "\n".join(f"        <file href={quoteattr(f)}/>" for f in files)
manifest = f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- SCORM 1.2 package of Motivo {escape(version)} (web/scorm.sh). One SCO: the whole web app. No masteryscore:
     the app itself sets cmi.core.lesson_status by the course's mastery rules (docs/scorm.md). -->
<manifest identifier={quoteattr("fi.motivo." + course_id)} version={quoteattr(version)}
    xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
    xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="motivo-org">
    <organization identifier="motivo-org">
      <title>{escape(title)}</title>
      <item identifier="motivo-item" identifierref="motivo-sco" isvisible="true">
        <title>{escape(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="motivo-sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
{file_lines}
    </resource>
  </resources>
</manifest>
"""
with open(os.path.join(stage, "imsmanifest.xml"), "w", encoding="utf-8") as f:
    f.write(manifest)
PY

# A reproducible zip: fixed times, sorted names, the folder's contents at the root (not the folder).
find "$stage" -exec touch -h -d '2000-01-01 00:00:00 UTC' {} +
mkdir -p "$(dirname "$zip_out")"
zip_abs="$(cd "$(dirname "$zip_out")" && pwd)/$(basename "$zip_out")"
rm -f "$zip_abs"
(cd "$stage" && find . -type f | sed 's|^\./||' | LC_ALL=C sort | TZ=UTC zip -X -9 -q "$zip_abs" -@)

# Check the zip as an LMS will see it.
unzip -tq "$zip_abs" >/dev/null || { echo "scorm.sh: $zip_abs fails unzip -t" >&2; exit 1; }
python3 - "$zip_abs" <<'PY'
import sys, zipfile
import xml.etree.ElementTree as ET
path = sys.argv[1]
problems = []
with zipfile.ZipFile(path) as z:
    names = [i.filename for i in z.infolist() if not i.is_dir()]
    if "imsmanifest.xml" not in names:
        nested = [n for n in names if n.endswith("/imsmanifest.xml")]
        sys.exit(f"scorm.sh: no imsmanifest.xml at the zip's root{' (found ' + nested[0] + ')' if nested else ''}")
    try:
        root = ET.fromstring(z.read("imsmanifest.xml"))
    except ET.ParseError as e:
        sys.exit(f"scorm.sh: imsmanifest.xml is not well-formed XML: {e}")
    cp = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
    adl = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
    if root.tag != cp + "manifest":
        problems.append(f"the root element is {root.tag}, not the IMS CP 1.1.2 manifest")
    if (root.findtext(f"{cp}metadata/{cp}schemaversion") or "").strip() != "1.2":
        problems.append("metadata/schemaversion is not 1.2")
    resources = root.findall(f"{cp}resources/{cp}resource")
    scos = [r for r in resources if r.get(adl + "scormtype") == "sco"]
    if len(scos) != 1:
        problems.append(f"{len(scos)} SCO resources, not 1")
    elif scos[0].get("href") != "index.html":
        problems.append(f"the SCO launches {scos[0].get('href')}, not index.html")
    items = root.findall(f"{cp}organizations/{cp}organization/{cp}item")
    ids = {r.get("identifier") for r in resources}
    if not items or any(i.get("identifierref") not in ids for i in items):
        problems.append("an organization item does not point at a resource")
    hrefs = [f.get("href") for r in resources for f in r.findall(f"{cp}file")]
    for h in hrefs:
        if h not in names:
            problems.append(f"<file href=\"{h}\"> is not in the zip")
    for n in names:
        if n != "imsmanifest.xml" and n not in hrefs:
            problems.append(f"{n} is in the zip but not in the manifest")
    for need in ("index.html", "motivo.js", "motivo_bg.wasm"):
        if need not in names:
            problems.append(f"{need} is missing")
    if not any(n.startswith("snippets/") and n.endswith("/web/lms.js") for n in names):
        problems.append("snippets/**/web/lms.js (the SCORM shim) is missing")
    if problems:
        sys.exit("scorm.sh: the package is broken:\n  " + "\n  ".join(problems))
    total = sum(i.file_size for i in z.infolist())
    print(f"scorm.sh: {path}: {len(names)} files, {total} bytes unpacked; manifest checked")
PY
