#!/usr/bin/env bash
# Electron security scan of the app's sources (main/, preload/, renderer/, report/) with
# electronegativity. It runs on the system Node 20 (it crashes on Node 24), takes one input
# folder, and always exits 0 itself: so the sources are gathered into one folder, the CSV is
# parsed, and any HIGH finding fails the scan (exit 1). Output: reports/electronegativity.csv
# and reports/electronegativity.sarif.
set -euo pipefail
cd "$(dirname "$0")/../.."
NODE20="${NODE20:-/usr/bin/node}"
SCANNER=tools/security/node_modules/@doyensec/electronegativity/dist/index.js
if [ ! -f "$SCANNER" ]; then
  echo "缺少扫描工具：请先运行 npm ci --prefix tools/security" >&2
  exit 2
fi
SRC=reports/scan-src
rm -rf "$SRC" && mkdir -p "$SRC"
for dir in main preload renderer report; do
  [ -d "$dir" ] || { echo "缺少目录 $dir：扫描不完整" >&2; exit 2; }
  cp -r "$dir" "$SRC/"
done
rm -f reports/electronegativity.csv reports/electronegativity.sarif
# About 10 s of each run is a failed online update check (no network here); harmless.
"$NODE20" "$SCANNER" -i "$SRC" -e 45.4.1 -r -o reports/electronegativity.csv >reports/electronegativity.log 2>&1
"$NODE20" "$SCANNER" -i "$SRC" -e 45.4.1 -r -o reports/electronegativity.sarif >>reports/electronegativity.log 2>&1
[ -s reports/electronegativity.csv ] || { echo "electronegativity 没有产生结果：" >&2; cat reports/electronegativity.log >&2; exit 2; }
"$NODE20" tools/security/summarize.mjs reports/electronegativity.csv
