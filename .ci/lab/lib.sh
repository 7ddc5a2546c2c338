#!/usr/bin/env bash
# Shared by the lab scripts (boxes.sh, kube.sh, selftest.sh): the address plan, state paths, progress lines and
# the lab network (bridge + the two host services the boxes use). Sourced, not run.
#
# Address plan (one /24 on one bridge; nothing is routed anywhere else):
#   hdlab0  10.77.0.1/24   the host: API server :6443, apt proxy :3142, fake-k3s installer :8087
#   box N   10.77.0.(10+N)  N = 1..10, in network namespace hdlab-N, veth hdlab-vN on the bridge
# Boxes get no default route and the host does not forward, so a box reaches only the bridge.

LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LAB_PROJECT=$(cd "$LAB_DIR/../.." && pwd)
LAB_SHARED=${HDLAB_SHARED:-$(cd "$LAB_PROJECT/.." && pwd)/shared}
LAB_STATE=${HDLAB_STATE:-/var/tmp/honeydue-lab}    # run state: box roots, pid files; removed by `down`
LAB_CACHE=${HDLAB_CACHE:-/var/cache/honeydue-lab}  # kept across runs: kit layer, apt cache, lab SSH key
LAB_BRIDGE=hdlab0
LAB_PREFIX=10.77.0
LAB_HOST_IP=$LAB_PREFIX.1
LAB_APT_PORT=3142
LAB_HTTP_PORT=8087
LAB_API_PORT=6443 # kube-apiserver on $LAB_HOST_IP; the fake k3s serves the same port in each box
LAB_MAX_BOX=10
LAB_MIRROR_HOST=deb.debian.org
export LAB_DIR LAB_PROJECT LAB_SHARED LAB_STATE LAB_CACHE LAB_API_PORT

_lab_t0=${_lab_t0:-$(date +%s)}
export _lab_t0
progress() { printf '[lab %4ss] %s\n' "$(( $(date +%s) - _lab_t0 ))" "$*" >&2; }
die() { printf '[lab] ERROR: %s\n' "$*" >&2; exit 1; }

require_root() { [ "$(id -u)" -eq 0 ] || die "$(basename "$0") must run as root (namespaces, mounts, bridge)"; }

