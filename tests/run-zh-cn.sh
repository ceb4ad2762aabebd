#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the real pingcha binary on a project under a zh_CN locale and checks that it opens
# its window and stays up. Usage: run-zh-cn.sh PINGCHA CORPUS_DIR
set -u
PINGCHA=$1
CORPUS=$2

skip () {
  if [ -n "${REQUIRE_DISPLAY:-}" ]; then
    echo "Bail out! $1"
    exit 1
  fi
  echo "1..0 # SKIP $1"
  exit 0
}

[ -n "${DISPLAY:-}" ] || skip "no display (run under xvfb-run)"
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' || skip "no zh_CN.UTF-8 locale (localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/pingcha-zh-XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME="$WORK" XDG_DATA_HOME="$WORK/data" XDG_CONFIG_HOME="$WORK/config" XDG_CACHE_HOME="$WORK/cache"
export LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN
unset GSETTINGS_SCHEMA_DIR

# A project file that does not exist yet is created empty; then the real binary opens it.
echo "1..3"
"$PINGCHA" "$WORK/项目.db" >"$WORK/log" 2>&1 &
PID=$!
sleep 3
if kill -0 "$PID" 2>/dev/null; then
  echo "ok 1 pingcha FILE.db is still running after 3 s"
else
  echo "not ok 1 pingcha exited early"; sed 's/^/# /' "$WORK/log"; exit 1
fi

if command -v xdotool >/dev/null 2>&1; then
  if xdotool search --name '项目' >/dev/null 2>&1; then
    echo "ok 2 a window titled with the project name exists"
  else
    echo "not ok 2 no window named after the project"; kill "$PID"; exit 1
  fi
else
  echo "ok 2 # SKIP xdotool not installed"
fi

[ -f "$WORK/项目.db" ] && echo "ok 3 the project file was created" || { echo "not ok 3 no project file"; kill "$PID"; exit 1; }
kill "$PID"
wait "$PID" 2>/dev/null
if grep -q 'CRITICAL\|ERROR' "$WORK/log"; then
  sed 's/^/# /' "$WORK/log"
fi
exit 0
