#!/usr/bin/env bash
# The committed screenshots (test/e2e/screenshots/) are a curated set, refreshed on purpose: e2e
# writes every screenshot to test-results/screenshots/ (git-ignored), so `npm test` leaves the tree
# clean. After looking at the new ones, run this to copy over the curated files that already exist
# (or name new ones to add: tools/refresh-screenshots.sh editor-new-dialog.png …).
set -euo pipefail
cd "$(dirname "$0")/.."
from=test-results/screenshots
to=test/e2e/screenshots
[ -d "$from" ] || { echo "没有 $from：请先运行 e2e 测试（npx vitest run test/e2e/…）" >&2; exit 2; }
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in "$to"/*.png; do names+=("$(basename "$f")"); done
fi
copied=0
for n in "${names[@]}"; do
  if [ -f "$from/$n" ]; then cp "$from/$n" "$to/$n"; copied=$((copied + 1)); else echo "未更新（本次没有生成）：$n" >&2; fi
done
echo "已更新 $copied 张截图到 $to；请用 git diff 查看后提交。" >&2
