#!/usr/bin/env bash
# Quick start, part two: install what is missing, build, and run the whole test suite.
# CI runs exactly this (through .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
cd build
ctest --output-on-failure -j"${CLOUDEX_JOBS:-2}" --timeout 900
