#!/usr/bin/env bash
# Configures and builds CloudEx in ./build (Ninja, two jobs: the size of our machines).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE="${CLOUDEX_BUILD_TYPE:-RelWithDebInfo}"
cmake --build build -j"${CLOUDEX_JOBS:-2}"
