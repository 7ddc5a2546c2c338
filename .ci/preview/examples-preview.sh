#!/usr/bin/env bash
# examples-preview.sh: every program in examples/ previewed by the real engine, the way examples/README.md tells a
# user to run it: examples/build.sh, a file backend, `pulumi stack init dev`, the SSH key set with --secret (here a
# throwaway key made for the run; a preview never connects), `pulumi preview --json`.
# Prints one line per example, e.g. "example dev-single-box: 11 to create, 0 errors (6 s)"; a failed preview or an
# error diagnostic fails. Engine home, state and logs stay in a temp dir, removed at the end (EXAMPLES_PREVIEW_KEEP=1
# keeps it).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/honeydue-examples-preview.XXXXXX)
cleanup() { if [ "${EXAMPLES_PREVIEW_KEEP:-}" = 1 ]; then echo "examples-preview: kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
trap 'exit 143' TERM INT
log() { printf '[examples-preview %4ss] %s\n' "$SECONDS" "$*" >&2; }

# shellcheck source-path=SCRIPTDIR source=engine.sh
. "$root/.ci/preview/engine.sh"
use_engine "$work"

# A copy of the checkout with the library's jar, so nothing is written into the checkout.
copy_project "$work/project"
mkdir -p "$work/state"
pulumi login --non-interactive "file://$work/state" >/dev/null
ssh-keygen -q -t ed25519 -N '' -C "examples-preview throwaway key" -f "$work/throwaway-key"

failures=0
for dir in "$work/project"/examples/*/; do
  name=$(basename "$dir")
  [ -f "$dir/Pulumi.yaml" ] || continue
  "$work/project/examples/build.sh" "$name" 2>"$work/$name.build.log" \
    || { cat "$work/$name.build.log"; echo "example $name: build failed"; failures=$((failures + 1)); continue; }
  start=$SECONDS
  rc=0
  (
    cd "$dir"
    pulumi stack init dev --non-interactive >/dev/null
    pulumi config set --stack dev --secret sshPrivateKey <"$work/throwaway-key" >/dev/null
    timeout 600 pulumi preview --stack dev --json --non-interactive
  ) >"$work/$name.preview.json" 2>"$work/$name.preview.err" || rc=$?
  summary=$(python3 "$root/.ci/preview/preview_summary.py" "$work/$name.preview.json")
  echo "example $name: ${summary%%$'\n'*} ($((SECONDS - start)) s)"
  if [ "$rc" -ne 0 ] || ! grep -q ', 0 errors' <<<"${summary%%$'\n'*}"; then
    tail -n +2 <<<"$summary"
    [ -s "$work/$name.preview.err" ] && sed 's/^/  stderr | /' "$work/$name.preview.err" | tail -20
    failures=$((failures + 1))
  fi
done
[ "$failures" -eq 0 ] || { echo "examples-preview: $failures example(s) failed"; exit 1; }
