#!/usr/bin/env bash
# Shared helpers for the .ci/verify checks: progress, failure counting, idempotent installs.
# Sourced, not run.

VERIFY_CACHE=${VERIFY_CACHE:-/var/cache/honeydue-verify}

# Every check appends one line per failure here; all.sh counts them for the summary.
: "${VERIFY_FAILURES:=/tmp/honeydue-verify-failures}"
export VERIFY_FAILURES VERIFY_CACHE

_t0=${_t0:-$(date +%s)}
export _t0

progress() { printf '[verify %4ss] %s\n' "$(( $(date +%s) - _t0 ))" "$*"; }
pass() { printf '  ok   %s\n' "$*"; }
fail() {
  printf '  FAIL %s\n' "$*"
  printf '%s\n' "$*" >>"$VERIFY_FAILURES"
}
# check <description> -- command...   (records a failure instead of exiting)
check() {
  local what=$1
  shift 2
  if "$@"; then pass "$what"; else fail "$what"; fi
}

apt_updated=no
apt_install() { # apt_install <command-or-path-that-proves-it> <package>...
  local probe=$1
  shift
  if command -v "$probe" >/dev/null 2>&1 || [ -e "$probe" ]; then return 0; fi
  if [ "$apt_updated" = no ]; then
    progress "apt-get update (once)"
    apt-get update -qq
    apt_updated=yes
  fi
  progress "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
