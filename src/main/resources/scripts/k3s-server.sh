# Step: install or join a k3s server (runbook §6.3/§6.4), then wait until this node is Ready at the version.
# Runs again in place whenever its parameters change (an upgrade, new TLS SANs, another join target): it drains this
# node, reinstalls, and waits; it never uninstalls anything (removal is the separate k3s-removal step's delete).
# The flags live in /etc/rancher/k3s/config.yaml (K3S_CONFIG), so an ad-hoc `k3s server --cluster-reset` sees them.
# k3s is installed without starting (install.sh would block on `systemctl restart k3s`, whose unit has
# TimeoutStartSec=0), then started without blocking, then waited for with a bound.
# Secrets arrive on stdin, one per line, and go to root-only files; they are never echoed or on argv:
# the cluster token (joining servers), then the etcd S3 access and secret keys (ETCD_S3=true).
: "${K3S_VERSION:?}" "${K3S_CONFIG:?}" "${NODE_NAME:?}" "${READY_TIMEOUT_SECONDS:?}" "${INSTALLER_URL:?}" "${JOIN:?}"
: "${ETCD_S3:=false}" "${MANAGED_LABEL:=honeydue/managed}"
CONFIG_FILE=/etc/rancher/k3s/config.yaml
S3_CONFIG=/etc/rancher/k3s/config.yaml.d/50-etcd-s3.yaml
TOKEN_FILE=/etc/rancher/k3s/cluster-token
STATE_DIR=/var/lib/honeydue
FINGERPRINT_FILE=$STATE_DIR/k3s-server.fingerprint
# Set on the node while this step has it cordoned: a later run that finds it (say the first failed after the drain)
# still uncordons the node, while a cordon an operator set by hand is left alone.
DRAINED_BY=honeydue/drained-by

# root_write <file>: stdin to a file only root can read, created that way (no window with wider permissions), and
# moved into place whole.
root_write() {
  # shellcheck disable=SC2016 # $1 is expanded by the inner root shell, on purpose: secrets never reach argv.
  as_root sh -c 'umask 077 && mkdir -p "$(dirname "$1")" && cat > "$1.new" && mv "$1.new" "$1"' sh "$1"
}

if [ "$JOIN" = "true" ]; then
  IFS= read -r token || die "no cluster token on stdin" "the init node's token step must run first"
  [ -n "$token" ] || die "empty cluster token on stdin" "check the init node: sudo cat /var/lib/rancher/k3s/server/node-token"
  printf '%s\n' "$token" | root_write "$TOKEN_FILE"
  unset token
fi

if [ "$ETCD_S3" = "true" ]; then
  IFS= read -r s3_access || die "no etcd S3 access key on stdin" "set it: pulumi config set --secret etcdS3AccessKey ..."
  IFS= read -r s3_secret || die "no etcd S3 secret key on stdin" "set it: pulumi config set --secret etcdS3SecretKey ..."
  # YAML single-quoted scalars: a quote inside is written twice.
  printf "etcd-s3-access-key: '%s'\netcd-s3-secret-key: '%s'\n" "${s3_access//\'/\'\'}" "${s3_secret//\'/\'\'}" \
    | root_write "$S3_CONFIG"
  unset s3_access s3_secret
elif as_root test -f "$S3_CONFIG"; then
  as_root rm -f "$S3_CONFIG"
fi

# The S3 credentials count as configuration too (rotating them restarts k3s), but only as a hash.
s3_hash=$(as_root sha256sum "$S3_CONFIG" 2>/dev/null | cut -d' ' -f1 || true)
fingerprint=$(printf '%s\n' "$K3S_VERSION" "$K3S_CONFIG" "$s3_hash" | sha256sum | cut -d' ' -f1)
k3s_active() { as_root systemctl is-active --quiet k3s 2>/dev/null; }
if [ "$(as_root cat "$FINGERPRINT_FILE" 2>/dev/null || true)" = "$fingerprint" ] && command -v k3s >/dev/null 2>&1; then
  if k3s_active; then
    log "k3s ${K3S_VERSION} already runs with this configuration; not reinstalling"
  else
    # install.sh would say "No change detected" and not start it either: a stopped k3s is started here.
    log "k3s ${K3S_VERSION} is installed with this configuration but stopped; starting it"
    as_root systemctl start --no-block k3s
  fi
