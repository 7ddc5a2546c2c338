#!/usr/bin/env bash
# Render benchmark: the ovh stack with synthetic node lists of 3, 11, 31 and 101 nodes (odd counts, so the etcd
# quorum rule holds without allowNonHaNodeCount), everything else as in Pulumi.ovh.yaml, each rendered by
# bin/honeydue-infra in a fresh JVM. Prints resources, wall time without JVM start (the CLI's own in-process
# timing), wall time with it (the whole process), ms per resource and the output size; each time is the best of
# REPEAT runs (default 3: the machine is shared).
# Usage: [REPEAT=n] bench/render-bench.sh [node counts...]   (see docs/render.md)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(3 11 31 101)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/Pulumi.yaml" "$work/"

# Build once up front so no run pays for it.
"$root/bin/honeydue-infra" --version >/dev/null

printf '%6s %10s %14s %14s %12s %12s %10s\n' nodes resources "ms (no JVM)" "ms (with JVM)" "ms/res" "ms/res (JVM)" "output KB"
for n in "${counts[@]}"; do
  stack="bench$n"
  {
    echo "config:"
    echo "  honeydue-infra:provider: ovh"
    echo "  honeydue-infra:nodes:"
    for i in $(seq 1 "$n"); do
      echo "    - alias=bench$i ipv4=203.0.$(( i / 250 + 113 )).$(( i % 250 + 1 )) k8sName=bench-node-$i"
    done
    echo "  honeydue-infra:nodeLabels:"
    echo "    - bench-node-1:honeydue/redis=true"
    # Everything else exactly as the ovh stack (app, edge, observability): only the node list differs.
    awk '/^  honeydue-infra:(provider|nodes|nodeLabels|initialServer):/ { skip = 1; next }
         skip && /^    - / { next }
         { skip = 0 }
         /^  honeydue-infra:/ { print }
         /^    - / { print }' "$root/Pulumi.ovh.yaml"
  } >"$work/Pulumi.$stack.yaml"

  total_ms=""
  inproc_ms=""
  for _ in $(seq 1 "${REPEAT:-3}"); do
    start=$(date +%s%N)
    "$root/bin/honeydue-infra" render --project-dir "$work" --stack "$stack" --out "$work/out-$n" >/dev/null 2>"$work/err-$n" \
      || { cat "$work/err-$n" >&2; exit 1; }
    t=$(( ($(date +%s%N) - start) / 1000000 ))
    p=$(sed -n 's/.* in \([0-9]*\) ms (in-process.*/\1/p' "$work/err-$n")
    if [ -z "$total_ms" ] || [ "$t" -lt "$total_ms" ]; then total_ms=$t; fi
    if [ -z "$inproc_ms" ] || [ "$p" -lt "$inproc_ms" ]; then inproc_ms=$p; fi
  done
  resources=$(grep -c '"urn":' "$work/out-$n/plan.json")
  printf '%6d %10d %14d %14d %12.2f %12.2f %10d\n' "$n" "$resources" "$inproc_ms" "$total_ms" \
    "$(awk -v a="$inproc_ms" -v b="$resources" 'BEGIN { print a / b }')" \
    "$(awk -v a="$total_ms" -v b="$resources" 'BEGIN { print a / b }')" "$(du -sk "$work/out-$n" | cut -f1)"
done
