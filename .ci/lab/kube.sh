#!/usr/bin/env bash
# The lab's Kubernetes control plane (real binaries from ../shared/kube), reachable from the host and the boxes.
# Run as root.
#
#   kube.sh up <dir>            PKI, etcd, kube-apiserver on 10.77.0.1:6443, controller-manager, scheduler, kwok,
#                               the local-path StorageClass and the stand-in controllers; prints where things are
#   kube.sh crds <dir>          install the two CRDs of ../shared/kube/crds (Traefik middlewares, k3s
#                               helmchartconfigs) and wait until Established: what k3s does after its first start
#   kube.sh traefik on|off <dir>  switch the Traefik stand-ins: Ingress status, and :80 in the boxes (default on)
#   kube.sh status <dir>        which components run; nodes
#   kube.sh down <dir>          stop everything, delete the cluster state (logs stay in <dir>/logs); safe to repeat
#
# Files under <dir>: admin.kubeconfig (the host's admin, server https://10.77.0.1:6443), pki/, etcd/, logs/*.log,
# run/*.pid. For the boxes' fake k3s, in $HDLAB_STATE/share (mounted read-only at /opt/hdlab/share in every box):
# ca.crt, k3s.yaml (admin credentials, server https://127.0.0.1:6443: the node's /etc/rancher/k3s/k3s.yaml),
# supervisor.kubeconfig/.crt/.key (the fake's own access: node registration, the cluster token Secret, the
# Traefik stand-in) and the switch file traefik-off.
# One control plane at a time (it owns 10.77.0.1:6443 and 127.0.0.1:2379/2380).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

SERVICE_CIDR=10.43.0.0/16
CLUSTER_CIDR=10.42.0.0/16
COMPONENTS=(etcd kube-apiserver kube-controller-manager kube-scheduler kwok lab-controllers)

# ---------------------------------------------------------------- PKI
# cert <name> <CN> [O] [server]: an EC P-256 key and a certificate signed by the lab CA (client, or server with
# the API server's names).
cert() {
  local name=$1 cn=$2 org=${3:-} kind=${4:-client} ca=${5:-ca} ext
  openssl ecparam -name prime256v1 -genkey -noout -out "$PKI/$name.key" 2>/dev/null
  openssl req -new -key "$PKI/$name.key" -subj "/CN=$cn${org:+/O=$org}" -out "$PKI/$name.csr" 2>/dev/null
  ext="basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment"
  if [ "$kind" = server ]; then
    local sans="IP:127.0.0.1,IP:$LAB_HOST_IP,IP:10.43.0.1" i
    for i in $(seq 1 "$LAB_MAX_BOX"); do sans+=",IP:$(box_ip "$i")"; done
    sans+=",DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local"
    ext+="
extendedKeyUsage=serverAuth
subjectAltName=$sans"
  else
    ext+="
extendedKeyUsage=clientAuth"
  fi
  openssl x509 -req -in "$PKI/$name.csr" -CA "$PKI/$ca.crt" -CAkey "$PKI/$ca.key" -days 3650 \
    -set_serial "0x$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" \
    -extfile <(printf '%s\n' "$ext") -out "$PKI/$name.crt" 2>/dev/null
  rm -f "$PKI/$name.csr"
}

ca() { # ca <name> <CN>
  openssl ecparam -name prime256v1 -genkey -noout -out "$PKI/$1.key" 2>/dev/null
  openssl req -x509 -new -key "$PKI/$1.key" -subj "/CN=$2" -days 3650 -out "$PKI/$1.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature" 2>/dev/null
}

# kubeconfig <file> <server> <client cert name>: embedded CA and client credentials, mode 0600.
kubeconfig() {
  (umask 077 && cat >"$1" <<EOF
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: $(base64 -w0 "$PKI/ca.crt")
    server: $2
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: default
  user:
    client-certificate-data: $(base64 -w0 "$PKI/$3.crt")
    client-key-data: $(base64 -w0 "$PKI/$3.key")
EOF
  )
}

