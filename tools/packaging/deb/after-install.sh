#!/bin/bash
# Post-install of the nianbao .deb (electron-builder's deb.afterInstall; it fills in the two
# placeholders below). Three things: the /usr/bin link, the AppArmor profile electron-builder ships
# (Ubuntu 24+), and the decision whether Chromium's sandbox helper must be setuid root.
#
# The sandbox: Electron sandboxes its renderers with user namespaces when the user running it may
# create them, and falls back to the setuid helper chrome-sandbox otherwise; with neither it aborts
# with a FATAL error before any window opens. The test is made for an UNPRIVILEGED user (nobody),
# never with root's own rights: root may create namespaces where clerks may not (Debian-based
# kernels with kernel.unprivileged_userns_clone=0, e.g. UOS 20; user.max_user_namespaces=0;
# AppArmor's kernel.apparmor_restrict_unprivileged_userns=1 on Ubuntu 23.10+). When in doubt the
# helper is made setuid root: Chromium uses it only when namespaces are unavailable, and an app that
# does not start helps nobody. Every step ends in a line on the installer's output saying why.
# Placeholders use electron-builder's macro syntax, so this script's own variables never use braces.

APP_DIR='/opt/${sanitizedProductName}'
EXECUTABLE='${executable}'
SANDBOX="$APP_DIR/chrome-sandbox"

if type update-alternatives >/dev/null 2>&1; then
  # A link from an older package that did not use update-alternatives is replaced.
  if [ -L "/usr/bin/$EXECUTABLE" ] && [ -e "/usr/bin/$EXECUTABLE" ] && [ "$(readlink "/usr/bin/$EXECUTABLE")" != "/etc/alternatives/$EXECUTABLE" ]; then
    rm -f "/usr/bin/$EXECUTABLE"
  fi
  update-alternatives --install "/usr/bin/$EXECUTABLE" "$EXECUTABLE" "$APP_DIR/$EXECUTABLE" 100 || ln -sf "$APP_DIR/$EXECUTABLE" "/usr/bin/$EXECUTABLE"
else
  ln -sf "$APP_DIR/$EXECUTABLE" "/usr/bin/$EXECUTABLE"
fi

# AppArmor (Ubuntu 24+, and any system whose AppArmor understands abi/4.0): the profile lets the
# app's own binary create user namespaces where AppArmor restricts them for everything else.
# Older AppArmor rejects the profile in a dry run and nothing is installed.
apparmor_profile_loaded=0
if apparmor_status --enabled >/dev/null 2>&1; then
  profile_source="$APP_DIR/resources/apparmor-profile"
  profile_target="/etc/apparmor.d/$EXECUTABLE"
  if apparmor_parser --skip-kernel-load --debug "$profile_source" >/dev/null 2>&1; then
    cp -f "$profile_source" "$profile_target"
    # In a chroot (image building) the running kernel is not the target's: install, do not load.
    if ! { command -v ischroot >/dev/null 2>&1 && ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache "$profile_target" && apparmor_profile_loaded=1
    fi
  else
    echo "$EXECUTABLE: this AppArmor does not accept the bundled profile; not installed"
  fi
fi

# The value of a sysctl, empty when this kernel does not have it.
sysctl_value() {
  sysctl -n "$1" 2>/dev/null
}

# Runs a command as nobody (uid/gid 65534 on Debian, UOS, Kylin), without root's groups.
as_unprivileged_user() {
  if command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u nobody -- "$@"
  else
    return 127
  fi
}

# Sets `reason` and fails when an unprivileged user cannot have the namespaces Chromium needs.
unprivileged_userns_work() {
  if [ ! -L /proc/self/ns/user ]; then
    reason='this kernel has no user namespaces'
    return 1
  fi
  if [ "$(sysctl_value kernel.unprivileged_userns_clone)" = 0 ]; then
    reason='kernel.unprivileged_userns_clone=0 (only root may create user namespaces)'
    return 1
  fi
  if [ "$(sysctl_value user.max_user_namespaces)" = 0 ]; then
    reason='user.max_user_namespaces=0'
    return 1
  fi
  if [ "$(sysctl_value kernel.apparmor_restrict_unprivileged_userns)" = 1 ]; then
    # The restriction lifts only for binaries with a profile; a test with another program says nothing.
    if [ "$apparmor_profile_loaded" = 1 ]; then
      reason='AppArmor restricts user namespaces; the profile for this app is loaded'
      return 0
    fi
    reason='AppArmor restricts unprivileged user namespaces and the profile could not be loaded'
    return 1
  fi
  # The uid map is what Chromium needs and what restricted systems refuse while still allowing
  # a bare `unshare --user`.
  as_unprivileged_user unshare --user --map-root-user true >/dev/null 2>&1
  case $? in
    0)
      reason='an unprivileged user can create user namespaces'
      return 0
      ;;
    127)
      reason='could not test as an unprivileged user (no setpriv or runuser)'
      return 1
      ;;
    *)
      reason='an unprivileged user cannot create user namespaces'
      return 1
      ;;
  esac
}

if unprivileged_userns_work; then
  chmod 0755 "$SANDBOX" || true
  echo "$EXECUTABLE: chrome-sandbox not setuid: $reason"
else
  chown root:root "$SANDBOX" || true
  chmod 4755 "$SANDBOX" || true
  echo "$EXECUTABLE: chrome-sandbox setuid root: $reason"
fi

if command -v update-mime-database >/dev/null 2>&1; then
  update-mime-database /usr/share/mime || true
fi
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database /usr/share/applications || true
fi
# The hicolor icons are new files: refresh the theme cache where the system keeps one.
if command -v gtk-update-icon-cache >/dev/null 2>&1; then
  gtk-update-icon-cache -q -t -f /usr/share/icons/hicolor || true
fi
exit 0
