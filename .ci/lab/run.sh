#!/usr/bin/env bash
# The lab: the real `pulumi up` of a `lab` stack (everything as ovh, on the kit's boxes) against three to five boxes
# over SSH and the real Kubernetes API of kube.sh, then every README day-2 operation as a second `up`. Run as root:
#
#   .ci/lab/run.sh                       all scenarios, in order (about 10-15 minutes)
#   .ci/lab/run.sh first-up no-change    only these (a first up always runs first; see scenarios.py --list)
#   LAB_KEEP=1 .ci/lab/run.sh first-up   leave the lab up afterwards: boxes, API server and the stack in $LAB_RUN
#
# The engine is `pulumi` from PATH, else ../shared/engine (its Java host gets runtime.options through
# .ci/preview/host-shim, as in real-preview.sh). Its home, state and logs stay under $LAB_RUN, which is removed at
# the end unless LAB_KEEP=1. Prints one summary line: "lab: N scenarios, M assertions, F failures; first up ...".
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
require_root
root=$LAB_PROJECT
export LAB_RUN=${LAB_RUN:-/var/tmp/honeydue-lab-run}

cleanup() {
  local rc=$?
  if [ "${LAB_KEEP:-}" != 1 ]; then
    "$LAB_DIR/boxes.sh" down >/dev/null 2>&1 || true
    "$LAB_DIR/kube.sh" down "$LAB_RUN/kube" >/dev/null 2>&1 || true
    rm -rf "$LAB_RUN"
  else
    progress "kept the lab: boxes up, API server $LAB_RUN/kube/admin.kubeconfig, stack in $LAB_RUN/project"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

if [ -n "$(existing_boxes)" ] || kube_running; then
  progress "a lab is still up from an earlier run: taking it down"
  "$LAB_DIR/boxes.sh" down >/dev/null 2>&1 || true
  "$LAB_DIR/kube.sh" down "$LAB_RUN/kube" >/dev/null 2>&1 || true
fi
rm -rf "$LAB_RUN"
mkdir -p "$LAB_RUN"

# ---------------------------------------------------------------- the engine (as real-preview.sh sets it up)
log() { progress "$@"; }
ENGINE_SHARED=$LAB_SHARED
# shellcheck source-path=SCRIPTDIR source=../preview/engine.sh
. "$root/.ci/preview/engine.sh"
use_engine "$LAB_RUN"
# kept for LAB_KEEP=1 sessions (export PULUMI_CONFIG_PASSPHRASE=$(cat $LAB_RUN/passphrase)); removed with $LAB_RUN
(umask 077 && printf '%s\n' "$PULUMI_CONFIG_PASSPHRASE" >"$LAB_RUN/passphrase")
KBIN=$("$LAB_SHARED/kube/install.sh" 2>/dev/null)
export KBIN

# ---------------------------------------------------------------- the program, as a clean clone has it, and its jar
copy_project "$LAB_RUN/project"
mkdir -p "$LAB_RUN/state"
pulumi login --non-interactive "file://$LAB_RUN/state" >/dev/null

# ---------------------------------------------------------------- the lab: API server, boxes
progress "control plane"
"$LAB_DIR/kube.sh" up "$LAB_RUN/kube" >"$LAB_RUN/kube-up.log" 2>&1 || { tail -20 "$LAB_RUN/kube-up.log" >&2; exit 1; }
progress "boxes 1 2 3"
"$LAB_DIR/boxes.sh" up --user ubuntu 1 2 3 >"$LAB_RUN/boxes-up.log" 2>&1 || { tail -20 "$LAB_RUN/boxes-up.log" >&2; exit 1; }
LAB_KEY=$("$LAB_DIR/boxes.sh" key)
export LAB_KEY

python3 "$LAB_DIR/scenarios.py" "$@"