make_pki() {
  rm -rf "$PKI" && install -d -m 700 "$PKI"
  ca ca hdlab-kubernetes-ca
  ca front-proxy-ca hdlab-front-proxy-ca
  local jobs=() j
  cert apiserver kube-apiserver "" server & jobs+=($!)
  cert apiserver-kubelet-client kube-apiserver-kubelet-client system:masters & jobs+=($!)
  cert front-proxy-client front-proxy-client "" client front-proxy-ca & jobs+=($!)
  cert admin kubernetes-admin system:masters & jobs+=($!)
  cert controller-manager system:kube-controller-manager & jobs+=($!)
  cert scheduler system:kube-scheduler & jobs+=($!)
  cert kwok kwok system:masters & jobs+=($!)
  cert lab-controllers hdlab:controllers system:masters & jobs+=($!)
  cert k3s-admin system:admin system:masters & jobs+=($!)
  cert fake-k3s hdlab:fake-k3s system:masters & jobs+=($!)
  { openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null && openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null; } &
  jobs+=($!)
  for j in "${jobs[@]}"; do wait "$j" || die "making the PKI in $PKI failed"; done
  local api="https://$LAB_HOST_IP:$LAB_API_PORT"
  kubeconfig "$DIR/admin.kubeconfig" "$api" admin
  kubeconfig "$PKI/controller-manager.kubeconfig" "$api" controller-manager
  kubeconfig "$PKI/scheduler.kubeconfig" "$api" scheduler
  kubeconfig "$PKI/kwok.kubeconfig" "$api" kwok
  # For the boxes (same directory inode as the boxes' bind mounts: only files are replaced).
  install -d -m 700 "$SHARE"
  cp "$PKI/ca.crt" "$SHARE/ca.crt.new" && mv "$SHARE/ca.crt.new" "$SHARE/ca.crt"
  kubeconfig "$SHARE/k3s.yaml.new" "https://127.0.0.1:$LAB_API_PORT" k3s-admin && mv "$SHARE/k3s.yaml.new" "$SHARE/k3s.yaml"
  kubeconfig "$SHARE/supervisor.kubeconfig.new" "$api" fake-k3s && mv "$SHARE/supervisor.kubeconfig.new" "$SHARE/supervisor.kubeconfig"
  cp "$PKI/fake-k3s.crt" "$SHARE/supervisor.crt.new" && mv "$SHARE/supervisor.crt.new" "$SHARE/supervisor.crt"
  (umask 077 && cp "$PKI/fake-k3s.key" "$SHARE/supervisor.key.new") && mv "$SHARE/supervisor.key.new" "$SHARE/supervisor.key"
}

# ---------------------------------------------------------------- processes
start() { # start <component> <command...>
  local c=$1
  shift
  daemon "$RUN/$c.pid" "$DIR/logs/$c.log" "$@"
}

kc() { "$KBIN/kubectl" --kubeconfig="$DIR/admin.kubeconfig" "$@"; }

wait_for() { # wait_for <seconds> <what> <command...>
  local deadline=$(( $(date +%s) + $1 )) what=$2
  shift 2
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || die "$what did not become ready in time (logs: $DIR/logs)"
    sleep 0.2
  done
}

# Processes of this control plane: its pid files, plus any process whose command line names <dir> (a crashed
# run that lost its pid files).
stop_all() {
  local c p alive pids=()
  for c in "${COMPONENTS[@]}"; do # all at once: TERM, up to 5 s together, then KILL
    if pidfile_alive "$RUN/$c.pid"; then pids+=("$(cat "$RUN/$c.pid")"); fi
    rm -f "$RUN/$c.pid"
  done
  [ "${#pids[@]}" -eq 0 ] || kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 50); do
    alive=no
    for p in "${pids[@]}"; do if pid_alive "$p"; then alive=yes; fi; done
    [ "$alive" = yes ] || break
    sleep 0.1
  done
  for p in "${pids[@]}"; do if pid_alive "$p"; then kill -KILL "$p" 2>/dev/null || true; fi; done
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    if [ "$p" = "$$" ] || ! pid_alive "$p"; then continue; fi
    if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -qF -- "$DIR/"; then
      case "$(readlink "/proc/$p/exe" 2>/dev/null)" in "$KBIN"/* | */python3*) kill -KILL "$p" 2>/dev/null || true ;; esac
    fi
  done
}

up_failed() {
  local rc=$?
  if [ "$rc" -ne 0 ]; then
    progress "kube up failed; taking down what was started (logs stay in $DIR/logs)"
    cmd_down
  fi
  exit "$rc"
}

