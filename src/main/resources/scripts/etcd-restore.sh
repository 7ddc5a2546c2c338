# Step: etcd restore (runbook §8 "etcd quorum lost"), in three phases that Pulumi chains one at a time:
#   stop    on every other server: stop k3s so nothing writes while etcd is reset;
#   reset   on the restore server: k3s server --cluster-reset --cluster-reset-restore-path=<snapshot>, then start;
#   rejoin  on every other live server, one by one: move the old etcd data aside and start k3s, which rejoins.
# The chain runs before the server steps (with quorum lost, nothing else could pass its wait for Ready).
# Destructive by design: cluster state since the snapshot is lost (app data lives in Neon, not here).
: "${PHASE:?}" "${NODE_NAME:?}" "${SNAPSHOT:?}" "${READY_TIMEOUT_SECONDS:?}"
SNAPSHOT_DIR=/var/lib/rancher/k3s/server/db/snapshots
DB_DIR=/var/lib/rancher/k3s/server/db

node_ready() {
  [ "$(as_root k3s kubectl get node "$NODE_NAME" \
      -o 'jsonpath={.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null)" = "True" ]
}

case "$PHASE" in
  stop)
    log "stopping k3s on ${NODE_NAME} for the restore of ${SNAPSHOT}"
    as_root systemctl stop k3s
    ;;
  reset)
    path="${SNAPSHOT_DIR}/${SNAPSHOT}"
    as_root test -f "$path" || die "snapshot ${path} does not exist on ${NODE_NAME}" \
      "list them with 'sudo ls ${SNAPSHOT_DIR}' and set etcdRestoreSnapshot to one of them"
    as_root systemctl stop k3s
    log "resetting etcd membership from ${SNAPSHOT}"
    as_root timeout "${READY_TIMEOUT_SECONDS}" k3s server --cluster-reset --cluster-reset-restore-path="$path" >/dev/null 2>&1 \
      || die "k3s --cluster-reset failed" "ssh in and run it by hand to read its output: sudo k3s server --cluster-reset --cluster-reset-restore-path=${path}"
    as_root systemctl start k3s
    wait_until "$READY_TIMEOUT_SECONDS" "node ${NODE_NAME} Ready after restore" -- node_ready \
      || die "${NODE_NAME} not Ready after the restore" "check 'sudo journalctl -u k3s'; the other servers are still stopped"
    ;;
  rejoin)
    if as_root grep -qx 'cluster-init: true' /etc/rancher/k3s/config.yaml 2>/dev/null; then
      # Started on fresh data with --cluster-init, this server would found a second cluster instead of rejoining.
      die "${NODE_NAME} is the cluster's initial server; it cannot rejoin a cluster restored on another server" \
          "restore onto ${NODE_NAME} (leave joinTarget unset) or list it in deadServers"
    fi
    if as_root test -d "$DB_DIR/etcd"; then
      aside="${DB_DIR}.pre-restore-$(date +%Y%m%d%H%M%S)"
      log "moving old etcd data aside to ${aside}"
      as_root mv "$DB_DIR" "$aside"
    fi
    as_root systemctl start k3s
    wait_until "$READY_TIMEOUT_SECONDS" "node ${NODE_NAME} Ready after rejoin" -- node_ready \
      || die "${NODE_NAME} did not rejoin after the restore" "check 'sudo journalctl -u k3s' on ${NODE_NAME}"
    ;;
  *)
    die "unknown PHASE '${PHASE}'" "this is a program bug: PHASE must be stop, reset or rejoin"
    ;;
esac
log "${PHASE} done on ${NODE_NAME}"
