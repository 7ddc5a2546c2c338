#!/usr/bin/env bash
# The secret-less half of the PR workflow, runnable anywhere: render both stacks at <base-ref> and at the
# working tree, diff them, and write <out>/render-diff.md (what a reviewer sees without cloud access).
# Usage: .ci/render-diff.sh <base-ref> <out-dir>
set -euo pipefail
base_ref=${1:?usage: render-diff.sh <base-ref> <out-dir>}
out=${2:?usage: render-diff.sh <base-ref> <out-dir>}
root=$(git rev-parse --show-toplevel)
mkdir -p "$out"
out=$(cd "$out" && pwd)
base_tree=$(mktemp -d)
cleanup() { git -C "$root" worktree remove --force "$base_tree/src" >/dev/null 2>&1 || true; rm -rf "$base_tree"; }
trap cleanup EXIT

git -C "$root" worktree add --quiet --detach "$base_tree/src" "$base_ref"
base_sha=$(git -C "$base_tree/src" rev-parse --short HEAD)
head_sha=$(git -C "$root" rev-parse --short HEAD)

{
  echo "## Offline render diff (${base_sha} → ${head_sha})"
  echo
  echo "What \`pulumi up\` would change, rendered without credentials by \`bin/honeydue-infra render\`."
  echo "Provider outputs are fakes; secrets are masked."
  echo
} > "$out/render-diff.md"

for stack in prod ovh; do
  echo "render-diff: rendering ${stack} at ${head_sha}" >&2
  "$root/bin/honeydue-infra" render --stack "$stack" --out "$out/head/$stack" >/dev/null
  if [ -x "$base_tree/src/bin/honeydue-infra" ] && [ -f "$base_tree/src/Pulumi.$stack.yaml" ]; then
    echo "render-diff: rendering ${stack} at ${base_sha}" >&2
    (cd "$base_tree/src" && bin/honeydue-infra render --stack "$stack" --out "$out/base/$stack" >/dev/null)
  fi
  rc=0
  if [ -f "$out/base/$stack/plan.json" ]; then
    "$root/bin/honeydue-infra" diff "$out/base/$stack" "$out/head/$stack" > "$out/$stack.diff" || rc=$?
    [ "$rc" -le 1 ] || { echo "render-diff: diff failed for ${stack} (exit ${rc})" >&2; exit "$rc"; }
  else
    # The base predates the renderer (or this stack): show the whole head plan instead of a diff.
    echo "render-diff: ${base_sha} cannot render ${stack}; showing the full plan of ${head_sha}" >&2
    { echo "# ${base_sha} cannot render stack ${stack}: everything below is new"; cat "$out/head/$stack/PLAN.md"; } > "$out/$stack.diff"
    rc=1
  fi
  {
    echo "### stack \`${stack}\`: $([ "$rc" -eq 0 ] && echo "no change" || echo "changes")"
    echo
    echo '```diff'
    head -c 60000 "$out/$stack.diff"
    echo '```'
    echo
  } >> "$out/render-diff.md"
done
echo "render-diff: wrote $out/render-diff.md" >&2
