#!/bin/sh
# FAKE k3s installer for the verification sandbox (never used on a real node). The real get.k3s.io script
# downloads the k3s binary, writes a systemd unit with these arguments and starts it. This one records its
# arguments and environment, installs the fake k3s/systemctl next to it, and writes the files k3s writes.
set -eu
here=/opt/fake-k3s
log=/var/log/fake-k3s
mkdir -p "$log"
n=1
while [ -e "$log/install-$n.args" ]; do n=$((n + 1)); done
printf '%s\n' "$@" >"$log/install-$n.args"
env | sort >"$log/install-$n.env"
install -m 755 "$here/k3s" /usr/local/bin/k3s
install -m 755 "$here/systemctl" /usr/local/bin/systemctl

# The flags are in /etc/rancher/k3s/config.yaml (scalars as the program writes them: key: "value"), as k3s reads them.
config=/etc/rancher/k3s/config.yaml
[ -f "$config" ] && cp "$config" "$log/install-$n.config"
setting() { sed -n "s/^$1: \"\(.*\)\"$/\1/p" "$config" 2>/dev/null | head -1; }
node_name=$(setting node-name); mode=$(setting write-kubeconfig-mode); token_file=$(setting token-file)
: "${mode:=0600}"
mkdir -p /etc/rancher/k3s /var/lib/rancher/k3s/server /run/fake-k3s
umask 077
if [ -n "$token_file" ]; then
  cp "$token_file" /var/lib/rancher/k3s/server/node-token   # a joined server shares the cluster token
elif [ ! -s /var/lib/rancher/k3s/server/node-token ]; then
  printf 'K10%s::server:%s\n' "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" \
    "$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')" >/var/lib/rancher/k3s/server/node-token
fi
cat >/etc/rancher/k3s/k3s.yaml <<YAML
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: RkFLRS1DQQ==
    server: https://127.0.0.1:6443
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
users:
- name: default
  user:
    client-certificate-data: RkFLRS1DRVJU
    client-key-data: RkFLRS1LRVk=
YAML
chmod "$mode" /etc/rancher/k3s/k3s.yaml
printf '%s\n' "$node_name" >/run/fake-k3s/node-name
printf '%s\n' "${INSTALL_K3S_VERSION:?the real installer needs it too}" >/run/fake-k3s/version
if [ "${INSTALL_K3S_SKIP_START:-}" != true ]; then touch /run/fake-k3s/active; fi