else
  if k3s_active && as_root k3s kubectl get node "$NODE_NAME" >/dev/null 2>&1; then
    # An upgrade or flag change on a live member: this node goes down alone, the others keep etcd quorum.
    log "changing a live server: cordon and drain ${NODE_NAME} first"
    as_root k3s kubectl annotate node "$NODE_NAME" "${DRAINED_BY}=k3s-server" --overwrite >/dev/null
    as_root k3s kubectl cordon "$NODE_NAME" >/dev/null
    as_root k3s kubectl drain "$NODE_NAME" --ignore-daemonsets --delete-emptydir-data \
        --timeout="${READY_TIMEOUT_SECONDS}s" >/dev/null \
      || die "could not drain ${NODE_NAME}; it is left cordoned and unchanged, and no later server was touched" \
             "check 'kubectl get pdb -A' and stuck pods, then 'pulumi up' again (or 'kubectl uncordon ${NODE_NAME}' to back out)"
  fi
  printf '%s' "$K3S_CONFIG" | root_write "$CONFIG_FILE"
  installer=$(mktemp)
  trap 'rm -f "$installer"' EXIT
  retry 5 5 "download k3s installer" -- curl -sfL --connect-timeout 20 --max-time 120 -o "$installer" "$INSTALLER_URL" \
    || die "cannot download the k3s installer from ${INSTALLER_URL}" "check outbound HTTPS from the node"
  log "installing k3s ${K3S_VERSION} (flags in ${CONFIG_FILE})"
  retry 3 15 "k3s install" -- as_root env INSTALL_K3S_VERSION="$K3S_VERSION" INSTALL_K3S_SKIP_START=true \
      sh "$installer" server \
    || die "k3s install failed" "ssh in and read the installer's output: rerun 'pulumi up' with logging, or 'sudo journalctl -u k3s'"
  log "starting k3s (not waiting on systemd: the wait below is bounded)"
  as_root systemctl restart --no-block k3s
fi

# Ready AND running the requested version: an upgrade is only done when the kubelet reports it.
node_ready_at_version() {
  local state
  state=$(as_root k3s kubectl get node "$NODE_NAME" \
      -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status} {.status.nodeInfo.kubeletVersion}' 2>/dev/null) || return 1
  [ "$state" = "True ${K3S_VERSION}" ]
}
wait_until "$READY_TIMEOUT_SECONDS" "node ${NODE_NAME} Ready at ${K3S_VERSION}" -- node_ready_at_version \
  || die "node ${NODE_NAME} not Ready at ${K3S_VERSION} after ${READY_TIMEOUT_SECONDS}s" \
         "ssh in and check 'sudo journalctl -u k3s' and 'sudo k3s kubectl get nodes'; the rest of the rollout did not start"
as_root install -d -m 755 "$STATE_DIR"
printf '%s\n' "$fingerprint" | as_root tee "$FINGERPRINT_FILE" >/dev/null
# Marks the node as one this program manages: the cluster-members step only ever removes nodes carrying it.
as_root k3s kubectl label node "$NODE_NAME" "${MANAGED_LABEL}=true" --overwrite >/dev/null
if [ -n "$(as_root k3s kubectl get node "$NODE_NAME" -o "go-template={{index .metadata.annotations \"${DRAINED_BY}\"}}" 2>/dev/null \
    | grep -v '<no value>' || true)" ]; then
  as_root k3s kubectl uncordon "$NODE_NAME" >/dev/null
  as_root k3s kubectl annotate node "$NODE_NAME" "${DRAINED_BY}-" >/dev/null
fi
log "node ${NODE_NAME} is Ready at ${K3S_VERSION}"
