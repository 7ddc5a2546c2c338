#!/usr/bin/env bash
# Self-test of the lab kit, without Pulumi. Run as root on a machine where no lab is running:
#
#   .ci/lab/selftest.sh [--keep]      (--keep: leave the lab up at the end, to poke around)
#
# Brings up the control plane and boxes 1-3, then over real SSH (ssh -i <lab key> ubuntu@10.77.0.1N) does what the
# node steps do: apt-get through the proxy; the fake installer as init server and as joining servers (token file; a
# wrong and a missing token refused, then picked up by the automatic restart); Ready at the version; "No change
# detected"; an upgrade; drain + delete + uninstall; stop/start; the hang switch; etcd snapshot and cluster reset;
# UFW enabled with SSH still open. Checks the stand-ins (local-path PV, Ingress status) and the merged event log,
# tears everything down and checks that nothing is left. One summary line; exit status non-zero if a check failed.
# Remote commands are single-quoted on purpose: they expand on the box, not here.
# shellcheck disable=SC2016
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"
require_root
KEEP=no
[ "${1:-}" != --keep ] || KEEP=yes

V1=v1.34.6+k3s1
V2=v1.35.1+k3s1
WORK=$LAB_STATE-selftest
KUBE_DIR=$WORK/kube
BOXES=$LAB_DIR/boxes.sh
KUBE=$LAB_DIR/kube.sh
checks=0
failures=()

pass() { checks=$((checks + 1)); printf '  ok   %s\n' "$1"; }
fail() { checks=$((checks + 1)); failures+=("$1"); printf '  FAIL %s\n' "$1"; }
check() { # check <description> <command...>: one line; the command's output only when it fails
  local what=$1
  shift
  if "$@" >"$WORK/last.out" 2>&1; then pass "$what"; else fail "$what"; sed 's/^/      | /' "$WORK/last.out" | tail -8; fi
}
on() { # on <box> <remote command>: over SSH as the login user, as the remote Command steps run
  ssh -i "$KEY" -o IdentitiesOnly=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
    -o ConnectTimeout=5 -o BatchMode=yes "ubuntu@$(box_ip "$1")" "$2"
}
kc() { "$KBIN/kubectl" --kubeconfig="$KUBE_DIR/admin.kubeconfig" "$@"; }
events() { cat "$(box_root "$1")/var/log/fake-k3s/events.log" 2>/dev/null || true; }
wait_until() { # wait_until <seconds> <command...>
  local deadline=$(( $(date +%s) + $1 ))
  shift
  until "$@" >/dev/null 2>&1; do [ "$(date +%s)" -lt "$deadline" ] || return 1; sleep 0.5; done
}
port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

cleanup() {
  local rc=$?
  if [ "$KEEP" = no ]; then
    "$BOXES" down >/dev/null 2>&1 || true
    "$KUBE" down "$KUBE_DIR" >/dev/null 2>&1 || true
  fi
  exit "$rc"
}

if [ -n "$(existing_boxes)" ] || kube_running; then
  die "a lab is running; take it down first (boxes.sh down; kube.sh down <dir>)"
fi
rm -rf "$WORK" && mkdir -p "$WORK"
trap cleanup EXIT
trap 'exit 143' TERM INT

# ---------------------------------------------------------------- up
progress "kube.sh up $KUBE_DIR"
"$KUBE" up "$KUBE_DIR" >/dev/null
KBIN=$("$LAB_SHARED/kube/install.sh")
progress "boxes.sh up 1 2 3"
"$BOXES" up --user ubuntu 1 2 3
KEY=$("$BOXES" key)

progress "apt-get update && apt-get install curl ufw in the three boxes at once (through the proxy)"
for n in 1 2 3; do
  on "$n" 'sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl ufw' \
    >"$WORK/apt-$n.log" 2>&1 &
done
apt_ok=yes
for n in 1 2 3; do wait -n || apt_ok=no; done
if [ "$apt_ok" = yes ]; then pass "apt-get install curl ufw in boxes 1-3"; else fail "apt-get in a box (see $WORK/apt-*.log)"; fi
check "no systemd in the boxes: /run/systemd absent; systemctl is the lab's fake" \
  on 1 '! test -e /run/systemd && test "$(command -v systemctl)" = /usr/local/bin/systemctl'