cmd_up() {
  if kube_running; then
    [ "$(cat "$LAB_STATE/kube.dir")" = "$DIR" ] || die "a control plane already runs from $(cat "$LAB_STATE/kube.dir")"
    progress "control plane already running from $DIR"
    cmd_print
    return 0
  fi
  trap up_failed EXIT
  stop_all
  rm -rf "$DIR/etcd" "$RUN"
  install -d -m 700 "$DIR" "$RUN" "$DIR/logs" "$DIR/etcd"
  net_up
  printf '%s\n' "$DIR" >"$LAB_STATE/kube.dir"
  progress "PKI (openssl, EC P-256) in $PKI"
  make_pki

  progress "etcd $("$KBIN/etcd" --version | sed -n 's/^etcd Version: //p')"
  start etcd "$KBIN/etcd" --name hdlab --data-dir "$DIR/etcd" --log-level warn --unsafe-no-fsync \
    --listen-client-urls http://127.0.0.1:2379 --advertise-client-urls http://127.0.0.1:2379 \
    --listen-peer-urls http://127.0.0.1:2380 --initial-advertise-peer-urls http://127.0.0.1:2380 \
    --initial-cluster hdlab=http://127.0.0.1:2380
  wait_for 30 etcd curl -sf http://127.0.0.1:2379/health

  progress "kube-apiserver on https://$LAB_HOST_IP:$LAB_API_PORT"
  start kube-apiserver "$KBIN/kube-apiserver" \
    --bind-address="$LAB_HOST_IP" --advertise-address="$LAB_HOST_IP" --secure-port="$LAB_API_PORT" \
    --endpoint-reconciler-type=none --etcd-servers=http://127.0.0.1:2379 \
    --service-cluster-ip-range="$SERVICE_CIDR" --authorization-mode=RBAC,Node \
    --enable-admission-plugins=NodeRestriction --allow-privileged=true --anonymous-auth=false \
    --client-ca-file="$PKI/ca.crt" --tls-cert-file="$PKI/apiserver.crt" --tls-private-key-file="$PKI/apiserver.key" \
    --kubelet-client-certificate="$PKI/apiserver-kubelet-client.crt" --kubelet-client-key="$PKI/apiserver-kubelet-client.key" \
    --service-account-key-file="$PKI/sa.pub" --service-account-signing-key-file="$PKI/sa.key" \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" --requestheader-allowed-names=front-proxy-client \
    --requestheader-extra-headers-prefix=X-Remote-Extra- --requestheader-group-headers=X-Remote-Group \
    --requestheader-username-headers=X-Remote-User \
    --proxy-client-cert-file="$PKI/front-proxy-client.crt" --proxy-client-key-file="$PKI/front-proxy-client.key"
  wait_for 60 kube-apiserver kc get --raw /readyz

  progress "kube-controller-manager, kube-scheduler, kwok"
  start kube-controller-manager "$KBIN/kube-controller-manager" \
    --kubeconfig="$PKI/controller-manager.kubeconfig" \
    --authentication-kubeconfig="$PKI/controller-manager.kubeconfig" --authorization-kubeconfig="$PKI/controller-manager.kubeconfig" \
    --bind-address=127.0.0.1 --leader-elect=false --use-service-account-credentials=true \
    --controllers='*,bootstrapsigner,tokencleaner' --service-cluster-ip-range="$SERVICE_CIDR" \
    --cluster-cidr="$CLUSTER_CIDR" --allocate-node-cidrs=true --kube-api-qps=200 --kube-api-burst=400 \
    --cluster-signing-cert-file="$PKI/ca.crt" --cluster-signing-key-file="$PKI/ca.key" \
    --root-ca-file="$PKI/ca.crt" --service-account-private-key-file="$PKI/sa.key"
  start kube-scheduler "$KBIN/kube-scheduler" --kubeconfig="$PKI/scheduler.kubeconfig" \
    --authentication-kubeconfig="$PKI/scheduler.kubeconfig" --authorization-kubeconfig="$PKI/scheduler.kubeconfig" \
    --bind-address=127.0.0.1 --leader-elect=false
  start kwok env KUBE_FEATURE_WatchListClient=false "$KBIN/kwok" --kubeconfig="$PKI/kwok.kubeconfig" \
    --config="$LAB_SHARED/kube/kwok-stages.yaml" --manage-all-nodes=false \
    --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --disregard-status-with-annotation-selector=kwok.x-k8s.io/status=custom --cidr="$CLUSTER_CIDR" \
    --node-ip=127.0.0.1 --node-port=10247 --server-address=127.0.0.1:10247 --node-lease-duration-seconds=40

  progress "local-path StorageClass, stand-in controllers (local-path provisioner, Traefik ingress status)"
  kc create -f - >/dev/null <<'EOF'
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
  annotations:
    storageclass.kubernetes.io/is-default-class: "true"
provisioner: rancher.io/local-path
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
EOF
  rm -f "$SHARE/traefik-off"
  start lab-controllers python3 "$LAB_DIR/lab_controllers.py" "https://$LAB_HOST_IP:$LAB_API_PORT" \
    "$PKI/ca.crt" "$PKI/lab-controllers.crt" "$PKI/lab-controllers.key" "$SHARE/traefik-off"
  wait_for 30 "kube-controller-manager (default ServiceAccount)" kc -n default get serviceaccount default
  local c
  for c in "${COMPONENTS[@]}"; do pidfile_alive "$RUN/$c.pid" || die "$c exited (see $DIR/logs/$c.log)"; done
  trap - EXIT
  progress "control plane up"
  cmd_print
}

