#!/usr/bin/env bash
# The Debian packages the tests need (the one list; tools/run.sh test and .ci/run both use it):
# Chromium for the e2e tests, LibreOffice and poppler to read exported .docx/.xlsx back, CJK fonts
# for the renders, python-docx/openpyxl for the structure checks.
#
# Sourced: defines ensure_system_packages. Run directly: does the same (exit 0 when all is there).
# Installs what is missing when it can (root, or sudo without a password prompt: apt-get update
# first); otherwise prints one Chinese sentence naming the packages and the command, and fails.
NIANBAO_TEST_PACKAGES="binutils chromium libreoffice-writer libreoffice-calc poppler-utils fonts-noto-cjk fonts-arphic-ukai fonts-arphic-gkai00mp python3-docx python3-openpyxl"

missing_system_packages() {
  local p
  for p in $NIANBAO_TEST_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || printf '%s ' "$p"
  done
}

ensure_system_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "提示：这台电脑不是 Debian/统信/麒麟一类的系统，无法检查测试所需的软件包（${NIANBAO_TEST_PACKAGES// /、}），缺少时相关测试会失败。" >&2
    return 0
  fi
  local missing
  missing=$(missing_system_packages)
  missing=${missing% }
  [ -z "$missing" ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
      sudo="sudo"
    else
      echo "运行测试还需要安装这些 Debian 软件包：${missing// /、}；请用管理员权限运行：sudo apt-get update && sudo apt-get install -y ${missing}" >&2
      return 1
    fi
  fi
  echo "正在安装测试所需的 Debian 软件包：${missing// /、}…" >&2
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null || {
      echo "安装 Debian 软件包失败；请检查软件源后运行：sudo apt-get update && sudo apt-get install -y ${missing}" >&2
      return 1
    }
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  ensure_system_packages
fi