# ---------------------------------------------------------------- the init server
install_cmd() { # install_cmd <version> <args>: what the program's k3s step runs (installer from the lab host)
  printf 'curl -sfL https://10.77.0.1:8087/install.sh -o /tmp/k3s-install.sh && sudo env INSTALL_K3S_VERSION=%s sh /tmp/k3s-install.sh server %s' "$1" "$2"
}
common() { # per-node flags like the runbook's, with lab addresses (the cron argument has spaces: quoted remotely)
  printf -- "--node-name=n%s --node-ip=%s --node-external-ip=%s --write-kubeconfig-mode=0600 --tls-san=10.77.0.11 --tls-san=10.77.0.12 --tls-san=10.77.0.13 '--etcd-snapshot-schedule-cron=0 */12 * * *'" \
    "$1" "$(box_ip "$1")" "$(box_ip "$1")"
}
ready_at() { # ready_at <box to ask> <node> <version>
  [ "$(on "$1" "sudo k3s kubectl get node $2 -o jsonpath='{.status.conditions[?(@.type==\"Ready\")].status} {.status.nodeInfo.kubeletVersion}'")" = "True $3" ]
}
t_init() { on 1 "$(install_cmd "$V1" "--cluster-init $(common 1)")"; }
t_init_files() {
  on 1 'sudo test "$(sudo stat -c %a /var/lib/rancher/k3s/server/token)" = 600 &&
    sudo grep -qE "^K10[0-9a-f]{64}::server:[0-9a-f]{32}$" /var/lib/rancher/k3s/server/node-token &&
    test "$(sudo stat -c %a /etc/rancher/k3s/k3s.yaml)" = 600 &&
    sudo grep -qx "    server: https://127.0.0.1:6443" /etc/rancher/k3s/k3s.yaml &&
    grep -qx "Type=notify" /etc/systemd/system/k3s.service && grep -qx "TimeoutStartSec=0" /etc/systemd/system/k3s.service &&
    grep -qF "'\''--etcd-snapshot-schedule-cron=0 */12 * * *'\'' \\" /etc/systemd/system/k3s.service &&
    test "$(sudo stat -c %a /etc/systemd/system/k3s.service.env)" = 600 &&
    test -x /usr/local/bin/k3s-uninstall.sh && test -x /usr/local/bin/k3s-killall.sh && test -L /usr/local/bin/kubectl'
}
t_program_kubeconfig() { # the program's kubeconfig step: k3s.yaml with the server rewritten to the node's address
  on 1 'sudo cat /etc/rancher/k3s/k3s.yaml' | sed 's|https://127.0.0.1:6443|https://10.77.0.11:6443|' >"$WORK/n1.kubeconfig"
  "$KBIN/kubectl" --kubeconfig="$WORK/n1.kubeconfig" get node n1
}
progress "box 1: fake installer, --cluster-init"
check "box 1: install $V1 --cluster-init; 'systemctl restart k3s' returns once ready" t_init
check "box 1: node-token, k3s.yaml (0600, 127.0.0.1:6443), unit (notify, TimeoutStartSec=0, quoted args), env 0600, scripts" t_init_files
check "box 1: 'k3s kubectl get node n1': Ready at $V1" ready_at 1 n1 "$V1"
check "host: k3s.yaml with server https://10.77.0.11:6443 reaches the API (the program's kubeconfig)" t_program_kubeconfig
TOKEN=$(on 1 'sudo cat /var/lib/rancher/k3s/server/node-token')

# ---------------------------------------------------------------- joining servers
# The program's join: the token arrives on stdin into a root-only --token-file.
TOKEN_FILE=/etc/rancher/k3s/cluster-token
PUT_TOKEN="sudo install -d -m 700 /etc/rancher/k3s && sudo sh -c 'umask 077 && cat > $TOKEN_FILE'"
join_args() { printf -- '--server=https://10.77.0.11:6443 --token-file=%s %s' "$TOKEN_FILE" "$(common "$1")"; }
t_join2() { printf '%s\n' "$TOKEN" | on 2 "$PUT_TOKEN && $(install_cmd "$V1" "$(join_args 2)")"; }
t_join3_wrong() { ! printf 'K10%064d::server:%032d\n' 0 0 | on 3 "$PUT_TOKEN && $(install_cmd "$V1" "$(join_args 3)")"; }
t_join3_refused() {
  ! on 3 'systemctl is-active --quiet k3s' && ! port_open 10.77.0.13 6443 &&
    events 3 | grep -q "failed version=$V1 node=n3 reason=token-mismatch"
}
t_join3_no_file() { # the next automatic restart finds no token file
  on 3 "sudo rm -f $TOKEN_FILE" && wait_until 15 bash -c "grep -q 'node=n3 reason=token-file' '$(box_root 3)/var/log/fake-k3s/events.log'"
}
t_join3_fixed() { printf '%s\n' "$TOKEN" | on 3 "$PUT_TOKEN" && wait_until 20 on 3 'systemctl is-active --quiet k3s'; }
t_three_ready() { [ "$(on 2 'sudo k3s kubectl get nodes --no-headers' | awk -v v="$V1" '$2 == "Ready" && $5 == v' | wc -l)" -eq 3 ]; }
progress "box 2: join with --token-file"
check "box 2: join with the cluster token (stdin -> --token-file)" t_join2
check "box 2: Ready at $V1" ready_at 2 n2 "$V1"
progress "box 3: join with a wrong token, without one, then with the right one"
check "box 3: a wrong token fails the install like k3s (the start job fails)" t_join3_wrong
check "box 3: k3s not active, :6443 closed, event 'failed ... reason=token-mismatch'" t_join3_refused
check "box 3: k3s keeps restarting (Restart=always); without the token file: reason=token-file" t_join3_no_file
check "box 3: with the right token in place, the automatic restart brings k3s up" t_join3_fixed
check "box 2: 'k3s kubectl get nodes': n1, n2, n3 Ready at $V1" wait_until 20 t_three_ready

