#!/usr/bin/env bash
# Quick start, part one: install what is missing, build, and open the CloudEx desktop app on
# its embedded default. Arguments are passed to the app (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh

screenshot=0
for arg in "$@"; do
    [[ $arg == --screenshot* || $arg == --help || $arg == --version ]] && screenshot=1
done
if ((!screenshot)) && [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    echo "run: no display (DISPLAY and WAYLAND_DISPLAY are unset)." >&2
    echo "run: start it from a desktop session, or render a workspace to a picture:" >&2
    echo "run:   scripts/run.sh --screenshot /tmp/market.png --workspace market" >&2
    exit 1
fi
exec ./build/app/cloudex "$@"
