#!/usr/bin/env bash
# Tests scripts/setup.sh's install branch without touching the system: fake dpkg-query,
# apt-get and id come first on PATH, and CLOUDEX_POLICY_RC_D points policy-rc.d at a temp
# file. SETUP_SH selects the script under test (default: the repository's scripts/setup.sh).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SETUP_SH=${SETUP_SH:-$here/../../scripts/setup.sh}
total=5

if [[ ! -f $SETUP_SH ]]; then
    echo "FAIL: setup script not found: $SETUP_SH" >&2
    echo "0 passed, $total failed"
    exit 1
fi
# A script that ignores the override would create and remove the real /usr/sbin/policy-rc.d
# when the tests run as root; refuse to run it rather than touch the system.
if ! grep -q 'CLOUDEX_POLICY_RC_D' "$SETUP_SH"; then
    echo "FAIL: $SETUP_SH does not honour CLOUDEX_POLICY_RC_D; not running it" >&2
    echo "0 passed, $total failed"
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bin=$tmp/bin
mkdir -p "$bin"

# dpkg-query -W -f='${Status}' PKG: packages named in FAKE_MISSING are unknown, the rest
# are installed.
cat >"$bin/dpkg-query" <<'EOF'
#!/usr/bin/env bash
pkg=${!#}
for m in $FAKE_MISSING; do
    if [[ $m == "$pkg" ]]; then
        echo "dpkg-query: no packages found matching $pkg" >&2
        exit 1
    fi
done
printf 'install ok installed'
EOF

# apt-get: logs each call's arguments to FAKE_LOG ("args: ..."); on install also logs
# whether the policy-rc.d at FAKE_POLICY exists and is executable, and exits with
# FAKE_APT_INSTALL_RC (default 0).
cat >"$bin/apt-get" <<'EOF'
#!/usr/bin/env bash
echo "args: $*" >>"$FAKE_LOG"
echo "frontend: ${DEBIAN_FRONTEND:-}" >>"$FAKE_LOG"
for a in "$@"; do
    if [[ $a == install ]]; then
        if [[ -e $FAKE_POLICY ]]; then
            echo "policy-during-install: present" >>"$FAKE_LOG"
            if [[ -x $FAKE_POLICY ]]; then
                echo "policy-executable: yes" >>"$FAKE_LOG"
            fi
        else
            echo "policy-during-install: absent" >>"$FAKE_LOG"
        fi
        exit "${FAKE_APT_INSTALL_RC:-0}"
    fi
done
exit 0
EOF

# id -u prints FAKE_UID; anything else goes to the real id.
cat >"$bin/id" <<'EOF'
#!/usr/bin/env bash
if [[ $# -eq 1 && $1 == -u ]]; then
    echo "$FAKE_UID"
    exit 0
fi
PATH=${PATH#*:} exec id "$@"
EOF

chmod +x "$bin/dpkg-query" "$bin/apt-get" "$bin/id"

missing_pkgs="cmake qt6-charts-dev xvfb"

errors=()
check() { # check DESCRIPTION COMMAND...: records DESCRIPTION as a failure unless COMMAND succeeds
    local what=$1
    shift
    if ! "$@"; then
        errors+=("$what")
    fi
}
has_line() { [[ -f $2 ]] && grep -qxF -- "$1" "$2"; }
matches() { [[ -f $2 ]] && grep -qE -- "$1" "$2"; }
has_text() { [[ -f $2 ]] && grep -qF -- "$1" "$2"; }
not_exists() { [[ ! -e $1 ]]; }
no_apt_calls() { [[ ! -s $1 ]]; }
rc_is() { [[ $1 -eq $2 ]]; }
rc_nonzero() { [[ $1 -ne 0 ]]; }

# The packages on the logged `apt-get install` line (arguments after `install` that are
# not options), one line, sorted.
installed_args() {
    [[ -f $1 ]] || return 0
    grep -E '^args: (.* )?install( |$)' "$1" | head -n1 | sed -E 's/^args: (.* )?install ?//' |
        tr ' ' '\n' | grep -v -e '^-' -e '^$' | sort | tr '\n' ' ' | sed 's/ $//'
}
install_has_option() { [[ -f $1 ]] && grep -E '^args: (.* )?install( |$)' "$1" | head -n1 | tr ' ' '\n' | grep -qxF -- "$2"; }
install_packages_are() { [[ $(installed_args "$1") == "$(tr ' ' '\n' <<<"$2" | sort | tr '\n' ' ' | sed 's/ $//')" ]]; }

# run_setup DIR: runs the script under test with the fakes, FAKE_* from the caller's
# environment, policy-rc.d at DIR/policy-rc.d; sets rc, out, err, log, policy.
run_setup() {
    local dir=$1
    log=$dir/apt.log
    out=$dir/stdout
    err=$dir/stderr
    policy=$dir/policy-rc.d
    rc=0
    # DEBIAN_FRONTEND is cleared so only setup.sh itself can make apt-get non-interactive.
    env -u DEBIAN_FRONTEND PATH="$bin:$PATH" FAKE_LOG="$log" FAKE_POLICY="$policy" \
        CLOUDEX_POLICY_RC_D="$policy" bash "$SETUP_SH" >"$out" 2>"$err" </dev/null || rc=$?
}

case_missing_policy_absent() {
    local d=$tmp/case1
    mkdir -p "$d"
    FAKE_MISSING=$missing_pkgs FAKE_UID=0 run_setup "$d"
    check "exit status 0 (got $rc)" rc_is "$rc" 0
    check "apt-get update called" matches '^args: (.* )?update( |$)' "$log"
    check "apt-get install called with exactly: $missing_pkgs (got: $(installed_args "$log"))" \
        install_packages_are "$log" "$missing_pkgs"
    check "apt-get install called with -y" install_has_option "$log" -y
    check "DEBIAN_FRONTEND=noninteractive for apt-get" has_line "frontend: noninteractive" "$log"
    check "policy-rc.d present during apt-get install" has_line "policy-during-install: present" "$log"
    check "policy-rc.d executable during apt-get install" has_line "policy-executable: yes" "$log"
    check "created policy-rc.d removed afterwards" not_exists "$policy"
    check "progress message names the missing packages" has_text "installing 3 packages: $missing_pkgs" "$out"
}

case_missing_policy_present() {
    local d=$tmp/case2
    mkdir -p "$d"
    local content=$'#!/bin/sh\n# pre-existing policy, must survive\nexit 0\n'
    printf '%s' "$content" >"$d/policy-rc.d"
    chmod 755 "$d/policy-rc.d"
    cp -p "$d/policy-rc.d" "$d/policy-rc.d.orig"
    FAKE_MISSING=$missing_pkgs FAKE_UID=0 run_setup "$d"
    check "exit status 0 (got $rc; the old script exited 1 here)" rc_is "$rc" 0
    check "apt-get install called with exactly: $missing_pkgs (got: $(installed_args "$log"))" \
        install_packages_are "$log" "$missing_pkgs"
    check "policy-rc.d present during apt-get install" has_line "policy-during-install: present" "$log"
    check "existing policy-rc.d still there" test -f "$policy"
    check "existing policy-rc.d content unchanged" cmp -s "$policy" "$d/policy-rc.d.orig"
    check "existing policy-rc.d mode unchanged" \
        test "$(stat -c %a "$policy" 2>/dev/null)" = "$(stat -c %a "$d/policy-rc.d.orig")"
}

case_all_installed() {
    local d=$tmp/case3
    mkdir -p "$d"
    FAKE_MISSING="" FAKE_UID=0 run_setup "$d"
    check "exit status 0 (got $rc)" rc_is "$rc" 0
    check "prints 'all packages present'" has_text "all packages present" "$out"
    check "apt-get never called" no_apt_calls "$log"
    check "no policy-rc.d created" not_exists "$policy"
}

case_install_fails() {
    local d=$tmp/case4
    mkdir -p "$d"
    FAKE_MISSING=$missing_pkgs FAKE_UID=0 FAKE_APT_INSTALL_RC=100 run_setup "$d"
    check "exit status non-zero (got $rc)" rc_nonzero "$rc"
    check "apt-get install attempted" matches '^args: (.* )?install( |$)' "$log"
    check "policy-rc.d created for apt-get install" has_line "policy-during-install: present" "$log"
    check "created policy-rc.d removed after the failure" not_exists "$policy"
}

case_not_root() {
    local d=$tmp/case5
    mkdir -p "$d"
    FAKE_MISSING=$missing_pkgs FAKE_UID=1000 run_setup "$d"
    check "exit status 1 (got $rc)" rc_is "$rc" 1
    local p
    for p in $missing_pkgs; do
        check "error message names $p" matches "missing packages:.*(^|[ :])$p( |$)" "$err"
    done
    check "apt-get never called" no_apt_calls "$log"
    check "no policy-rc.d created" not_exists "$policy"
}

passed=0
failed=0
run_case() { # run_case NAME FUNCTION
    errors=()
    "$2"
    if ((${#errors[@]} == 0)); then
        echo "PASS: $1"
        passed=$((passed + 1))
    else
        echo "FAIL: $1"
        local e
        for e in "${errors[@]}"; do
            echo "    - $e"
        done
        for f in "$out" "$err"; do
            if [[ -s $f ]]; then
                sed "s/^/    | $(basename "$f"): /" "$f"
            fi
        done
        failed=$((failed + 1))
    fi
}

run_case "missing packages, no policy-rc.d: installs, removes the policy-rc.d it created" case_missing_policy_absent
run_case "missing packages, existing policy-rc.d: installs, exits 0, leaves it untouched" case_missing_policy_present
run_case "all packages installed: no apt-get, 'all packages present'" case_all_installed
run_case "apt-get install fails: non-zero exit, created policy-rc.d removed" case_install_fails
run_case "not root with missing packages: exit 1 naming them" case_not_root

echo "$passed passed, $failed failed"
((failed == 0))