# ---------------------------------------------------------------- re-run, upgrade
t_no_change() {
  local before out
  before=$(events 1 | wc -l)
  out=$(on 1 "$(install_cmd "$V1" "--cluster-init $(common 1)")") || return 1
  grep -q 'No change detected so skipping service start' <<<"$out" && ! events 1 | tail -n +$((before + 1)) | grep -qE ' (restart|start|stop) '
}
t_upgrade() { on 2 "$(install_cmd "$V2" "$(join_args 2)")" >/dev/null && ready_at 1 n2 "$V2"; }
t_upgrade_events() {
  [ "$(events 2 | grep -oE ' (install|restart|stop|start|ready) version=[^ ]+' | tail -5 | tr -d '\n')" \
    = " install version=$V2 restart version=$V2 stop version=$V1 start version=$V2 ready version=$V2" ]
}
progress "box 1: the same install again; box 2: upgrade to $V2"
check "box 1: same install again: 'No change detected so skipping service start', no restart" t_no_change
check "box 2: upgrade to $V2: restarted, Ready at $V2" t_upgrade
check "box 2: events: install $V2, restart, stop $V1, start $V2, ready $V2" t_upgrade_events

# ---------------------------------------------------------------- drain, delete, uninstall
t_uninstall() {
  on 2 'sudo /usr/local/bin/k3s-uninstall.sh >/dev/null 2>&1; ! test -e /usr/local/bin/k3s && ! test -e /var/lib/rancher/k3s &&
    ! test -e /etc/rancher/k3s && ! test -e /etc/systemd/system/k3s.service && ! test -e /usr/local/bin/kubectl &&
    ! systemctl is-active --quiet k3s' && ! port_open 10.77.0.12 6443 && on 2 true
}
progress "n2: drain, delete, uninstall (what the program's remove step does)"
check "box 1: k3s kubectl drain n2; delete node n2" \
  on 1 'sudo k3s kubectl drain n2 --ignore-daemonsets --delete-emptydir-data --timeout=60s && sudo k3s kubectl delete node n2 --wait=false'
check "box 2: k3s-uninstall.sh: binary, data, config, unit gone; :6443 closed; SSH still works" t_uninstall
check "box 2: event 'uninstall version=$V2 node=n2'" bash -c "grep -q ' uninstall version=$V2 node=n2' '$(box_root 2)/var/log/fake-k3s/events.log'"
check "host: node n2 is gone from the API" bash -c "! '$KBIN/kubectl' --kubeconfig='$KUBE_DIR/admin.kubeconfig' get node n2"

# ---------------------------------------------------------------- stop/start, hang switch
t_stop_start() {
  on 3 'sudo systemctl stop k3s && ! curl -sk --max-time 3 https://127.0.0.1:6443/' && ! port_open 10.77.0.13 6443 &&
    [ "$(on 3 'sudo systemctl start k3s && sudo k3s kubectl get --raw /readyz')" = ok ]
}
t_hang() {
  on 3 'sudo touch /etc/fake-k3s/hang-start; sudo timeout 5 systemctl restart k3s; rc=$?; sudo rm -f /etc/fake-k3s/hang-start
        test $rc -eq 124 && test "$(systemctl is-active k3s)" = activating'
}
progress "box 3: stop/start; the hang switch"
check "box 3: systemctl stop k3s: :6443 serves nothing (box and host); start: it does again" t_stop_start
check "box 3: with /etc/fake-k3s/hang-start, 'systemctl restart k3s' blocks (timeout 5 ends it: 124)" t_hang
check "box 3: switch removed: 'systemctl restart k3s' works again" on 3 'sudo systemctl restart k3s && systemctl is-active --quiet k3s'

