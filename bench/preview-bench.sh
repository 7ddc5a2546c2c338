#!/usr/bin/env bash
# Real `pulumi preview` wall time per stack, warm, in one run: the prebuilt jar (runtime.options.binary) against the
# Java host's default `mvn compile exec:java`, N runs each, alternating (default 3). Uses the same setup as CI
# (.ci/preview/real-preview.sh: temp backend, the README's stack-setup with fake secrets), so figures are comparable.
#   bash bench/preview-bench.sh [runs] [stack...]
set -euo pipefail
runs=${1:-3}
shift || true
[[ "$runs" =~ ^[1-9][0-9]?$ ]] || { echo "usage: preview-bench.sh [runs 1-99] [stack...]" >&2; exit 2; }
REAL_PREVIEW_BENCH=$runs exec "$(dirname "$0")/../.ci/preview/real-preview.sh" "$@"
