# Step: post-deploy smoke check (runbook §6.10, external part of 04-verify.sh). On every node:
#   1. GET http://<node IPv4>/api/health/ with Host: $SMOKE_HOST must answer 200. The /api/health/ route is exempt
#      from the cloudflare-only middleware, so this works from the node itself without Cloudflare.
#   2. GET http://<node IPv4>/ with each Host of ROUTE_HOSTS (the routes cloudflare-only guards where it is
#      attached) must answer anything but 403: any status proves Traefik routed it (404, 401 for basic auth ...),
#      while 403 means the allow-list refused the node's own request, as it would refuse Cloudflare's.
# Parameters (environment): NODE_IPS (space separated), SMOKE_HOST, SMOKE_PATH, ROUTE_HOSTS (space separated,
# may be empty), ATTEMPTS, DELAY_SECONDS.
# Runs after lib.sh like every node step (shebang, strict mode, log, die come from there).

: "${NODE_IPS:?NODE_IPS must list the node IPv4 addresses}"
: "${SMOKE_HOST:?SMOKE_HOST must name the api host}"
SMOKE_PATH=${SMOKE_PATH:-/api/health/}
ROUTE_HOSTS=${ROUTE_HOSTS:-}
ATTEMPTS=${ATTEMPTS:-30}
DELAY_SECONDS=${DELAY_SECONDS:-10}

# status <ip> <host> <path>: the HTTP status, 000 when no answer came.
status() {
  curl -s -o /dev/null -w '%{http_code}' --connect-timeout 5 --max-time 10 \
    -H "Host: $2" "http://$1$3" || true
}

failed=()
refused=()
for ip in $NODE_IPS; do
  n=1
  code=000
  while :; do
    code=$(status "$ip" "$SMOKE_HOST" "$SMOKE_PATH")
    if [ "$code" = "200" ]; then
      log "${ip} -> 200 (attempt ${n}/${ATTEMPTS})"
      break
    fi
    if [ "$n" -ge "$ATTEMPTS" ]; then
      log "${ip} -> ${code} after ${ATTEMPTS} attempts"
      failed+=("${ip}:${code}")
      break
    fi
    sleep "$DELAY_SECONDS"
    n=$((n + 1))
  done
  [ "$code" = "200" ] || continue

  for host in $ROUTE_HOSTS; do
    n=1
    while :; do
      code=$(status "$ip" "$host" /)
      if [ "$code" != "403" ] && [ "$code" != "000" ]; then
        log "${ip} ${host}/ -> ${code} (routed, not refused)"
        break
      fi
      if [ "$n" -ge "$ATTEMPTS" ]; then
        log "${ip} ${host}/ -> ${code} after ${ATTEMPTS} attempts"
        refused+=("${ip}:${host}/:${code}")
        break
      fi
      sleep "$DELAY_SECONDS"
      n=$((n + 1))
    done
  done
done

if [ "${#failed[@]}" -gt 0 ]; then
  die "${failed[*]} did not answer 200 for http://<node>${SMOKE_PATH} with Host: ${SMOKE_HOST}" \
      "kubectl -n honeydue get pods,ingress; check Traefik (kube-system) and ports 80/443 in the node firewall"
fi
if [ "${#refused[@]}" -gt 0 ]; then
  die "${refused[*]} refused (403) or unanswered: the cloudflare-only allow-list does not admit the node's own address, or Traefik cannot see client addresses (klipper-lb masquerades)" \
      "kubectl -n honeydue get middleware cloudflare-only -o yaml; it must list every node /32 and be attached only where Traefik runs in the host network"
fi
log "all nodes answered 200, and no routed host refused the node"