# ---------------------------------------------------------------- snapshots, cluster reset
t_reset() {
  on 1 'snap=$(sudo ls /var/lib/rancher/k3s/server/db/snapshots/ | head -1) && sudo systemctl stop k3s &&
        ! sudo k3s server --cluster-reset --cluster-reset-restore-path=/nonexistent 2>/dev/null &&
        sudo k3s server --cluster-reset --cluster-reset-restore-path=/var/lib/rancher/k3s/server/db/snapshots/$snap 2>/dev/null &&
        sudo systemctl start k3s'
}
t_reset_events() {
  [ "$(events 1 | grep -o "cluster-reset version=$V1 result=[a-z-]*" | cut -d= -f3 | tr '\n' ' ')" = 'missing-snapshot ok ' ]
}
progress "box 1: etcd snapshot, cluster reset"
check "box 1: 'k3s etcd-snapshot save --name lab' writes /var/lib/rancher/k3s/server/db/snapshots/lab-n1-<time>" \
  on 1 'sudo k3s etcd-snapshot save --name lab 2>/dev/null && sudo ls /var/lib/rancher/k3s/server/db/snapshots | grep -q "^lab-n1-"'
check "box 1: stop; --cluster-reset from a missing file fails, from the snapshot works; start" t_reset
check "box 1: events: cluster-reset result=missing-snapshot, then result=ok" t_reset_events
t_stale() {
  ! on 3 'sudo systemctl restart k3s' && events 3 | grep -q "node=n3 reason=stale-etcd-member"
}
t_rejoin() { # the program's rejoin phase: move the old etcd data aside, start; the automatic restart works too
  on 3 'sudo mv /var/lib/rancher/k3s/server/db /var/lib/rancher/k3s/server/db.pre-restore' &&
    wait_until 20 on 3 'systemctl is-active --quiet k3s' && ready_at 1 n3 "$V1"
}
check "box 3: after box 1's cluster reset, a restart on its old etcd data is refused (stale-etcd-member)" t_stale
check "box 3: with its etcd data moved aside, it rejoins box 1 and is Ready" t_rejoin

# ---------------------------------------------------------------- UFW
t_ufw() {
  on 1 'sudo ufw allow 22/tcp >/dev/null && sudo ufw allow 6443/tcp >/dev/null && sudo ufw default deny incoming >/dev/null &&
        sudo ufw --force enable >/dev/null && sudo ufw status | grep -q "Status: active"'
}
t_ufw_effect() { on 1 true && port_open 10.77.0.11 6443 && ! timeout 3 bash -c 'exec 3<>/dev/tcp/10.77.0.11/8080' 2>/dev/null; }
progress "box 1: UFW (default deny incoming; 22 and 6443 allowed)"
on 1 'sudo sh -c "setsid /opt/hdlab/bin/python -m http.server 8080 >/dev/null 2>&1 </dev/null &"' || true
check "box 1: before UFW, the host reaches a test listener on :8080" wait_until 5 port_open 10.77.0.11 8080
check "box 1: ufw allow 22/tcp, 6443/tcp; default deny incoming; ufw --force enable" t_ufw
check "box 1: UFW active: a new SSH connection works, :6443 answers, :8080 is dropped" t_ufw_effect

# ---------------------------------------------------------------- the stand-ins on the API server
t_pv() {
  local pv
  [ "$(kc get pvc data -o jsonpath='{.status.phase}')" = Bound ] && [ "$(kc get pod uses-data -o jsonpath='{.status.phase}')" = Running ] &&
    pv=$(kc get pvc data -o jsonpath='{.spec.volumeName}') &&
    [ "$(kc get pv "$pv" -o jsonpath='{.spec.nodeAffinity.required.nodeSelectorTerms[0].matchExpressions[0].values[0]}')" \
      = "$(kc get pod uses-data -o jsonpath='{.spec.nodeName}')" ]
}
t_ingress() { [ "$(kc get ingress web -o jsonpath='{.status.loadBalancer.ingress[*].ip}')" = "10.77.0.11 10.77.0.13" ]; }
progress "stand-ins: local-path PV for a WaitForFirstConsumer PVC; Ingress status"
kc apply -f - >/dev/null <<'EOF'
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: default}
spec: {accessModes: [ReadWriteOnce], storageClassName: local-path, resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: uses-data, namespace: default, labels: {app: web}}
spec:
  containers: [{name: c, image: registry.invalid/none:1, volumeMounts: [{name: d, mountPath: /d}]}]
  volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: default}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web, namespace: default}
