# Step: post-deploy smoke check (runbook §6.10, external part of 04-verify.sh): every node must answer
# GET http://<node IPv4>/api/health/ with Host: $SMOKE_HOST and status 200. The /api/health/ route is exempt
# from the cloudflare-only middleware, so this works from the node itself without Cloudflare.
# Parameters (environment): NODE_IPS (space separated), SMOKE_HOST, SMOKE_PATH, ATTEMPTS, DELAY_SECONDS.
# Runs after lib.sh like every node step (shebang, strict mode, log, die come from there).

: "${NODE_IPS:?NODE_IPS must list the node IPv4 addresses}"
: "${SMOKE_HOST:?SMOKE_HOST must name the api host}"
SMOKE_PATH=${SMOKE_PATH:-/api/health/}
ATTEMPTS=${ATTEMPTS:-30}
DELAY_SECONDS=${DELAY_SECONDS:-10}

failed=()
for ip in $NODE_IPS; do
  n=1
  code=000
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --connect-timeout 5 --max-time 10 \
      -H "Host: ${SMOKE_HOST}" "http://${ip}${SMOKE_PATH}" || true)
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
done

if [ "${#failed[@]}" -gt 0 ]; then
  die "${failed[*]} did not answer 200 for http://<node>${SMOKE_PATH} with Host: ${SMOKE_HOST}" \
      "kubectl -n honeydue get pods,ingress; check Traefik (kube-system) and ports 80/443 in the node firewall"
fi
log "all nodes answered 200"
