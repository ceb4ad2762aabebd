#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every translatable string of the sources listed in po/POTFILES.in is in po/zh_CN.po and
# translated; no message is cut off at a format macro ("…%" G_GINT64_FORMAT inside _()
# leaves gettext a message that can never match); every source with _() is listed.
# Usage: check-translations.sh SOURCE_ROOT
set -eu
root="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

status=0
for f in $(git ls-files 'app/*.c' 'ui/*.c' 'cli/*.c' 'ui/*.ui' 2>/dev/null || find app ui cli -name '*.c' -o -name '*.ui'); do
  if grep -qE '(^|[^A-Za-z0-9_])N?_\(|translatable="yes"' "$f" && ! grep -qx "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done

xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --directory=. -f po/POTFILES.in \
  -o "$tmp/pingcha.pot" 2>/dev/null

if grep -n '%"$' "$tmp/pingcha.pot"; then
  echo "a message ends in a bare % (a format macro inside _())"
  status=1
fi
if ! msgcmp po/zh_CN.po "$tmp/pingcha.pot"; then
  echo "po/zh_CN.po lacks messages: run ninja -C BUILDDIR pingcha-update-po and translate"
  status=1
fi
# The workbook's Chinese, written whatever the locale (app/pc-finding.c), is the zh_CN
# translation of the same message, so the window and the workbook agree.
msgattrib --no-wrap --translated po/zh_CN.po > "$tmp/translated.po" 2>/dev/null
sed -n 's/.*N_("\([^"]*\)"), "\([^"]*\)" },.*/\1\t\2/p' app/pc-finding.c > "$tmp/chinese.tsv"
if [ ! -s "$tmp/chinese.tsv" ]; then
  echo "no Chinese descriptions found in app/pc-finding.c"
  status=1
fi
while IFS="$(printf '\t')" read -r msgid chinese; do
  translated=$(grep -A1 -x "msgid \"$msgid\"" "$tmp/translated.po" | sed -n 's/^msgstr "\(.*\)"$/\1/p')
  if [ "$translated" != "$chinese" ]; then
    echo "app/pc-finding.c says “$chinese” for “$msgid”, po/zh_CN.po “$translated”"
    status=1
  fi
done < "$tmp/chinese.tsv"

stats=$(msgfmt --statistics -c -o /dev/null po/zh_CN.po 2>&1)
echo "$stats"
case "$stats" in
  *untranslated*|*fuzzy*) echo "po/zh_CN.po is not complete"; status=1 ;;
esac
exit $status
