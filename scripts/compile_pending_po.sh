#!/usr/bin/env bash
# While issue 4 is built in parallel: compile the Dutch catalogue together with the
# translations in locale/pending/*.po, so tests see Dutch text. Removed when merged.
set -euo pipefail
cd "$(dirname "$0")/.."
main=locale/nl/LC_MESSAGES/django.po
tmp=$(mktemp)
if compgen -G "locale/pending/*.po" >/dev/null; then
  msgcat --use-first "$main" locale/pending/*.po -o "$tmp"
else
  cp "$main" "$tmp"
fi
msgfmt --check-format -o "$tmp.mo" "$tmp"
mv "$tmp.mo" locale/nl/LC_MESSAGES/django.mo
rm -f "$tmp"
