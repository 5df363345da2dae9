#!/usr/bin/env bash
# `npm test`: everything CI checks, in order: typecheck both sides, build, all vitest suites
# (unit, archive, CLI, exports read back by LibreOffice/python, browser e2e in Chromium), security scan.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s ==\n' "$1" >&2; }

step "typecheck"
npm run -s typecheck
step "build"
npx electron-vite build --logLevel warn
# The CLI and serve:web bundle (out-cli/node/), built once here rather than by parallel test workers.
node tools/node-build.mjs
step "tests"
FONTCONFIG_FILE="${FONTCONFIG_FILE:-$(cd .. && pwd)/shared/tools/fontconfig/fonts.conf}" npx vitest run
step "security scan (electronegativity, fails on HIGH)"
if [ ! -f tools/security/node_modules/@doyensec/electronegativity/dist/index.js ]; then
  npm ci --prefix tools/security --no-audit --no-fund --loglevel=error
fi
bash tools/security/scan.sh
