#!/usr/bin/env bash
# Step: print the admin kubeconfig with its server rewritten to the public API address (runbook §6.5); stdout is
# recorded as a secret. Self-contained on purpose (no lib.sh): whenever this step's command changes, its output is
# unknown during `pulumi preview`, and pulumi-kubernetes 4.0.0 then plans to REPLACE the provider built from it, and
# with it every Kubernetes object. So only the join target or the SSH settings may change this command.
set -euo pipefail
: "${API_SERVER_IPV4:?}"
file=/etc/rancher/k3s/k3s.yaml
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi; }
for _ in $(seq 24); do as_root test -s "$file" && break; sleep 5; done
as_root test -s "$file" || {
  echo "[honeydue kubeconfig] FAILED: $file did not appear; the k3s install on this node must have failed (sudo journalctl -u k3s)" >&2
  exit 1
}
as_root cat "$file" | sed "s|server: https://127.0.0.1:6443|server: https://${API_SERVER_IPV4}:6443|"
