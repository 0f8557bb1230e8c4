#!/usr/bin/env bash
# Renders every workspace of the desk in English and German, light and dark, at 1280x800
# and 1920x1080, on the embedded default with the demo market, into one folder.
#   scripts/screenshots.sh [OUT_DIR] [BUILD_DIR]
# Each run uses a fresh data directory, so nothing of yours is touched.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-screenshots}"
build="${2:-build}"
app="$build/app/cloudex"
[ -x "$app" ] || { echo "no desktop app at $app: build first (scripts/build.sh)" >&2; exit 1; }
mkdir -p "$out"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
count=0
for lang in en de; do
  for theme in light dark; do
    for size in 1280x800 1920x1080; do
      for ws in market buy sell; do
        file="$out/${ws}-${lang}-${theme}-${size}.png"
        QT_QPA_PLATFORM=offscreen "$app" --data-dir "$data/$lang" --demo-market --lang "$lang" \
          --theme "$theme" --window-size "$size" --workspace "$ws" --screenshot "$file"
        count=$((count + 1))
      done
    done
  done
done
echo "$count screenshots in $out"
