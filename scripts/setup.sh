#!/usr/bin/env bash
# Installs every Debian 12 package CloudEx needs to build, run and test.
# Idempotent and non-interactive: packages already present are not touched again.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git
    # Qt 6.4
    qt6-base-dev qt6-base-dev-tools qt6-httpserver-dev qt6-websockets-dev qt6-charts-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-qpa-plugins libqt6sql6-sqlite libqt6svg6 libqt6opengl6-dev libgl-dev
    # crypto and storage
    libssl-dev openssl libsqlite3-dev sqlite3
    # hypervisors: libvirt client library, test driver, and a real daemon with QEMU for
    # the integration tests
    libvirt-dev libvirt-clients libvirt-daemon libvirt-daemon-driver-qemu
    libvirt-daemon-system qemu-system-x86 qemu-utils
    # fuzzing (scripts/cloudex-fuzz): clang with its libFuzzer, ASan and UBSan runtimes
    clang libclang-rt-14-dev
    # tools the tests drive as real peers (python3 runs the example provisioning workflow;
    # jq reads JSON in the chain test),
    # and fonts for offscreen rendering
    curl jq python3 fonts-dejavu-core xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$p")
    fi
done

if ((${#missing[@]})); then
    if [[ $(id -u) -ne 0 ]]; then
        echo "setup: missing packages: ${missing[*]}" >&2
        echo "setup: run as root (or install them with sudo apt-get install)" >&2
        exit 1
    fi
    echo "setup: installing ${#missing[@]} packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # Service start-up in postinst scripts is irrelevant here (the tests start libvirtd
    # themselves); policy-rc.d keeps it from failing in containers without an init system.
    # An existing policy-rc.d is left alone; one created here is removed again on every
    # exit path, including a failed apt-get. CLOUDEX_POLICY_RC_D overrides the path (tests).
    policy=${CLOUDEX_POLICY_RC_D:-/usr/sbin/policy-rc.d}
    created_policy=0
    remove_created_policy() {
        if ((created_policy)); then
            rm -f "$policy"
            created_policy=0
        fi
    }
    trap remove_created_policy EXIT
    if [[ ! -e $policy ]]; then
        created_policy=1
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod +x "$policy"
    fi
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
    remove_created_policy
    trap - EXIT
else
    echo "setup: all packages present"
fi
