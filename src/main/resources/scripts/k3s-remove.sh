# Step (delete): the node left the config, or the stack is destroyed. Drain it (bounded), delete it from the
# cluster (k3s then drops its etcd member), and uninstall k3s. SSH and the firewall are left as they are.
: "${NODE_NAME:?}" "${DRAIN_TIMEOUT_SECONDS:?}"

if command -v k3s >/dev/null 2>&1 && as_root systemctl is-active --quiet k3s 2>/dev/null; then
  if as_root k3s kubectl get node "$NODE_NAME" >/dev/null 2>&1; then
    log "draining ${NODE_NAME}"
    as_root k3s kubectl drain "$NODE_NAME" --ignore-daemonsets --delete-emptydir-data \
        --timeout="${DRAIN_TIMEOUT_SECONDS}s" >/dev/null \
      || log "drain did not finish in ${DRAIN_TIMEOUT_SECONDS}s; continuing because the node is leaving"
    as_root k3s kubectl delete node "$NODE_NAME" --wait=false >/dev/null \
      || log "could not delete node ${NODE_NAME} from the cluster; remove it with 'kubectl delete node ${NODE_NAME}'"
  fi
fi
if [ -x /usr/local/bin/k3s-uninstall.sh ]; then
  log "uninstalling k3s"
  as_root /usr/local/bin/k3s-uninstall.sh >/dev/null
fi
as_root rm -f /var/lib/honeydue/k3s-server.fingerprint /etc/rancher/k3s/cluster-token
log "k3s removed from ${NODE_NAME}; SSH and the firewall are untouched"
