# Step: print the cluster join token to stdout, which Pulumi records as a secret. Nothing else is printed.
TOKEN_PATH=/var/lib/rancher/k3s/server/node-token
wait_until 120 "node token" -- as_root test -s "$TOKEN_PATH" \
  || die "${TOKEN_PATH} did not appear" "the k3s install on this node must have failed; see 'sudo journalctl -u k3s'"
as_root cat "$TOKEN_PATH"
