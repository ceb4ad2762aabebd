#!/bin/sh
# Quick start: install what is missing, build, and open Pingcha on the bundled sample reports.
set -eu
cd "$(dirname "$0")"
./tools/install-deps.sh
# Debian's python3 first: meson looks for python modules (openpyxl) there.
export PATH="/usr/bin:$PATH"
[ -d build ] || meson setup build
ninja -C build
exec ./build/ui/pingcha --samples "$@"