box_ip() { printf '%s.%d\n' "$LAB_PREFIX" $((10 + $1)); }
box_ns() { printf 'hdlab-%d\n' "$1"; }
box_veth() { printf 'hdlab-v%d\n' "$1"; }
box_dir() { printf '%s/boxes/%d\n' "$LAB_STATE" "$1"; }
box_root() { printf '%s/boxes/%d/root\n' "$LAB_STATE" "$1"; }
valid_box() { [[ $1 =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "$LAB_MAX_BOX" ]; }

# Box numbers that have state on the host (a directory, a namespace or a mount), sorted.
existing_boxes() {
  {
    local d
    for d in "$LAB_STATE"/boxes/*/; do [ -d "$d" ] && basename "$d"; done
    ip netns list 2>/dev/null | sed -n 's/^hdlab-\([0-9]\+\).*/\1/p'
    awk -v p="$LAB_STATE/boxes/" 'index($2, p) == 1 { sub(p, "", $2); sub("/.*", "", $2); print $2 }' /proc/mounts
  } | grep -E '^[0-9]+$' | sort -nu
}

# A pid that exists and is not a zombie (this machine's init reaps orphans late; `kill -0` succeeds on zombies).
pid_alive() {
  local stat
  [ -n "${1:-}" ] && stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  stat=${stat##*) }
  [ "${stat%% *}" != Z ]
}
pidfile_alive() { [ -s "$1" ] && pid_alive "$(cat "$1")"; }

# kill_pidfile <file> [signal]: stops the process named in a pid file this kit wrote, waits up to 5 s, removes it.
kill_pidfile() {
  local f=$1 sig=${2:-TERM} pid
  [ -s "$f" ] || { rm -f "$f"; return 0; }
  pid=$(cat "$f")
  if pid_alive "$pid"; then
    kill "-$sig" "$pid" 2>/dev/null || true
    for _ in $(seq 50); do pid_alive "$pid" || break; sleep 0.1; done
    if pid_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  rm -f "$f"
}

# daemon <pidfile> <log> <command...>: starts a long-running host process in its own session, detached from
# this script's terminal, pipes and lock file descriptors (8, 9), and records its pid.
daemon() {
  local pidfile=$1 log=$2
  shift 2
  setsid "$@" </dev/null >>"$log" 2>&1 8>&- 9>&- &
  echo $! >"$pidfile"
}

# wait_tcp <ip> <port> <seconds>: true once something accepts connections there.
wait_tcp() {
  local deadline=$(( $(date +%s) + $3 ))
  until (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || return 1
    sleep 0.1
  done
}

kube_running() { # the control plane of kube.sh is up (its apiserver pid is alive)
  [ -s "$LAB_STATE/kube.dir" ] && pidfile_alive "$(cat "$LAB_STATE/kube.dir")/run/kube-apiserver.pid"
}

# ---------------------------------------------------------------- the lab network
# net_up: the bridge with the host address, the apt proxy (Debian mirror only, caching .debs and indexes by
# hash) and the fake-k3s installer server (that one directory, nothing else). Idempotent; boxes.sh and kube.sh
# may call it at the same time (a lock of its own).
net_up() {
  mkdir -p "$LAB_STATE/net" "$LAB_CACHE/apt"
  exec 8>"$LAB_STATE/.net.lock"
  flock 8
  if ! ip link show "$LAB_BRIDGE" >/dev/null 2>&1; then
    ip link add "$LAB_BRIDGE" type bridge
    # No IPv6 on the lab link: nothing in the lab uses it, and no router solicitations leave the host.
    sysctl -q -w "net.ipv6.conf.$LAB_BRIDGE.disable_ipv6=1" >/dev/null 2>&1 || true
  fi
  ip addr show dev "$LAB_BRIDGE" | grep -q " $LAB_HOST_IP/24 " || ip addr add "$LAB_HOST_IP/24" dev "$LAB_BRIDGE"
  ip link set "$LAB_BRIDGE" up
  pidfile_alive "$LAB_STATE/net/apt-proxy.pid" \
    || daemon "$LAB_STATE/net/apt-proxy.pid" "$LAB_STATE/net/apt-proxy.log" \
      python3 "$LAB_DIR/apt_proxy.py" "$LAB_HOST_IP" "$LAB_APT_PORT" "$LAB_CACHE/apt" "$LAB_MIRROR_HOST"
  installer_cert
  pidfile_alive "$LAB_STATE/net/installer-http.pid" \
    || daemon "$LAB_STATE/net/installer-http.pid" "$LAB_STATE/net/installer-http.log" \
      python3 "$LAB_DIR/installer_server.py" "$LAB_HOST_IP" "$LAB_HTTP_PORT" "$LAB_DIR/fake-k3s" \
        "$LAB_CACHE/installer-tls/server.crt" "$LAB_CACHE/installer-tls/server.key"
  wait_tcp "$LAB_HOST_IP" "$LAB_APT_PORT" 10 || die "apt proxy did not start (see $LAB_STATE/net/apt-proxy.log)"
  wait_tcp "$LAB_HOST_IP" "$LAB_HTTP_PORT" 10 || die "installer server did not start (see $LAB_STATE/net/installer-http.log)"
  exec 8>&-
}

# installer_cert: once, a lab CA and a certificate for https://10.77.0.1:8087 (the installer server); boxes trust the
# CA (boxes.sh installs $LAB_CACHE/installer-tls/ca.crt into each box's certificate store).
installer_cert() {
  local d=$LAB_CACHE/installer-tls
  [ -s "$d/server.crt" ] && [ -s "$d/ca.crt" ] && return 0
  mkdir -p "$d"
  openssl ecparam -name prime256v1 -genkey -noout -out "$d/ca.key" 2>/dev/null
  openssl req -x509 -new -key "$d/ca.key" -subj "/CN=honeydue lab installer CA" -days 3650 -out "$d/ca.crt" \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
  openssl ecparam -name prime256v1 -genkey -noout -out "$d/server.key" 2>/dev/null
  openssl req -new -key "$d/server.key" -subj "/CN=$LAB_HOST_IP" -out "$d/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:%s\nextendedKeyUsage=serverAuth\n' "$LAB_HOST_IP" >"$d/server.ext"
  openssl x509 -req -in "$d/server.csr" -CA "$d/ca.crt" -CAkey "$d/ca.key" -CAcreateserial -days 3650 \
    -extfile "$d/server.ext" -out "$d/server.crt" 2>/dev/null
  chmod 600 "$d"/*.key
}

# net_down_if_unused boxes|kube: removes the network once neither boxes nor the control plane use it (a kube.sh
# that is starting holds its lock, which kube.sh itself holds when it calls this).
net_down_if_unused() {
  exec 8>"$LAB_STATE/.net.lock"
  flock 8
  if [ -n "$(existing_boxes)" ]; then exec 8>&-; return 0; fi
  if kube_running || { [ "$1" != kube ] && ! flock -n "$LAB_STATE/.kube.lock" true; }; then
    progress "network kept: the control plane (kube.sh) still listens on $LAB_HOST_IP"
    exec 8>&-
    return 0
  fi
  kill_pidfile "$LAB_STATE/net/apt-proxy.pid"
  kill_pidfile "$LAB_STATE/net/installer-http.pid"
  local l
  for l in $(ip -o link show 2>/dev/null | sed -n 's/^[0-9]*: \(hdlab-v[0-9]*\)@.*/\1/p'); do ip link del "$l" 2>/dev/null || true; done
  ip link del "$LAB_BRIDGE" 2>/dev/null || true
  rm -rf "$LAB_STATE/net"
  rmdir "$LAB_STATE/boxes" 2>/dev/null || true
  rm -rf "$LAB_STATE/share" # no box mounts it any more, no control plane writes it
  exec 8>&-
}
