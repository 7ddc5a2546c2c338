# Step: the cluster's members follow the stack's `nodes` (runs on the join target, after every server step).
# A node this program manages (label MANAGED_LABEL) that is not in EXPECTED_NODES has left the config: drain it
# (bounded) and delete it from the cluster, which also removes its etcd member. This runs from a live server, so it
# works even when the leaving box is already cut off by its peers' firewalls (or dead). Its k3s is uninstalled
# afterwards by that node's own k3s-removal step. Prints the expected members.
: "${EXPECTED_NODES:?}" "${MANAGED_LABEL:?}" "${DRAIN_TIMEOUT_SECONDS:?}"
mapfile -t expected <<<"$EXPECTED_NODES"

current=$(as_root k3s kubectl get nodes -l "${MANAGED_LABEL}=true" \
    -o 'jsonpath={range .items[*]}{.metadata.name}{"\n"}{end}') \
  || die "cannot list the cluster's nodes" "check the API server on this node: sudo k3s kubectl get nodes"
removed=0
while IFS= read -r node; do
  [ -n "$node" ] || continue
  keep=no
  for e in "${expected[@]}"; do [ "$e" = "$node" ] && keep=yes && break; done
  [ "$keep" = yes ] && continue
  log "${node} left the stack's nodes: draining it (at most ${DRAIN_TIMEOUT_SECONDS}s) and deleting it from the cluster"
  as_root k3s kubectl drain "$node" --ignore-daemonsets --delete-emptydir-data --force \
      --timeout="${DRAIN_TIMEOUT_SECONDS}s" >/dev/null \
    || log "drain of ${node} did not finish in ${DRAIN_TIMEOUT_SECONDS}s; deleting it anyway because it is leaving"
  as_root k3s kubectl delete node "$node" --wait=false >/dev/null \
    || die "could not delete node ${node} from the cluster" "delete it by hand: kubectl delete node ${node}"
  removed=$((removed + 1))
done <<<"$current"
log "cluster members: ${#expected[@]} expected, ${removed} removed"
printf '%s\n' "${expected[@]}"