spec: {rules: [{host: lab.invalid, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]}
EOF
check "PVC Bound to a local-path PV pinned to the pod's node; pod Running" wait_until 30 t_pv
check "Ingress status: the Ready nodes' IPs (10.77.0.11 10.77.0.13)" wait_until 15 t_ingress
http_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H "Host: $2" "http://$1/"; }
t_web() { # :80 of a running k3s box routes by the Ingress: 200 with a ready endpoint, 404 for an unknown host
  [ "$(http_code 10.77.0.13 lab.invalid)" = 200 ] && [ "$(http_code 10.77.0.13 other.invalid)" = 404 ] &&
    [ "$(on 1 "curl -s -o /dev/null -w '%{http_code}' --max-time 5 -H 'Host: lab.invalid' http://10.77.0.11/")" = 200 ]
}
t_web_off() {
  "$KUBE" traefik off "$KUBE_DIR" && [ "$(http_code 10.77.0.13 lab.invalid)" = 503 ] &&
    "$KUBE" traefik on "$KUBE_DIR" && [ "$(http_code 10.77.0.13 lab.invalid)" = 200 ]
}
check "Traefik stand-in on :80: host -> box 3 and box 1 -> itself (through its UFW) 200 via the Ingress; unknown host 404" wait_until 15 t_web
check "kube.sh traefik off: :80 answers 503; on: 200 again" t_web_off

# ---------------------------------------------------------------- the merged event log
t_order() { # in the merged log: box1 ready < box2 install; box2 ready < box2 uninstall; exactly one new cluster
  local f=$WORK/events.log r1 i2 r2 u2
  "$BOXES" events >"$f"
  r1=$(grep -n ' box1 ready ' "$f" | head -1 | cut -d: -f1)
  i2=$(grep -n ' box2 install ' "$f" | head -1 | cut -d: -f1)
  r2=$(grep -n ' box2 ready ' "$f" | head -1 | cut -d: -f1)
  u2=$(grep -n ' box2 uninstall ' "$f" | head -1 | cut -d: -f1)
  [ "$r1" -lt "$i2" ] && [ "$r2" -lt "$u2" ] && [ "$(grep -c ' new-cluster ' "$f")" -eq 1 ]
}
check "boxes.sh events: box1 ready before box2's install; box2 ready before its uninstall; one new-cluster" t_order

# ---------------------------------------------------------------- down
leftovers() {
  local p
  ip netns list | grep hdlab || true
  ip -o link show | grep hdlab || true
  grep -E "$LAB_STATE/|$KUBE_DIR" /proc/mounts || true
  for p in /proc/[0-9]*; do
    if [ "${p#/proc/}" = "$$" ] || ! pid_alive "${p#/proc/}"; then continue; fi
    case "$(readlink "$p/root" 2>/dev/null)" in "$LAB_STATE"/*) echo "process ${p#/proc/} rooted in a box" ;; esac
    if tr '\0' ' ' <"$p/cmdline" 2>/dev/null | grep -qE "$KUBE_DIR|$LAB_DIR/apt_proxy.py|--directory $LAB_DIR/fake-k3s"; then
      echo "process ${p#/proc/}: $(tr '\0' ' ' <"$p/cmdline" | cut -c1-80)"
    fi
  done
  ls "$LAB_STATE/boxes" 2>/dev/null || true
}
t_clean() { [ -z "$(leftovers)" ] || { leftovers; false; }; }
if [ "$KEEP" = no ]; then
  progress "down: boxes.sh down; kube.sh down"
  "$BOXES" down >/dev/null 2>&1
  "$KUBE" down "$KUBE_DIR" >/dev/null 2>&1
  check "down leaves no namespace, link, mount, process or box copy behind" t_clean
fi

elapsed=$(( $(date +%s) - _lab_t0 ))
if [ "${#failures[@]}" -eq 0 ]; then
  echo "selftest: all $checks checks passed in ${elapsed}s"
else
  echo "selftest: ${#failures[@]} of $checks checks FAILED in ${elapsed}s: $(printf '%s; ' "${failures[@]}")"
  exit 1
fi