cmd_print() {
  cat <<EOF
control plane: $DIR
  API server      https://$LAB_HOST_IP:$LAB_API_PORT (from the host and every box)
  admin           KUBECONFIG=$DIR/admin.kubeconfig  (kubectl: $KBIN/kubectl)
  logs            $DIR/logs/{$(IFS=,; echo "${COMPONENTS[*]}")}.log
  boxes' k3s.yaml $SHARE/k3s.yaml (server https://127.0.0.1:$LAB_API_PORT, reached through the fake k3s)
  CRDs            not installed: kube.sh crds $DIR
  Traefik         $( [ -e "$SHARE/traefik-off" ] && echo off || echo on): Ingress status + :80 in running boxes (kube.sh traefik on|off $DIR)
EOF
}

crd_established() {
  [ "$(kc get "$1" -o 'jsonpath={.status.conditions[?(@.type=="Established")].status}')" = True ]
}

cmd_crds() {
  kube_running || die "the control plane is not running (kube.sh up $DIR)"
  progress "CRDs: $(cd "$LAB_SHARED/kube/crds" && echo ./*.yaml)"
  kc apply --server-side --force-conflicts --field-manager=k3s -f "$LAB_SHARED/kube/crds/" >/dev/null
  local crd
  for crd in $(kc get -f "$LAB_SHARED/kube/crds/" -o name); do
    # `kubectl wait --for=condition=Established` fails at once while a CRD has no conditions yet: poll.
    wait_for 30 "$crd Established" crd_established "$crd"
  done
  progress "CRDs established"
}

cmd_traefik() {
  case "${1:-}" in
    on) rm -f "$SHARE/traefik-off" ;;
    off) touch "$SHARE/traefik-off" ;;
    *) usage ;;
  esac
  progress "Traefik stand-ins (Ingress status, :80 in the boxes): $1"
}

cmd_status() {
  local c
  for c in "${COMPONENTS[@]}"; do
    printf '%-24s %s\n' "$c" "$(pidfile_alive "$RUN/$c.pid" && echo "running (pid $(cat "$RUN/$c.pid"))" || echo stopped)"
  done
  if kube_running; then kc get nodes -o wide; fi
}

cmd_down() {
  progress "stopping the control plane of $DIR"
  stop_all
  rm -rf "$RUN" "$DIR/etcd" "$PKI" "$DIR/admin.kubeconfig"
  rm -f "$SHARE"/{ca.crt,k3s.yaml,supervisor.kubeconfig,supervisor.crt,supervisor.key,traefik-off}
  if [ "$(cat "$LAB_STATE/kube.dir" 2>/dev/null || true)" = "$DIR" ]; then rm -f "$LAB_STATE/kube.dir"; fi
  net_down_if_unused kube
  progress "control plane down (logs kept in $DIR/logs)"
}

require_root
cmd=${1:-}
[ $# -eq 0 ] || shift
case "$cmd" in
  traefik) arg=${1:-}; [ $# -eq 0 ] || shift ;;
  up | crds | status | down) ;;
  *) usage ;;
esac
[ $# -eq 1 ] || usage
mkdir -p "$1" "$LAB_STATE"
DIR=$(cd "$1" && pwd)
PKI=$DIR/pki
RUN=$DIR/run
SHARE=$LAB_STATE/share
KBIN=$("$LAB_SHARED/kube/install.sh")
exec 9>"$LAB_STATE/.kube.lock"
flock 9
case "$cmd" in
  traefik) cmd_traefik "$arg" ;;
  *) "cmd_$cmd" ;;
esac
