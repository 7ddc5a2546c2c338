# Step: print the admin kubeconfig with its server rewritten to the public API address (runbook §6.5).
# stdout is recorded as a secret.
: "${API_SERVER_IPV4:?}"
KUBECONFIG_PATH=/etc/rancher/k3s/k3s.yaml
wait_until 120 "kubeconfig" -- as_root test -s "$KUBECONFIG_PATH" \
  || die "${KUBECONFIG_PATH} did not appear" "the k3s install on this node must have failed; see 'sudo journalctl -u k3s'"
as_root cat "$KUBECONFIG_PATH" | sed "s|server: https://127.0.0.1:6443|server: https://${API_SERVER_IPV4}:6443|"
