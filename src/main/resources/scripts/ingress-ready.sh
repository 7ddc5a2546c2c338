# Step: wait until k3s' packaged Traefik is usable (runs on the join target after the servers): its CRDs are
# Established (the app's Middlewares need middlewares.traefik.io) and its Deployment or DaemonSet has rolled out.
# k3s installs both asynchronously after the first server starts, so on a first `pulumi up` they may not exist yet.
: "${TIMEOUT_SECONDS:?}"
crd_established() {
  [ "$(as_root k3s kubectl get crd middlewares.traefik.io \
      -o 'jsonpath={.status.conditions[?(@.type=="Established")].status}' 2>/dev/null)" = "True" ]
}
traefik_rolled_out() {
  local kind
  for kind in daemonset deployment; do
    if as_root k3s kubectl -n kube-system get "$kind" traefik >/dev/null 2>&1; then
      as_root k3s kubectl -n kube-system rollout status "$kind/traefik" --timeout=5s >/dev/null 2>&1
      return
    fi
  done
  return 1
}
wait_until "$TIMEOUT_SECONDS" "Traefik CRD middlewares.traefik.io Established" -- crd_established \
  || die "middlewares.traefik.io is not Established after ${TIMEOUT_SECONDS}s" \
         "check k3s' packaged Traefik: sudo k3s kubectl -n kube-system get helmcharts,jobs,pods"
wait_until "$TIMEOUT_SECONDS" "Traefik rolled out in kube-system" -- traefik_rolled_out \
  || die "Traefik did not roll out in ${TIMEOUT_SECONDS}s" "sudo k3s kubectl -n kube-system describe deploy,ds traefik"
log "Traefik is ready: CRDs Established and rolled out"
