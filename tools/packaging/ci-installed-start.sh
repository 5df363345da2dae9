#!/usr/bin/env bash
# Hosted CI (.github/workflows/desktop.yml): installs a built .deb on the runner as a clerk's PC
# would, and proves what only a real system can:
#   1. the post-install's sandbox decision (its line in the installer output) and chrome-sandbox's mode;
#   2. the glibc floor of every ELF file installed under /opt/nianbao, Electron's own included
#      (GLIBC_2.28 at most: UOS 20 / Kylin V10), and of the native modules (glibc-floor.cjs);
#   3. the installed app starts as the runner's normal user under xvfb, with the sandbox on, stays
#      up for 20 s without a FATAL error, and creates its archive (SQLite loaded from resources/native).
# usage: bash tools/packaging/ci-installed-start.sh release/nianbao_<version>_<arch>.deb
set -euo pipefail
deb=$1
APP=/opt/nianbao
FLOOR=2.28

sudo apt-get update -qq
sudo apt-get install -y -qq xvfb xauth binutils >/dev/null
echo "== install $deb"
sudo apt-get install -y "./$deb" 2>&1 | tee install.log
grep -E '^nianbao: chrome-sandbox ' install.log
stat -c '%A %U %n' "$APP/chrome-sandbox"

echo "== glibc floor ($FLOOR) of every ELF file in $APP"
worst=0
while IFS= read -r -d '' f; do
  [ "$(head -c 4 "$f" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] || continue
  need=$(readelf -V --wide "$f" 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
  [ -n "$need" ] || continue
  if [ "$(printf '%s\n%s\n' "$need" "$FLOOR" | sort -V | tail -1)" != "$FLOOR" ]; then
    echo "::error::$f needs GLIBC_$need (> $FLOOR)"
    worst=1
  fi
done < <(find "$APP" -type f -print0)
[ "$worst" = 0 ] && echo "every ELF file needs at most GLIBC_$FLOOR"
node tools/packaging/glibc-floor.cjs "$APP/resources" --arch "$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')"

echo "== start the installed app as $(id -un) (not root), sandbox on"
home=$(mktemp -d)
set +e
NIANBAO_DB="$home/archive.sqlite" XDG_CONFIG_HOME="$home/config" timeout 20 xvfb-run -a "$APP/nianbao" >app.log 2>&1
code=$?
set -e
cat app.log
if [ "$code" != 124 ]; then echo "::error::the installed app ended after less than 20 s (exit $code)"; exit 1; fi
if grep -q 'FATAL' app.log; then echo "::error::the installed app logged a FATAL error"; exit 1; fi
test -s "$home/archive.sqlite" || { echo "::error::the installed app did not create its archive"; exit 1; }
echo "the installed app ran for 20 s and created its archive"
