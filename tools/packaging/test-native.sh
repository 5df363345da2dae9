#!/usr/bin/env bash
# `npm run test:native`: the slow proof kept out of `npm test` (compiling SQLite and libc++ takes
# about 1–2 minutes of CPU per architecture on a cold cache). It
#   1. builds better-sqlite3 for linux x64 and arm64 with the pinned zig (tools/packaging/native-sqlite.cjs),
#   2. packs release/linux-unpacked (npm run package:dir, whose afterPack hook holds the glibc floor),
#   3. checks every .node in it and the arm64 build against the floor (glibc ≤ 2.28, no libstdc++),
#   4. runs the whole vitest suite with the self-built x64 module loaded (NIANBAO_SQLITE_BINDING, see
#      main/db/sqlite.ts; test/archive/native-binding.test.ts asserts it is the module in use).
# Extra arguments go to vitest (e.g. `npm run test:native -- test/archive test/lifecycle`).
set -euo pipefail
cd "$(dirname "$0")/../.."
step() { printf '\n== %s ==\n' "$1" >&2; }

step "build better-sqlite3 for linux x64 and arm64 (glibc 2.28, C++ runtime linked in)"
node tools/packaging/native-sqlite.cjs
step "package:dir (release/linux-unpacked)"
npm run -s package:dir
step "glibc floor of the package and of the arm64 build"
node tools/packaging/glibc-floor.cjs release/linux-unpacked --arch x64
node tools/packaging/glibc-floor.cjs build/native/linux-arm64 --arch arm64
step "test suite against the self-built x64 module"
export NIANBAO_SQLITE_BINDING="$PWD/build/native/linux-x64/better_sqlite3.node"
FONTCONFIG_FILE="${FONTCONFIG_FILE:-$(cd .. && pwd)/shared/tools/fontconfig/fonts.conf}" npx vitest run "$@"
