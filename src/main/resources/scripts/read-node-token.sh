#!/usr/bin/env bash
# Step: print the cluster join token to stdout, which Pulumi records as a secret. Nothing else is printed.
# Self-contained (no lib.sh), like read-kubeconfig.sh: while this command is unchanged its output stays known during
# `pulumi preview`, so an edit of the shared step library does not show every join step as changing.
set -euo pipefail
file=/var/lib/rancher/k3s/server/node-token
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
for _ in $(seq 24); do as_root test -s "$file" && break; sleep 5; done
as_root test -s "$file" || {
  echo "[honeydue node-token] FAILED: $file did not appear; the k3s install on this node must have failed (sudo journalctl -u k3s)" >&2
  exit 1
}
as_root cat "$file"
