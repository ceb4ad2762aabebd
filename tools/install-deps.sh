#!/bin/sh
# Installs what Pingcha needs to build and run on Debian 12 / Ubuntu 22.04+ (--test: and to
# run the whole test suite).
# Packages already present are left alone; nothing is installed when all are there.
set -eu

PACKAGES="build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev libxlsxwriter-dev
  libxml2-dev libpoppler-glib-dev libarchive-dev libjson-glib-dev
  xvfb xauth dbus-daemon at-spi2-core librsvg2-common fonts-noto-cjk locales
  desktop-file-utils appstream python3 python3-openpyxl python3-xlsxwriter"

# With --test, what only the tests use: LibreOffice Calc to open the exported workbooks
# as a second reader, xdotool to find the window of the real binary.
if [ "${1:-}" = "--test" ]; then
  PACKAGES="$PACKAGES libreoffice-calc-nogui xdotool"
fi

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done

if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing:$missing"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# A Simplified Chinese locale, so the UI can be checked in zh_CN.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN.utf8$'; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || echo "warning: could not generate the zh_CN.UTF-8 locale" >&2
fi
