# Step (delete of the k3s-removal step): the node left the config, or the stack is destroyed. The cluster-members
# step has already drained this node and deleted it from the cluster (from a live server); here k3s is stopped and
# uninstalled. SSH, the firewall and sshd settings are left as they are, so the box stays reachable.
: "${NODE_NAME:?}"
if [ -x /usr/local/bin/k3s-uninstall.sh ]; then
  log "uninstalling k3s from ${NODE_NAME}"
  as_root /usr/local/bin/k3s-uninstall.sh >/dev/null
else
  log "k3s is not installed on ${NODE_NAME}; nothing to uninstall"
fi
as_root rm -f /var/lib/honeydue/k3s-server.fingerprint /etc/rancher/k3s/cluster-token
log "k3s removed from ${NODE_NAME}; SSH and the firewall are untouched"
