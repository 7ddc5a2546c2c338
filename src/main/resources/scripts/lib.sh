#!/usr/bin/env bash
# honeydue-infra node step. Parameters arrive as exported variables (see the matching .env in a render);
# secrets arrive on stdin only. Safe to run again: every action checks before it changes anything.
set -euo pipefail

log() { printf '[honeydue %s] %s\n' "${STEP_NAME:-step}" "$*" >&2; }

# die <what failed> <what to do>
die() {
  log "FAILED: $1"
  [ -n "${2:-}" ] && log "next: $2"
  exit 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

# retry <attempts> <first delay s> <description> -- command...   (exponential backoff, bounded)
# RETRY_FIRST_DELAY_SECONDS overrides every first delay (fault tests use it to stay quick).
retry() {
  local attempts=$1 delay=${RETRY_FIRST_DELAY_SECONDS:-$2} what=$3 n=1
  shift 4
  until "$@"; do
    if [ "$n" -ge "$attempts" ]; then
      log "$what: still failing after $n attempts"
      return 1
    fi
    log "$what: attempt $n/$attempts failed; retrying in ${delay}s"
    sleep "$delay"
    n=$((n + 1))
    delay=$((delay * 2))
  done
}

# True when systemd is the running init (its runtime directory exists); false in a chroot or container.
systemd_running() { [ -d /run/systemd/system ]; }

# A fresh box runs unattended-upgrades at first boot and holds the dpkg lock for minutes.
# apt waits for the lock itself (bounded by DPkg::Lock::Timeout); retry covers flaky mirrors.
APT_LOCK_TIMEOUT=${APT_LOCK_TIMEOUT:-600}
apt_get() {
  as_root env DEBIAN_FRONTEND=noninteractive apt-get -o "DPkg::Lock::Timeout=${APT_LOCK_TIMEOUT}" -q -y "$@"
}

# wait_until <timeout s> <description> -- command...   (polls every 5 s, never forever)
wait_until() {
  local timeout=$1 what=$2 start
  shift 3
  start=$(date +%s)
  until "$@"; do
    if [ $(( $(date +%s) - start )) -ge "$timeout" ]; then
      return 1
    fi
    log "waiting: $what"
    sleep 5
  done
}
