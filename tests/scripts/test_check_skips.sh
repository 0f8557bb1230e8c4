#!/usr/bin/env bash
# Tests scripts/check-skips.sh on ctest logs written here: a log without skips passes, any
# skip fails, and CLOUDEX_ALLOW_LIBVIRTD_SKIP=1 allows the libvirtd test's skip only.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
check=$here/../../scripts/check-skips.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0

expect() { # expect EXIT_CODE ALLOW LOG_TEXT
    local want=$1 allow=$2 text=$3 got=0
    printf '%s\n' "$text" >"$tmp/LastTest.log"
    CLOUDEX_ALLOW_LIBVIRTD_SKIP=$allow bash "$check" "$tmp/LastTest.log" >/dev/null 2>&1 || got=$?
    if [[ $got != "$want" ]]; then
        echo "FAIL: allow=$allow, log '$text': exit $got, expected $want" >&2
        failed=1
    fi
}

pass='PASS   : TestLibvirtd::agentRunsAQemuGuest()'
libvirtd='SKIP   : TestLibvirtd::initTestCase() no libvirtd: libvirtd -d failed'
workflow='SKIP   : TestWorkflowDriver::initTestCase() python3 is not installed; the example workflow needs it'
expect 0 0 "$pass"
expect 1 0 "$libvirtd"
expect 1 0 "$workflow"
expect 0 1 "$libvirtd"
expect 1 1 "$workflow"
expect 1 1 "$libvirtd
$workflow"
# No log at all is no evidence.
rm -f "$tmp/LastTest.log"
if CLOUDEX_ALLOW_LIBVIRTD_SKIP=0 bash "$check" "$tmp/LastTest.log" >/dev/null 2>&1; then
    echo "FAIL: a missing log passed" >&2
    failed=1
fi
[[ $failed == 0 ]] && echo "check-skips: all cases as expected"
exit $failed
