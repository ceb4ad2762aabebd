#!/bin/sh
# Quick start: install what is missing, build with warnings as errors, run the whole test
# suite; the widget tests run under Xvfb and are not allowed to skip.
set -eu
cd "$(dirname "$0")"
./tools/install-deps.sh --test
export PATH="/usr/bin:$PATH"
builddir="${BUILDDIR:-build-test}"
[ -d "$builddir" ] || meson setup "$builddir" --werror
ninja -C "$builddir"
REQUIRE_DISPLAY=1 dbus-run-session -- xvfb-run -a -s "-screen 0 1920x1080x24" \
  meson test -C "$builddir" --print-errorlogs "$@"
