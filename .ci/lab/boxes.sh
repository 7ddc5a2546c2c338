#!/usr/bin/env bash
# Lab boxes: throwaway Debian bookworm machines for a real `pulumi up` over SSH. Run as root.
#
#   boxes.sh up [--user NAME] [--pubkey FILE] [N...]   network + boxes N (default 1 2 3); running boxes are kept
#   boxes.sh add [--hostname NAME] N...                  more boxes (e.g. 4 5) while the others run
#   boxes.sh del N...                                    remove those boxes (processes, namespace, mount, files)
#   boxes.sh down                                        remove every box and the lab network; safe to repeat,
#                                                        and after a crash (the control plane of kube.sh keeps
#                                                        the bridge while it runs)
#   boxes.sh list                                        N, IP, hostname, sshd, k3s state, root directory
#   boxes.sh exec N [--user] -- CMD...                   run CMD in box N as root (or as the login user)
#   boxes.sh events                                      every box's fake-k3s event log, merged by time:
#                                                        "<time> box<N> <event> version=<v> key=value..."
#   boxes.sh ssh-config | ip N | root N | key
#
# Box N (1..10): IP 10.77.0.(10+N)/24 on bridge hdlab0 (host 10.77.0.1), network namespace hdlab-N, its own PID,
# mount and UTS namespaces (hostname box<N> unless --hostname), root = overlayfs of the kit layer over the cached
# Debian root of .ci/verify/debian-root.sh (a `cp -a` copy if overlayfs is refused), under $HDLAB_STATE/boxes/N/root;
# the host reads and writes box files there. In each box:
#   - Ubuntu's login PATH (/etc/environment, with the sbin directories);
#   - sshd (key only: /etc/ssh/sshd_config.d/50-cloud-init.conf says PasswordAuthentication no, as on a cloud
#     image), host keys stable per box number; the login user (--user, default ubuntu, uid 1000) with passwordless
#     sudo (/etc/sudoers.d/90-cloud-init-users) and --pubkey in ~/.ssh/authorized_keys (default: the lab key
#     $HDLAB_CACHE/ssh/id_ed25519, made once). `kill -HUP $(cat /run/sshd.pid)` reloads sshd.
#   - apt through the host's proxy (Debian mirror only, shared cache); no systemd (/run/systemd/system absent) and
#     policy-rc.d 101, so package installs start no daemon; ufw/iptables work in the box's own namespace.
#   - the fake systemctl/journalctl and the kit's python and kubectl (/opt/hdlab), for the fake k3s (fake-k3s/).
# --user/--pubkey are remembered for later `add`s until `down`.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "$0")/lib.sh"

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

# ---------------------------------------------------------------- the kit layer (shared, read-only, cached)
# What every box has on top of the Debian root: /opt/hdlab (python, kubectl, box-init, the fake's helpers, the
# mount point of the host's share directory), the fake systemctl/journalctl, apt's proxy setting, policy-rc.d.
PY=/usr/bin/python3.11
layer_path() { # the layer of this kit version (sources, kubectl, python): $LAB_CACHE/layer-<hash>
  local key
  KBIN=$("$LAB_SHARED/kube/install.sh")
  key=$({ declare -f layer_build; cat "$LAB_DIR/box-init" "$LAB_DIR"/fake-k3s/{fake-k3s-lib.sh,k3s-forward.py,traefik-standin.py,systemctl,journalctl}
    sha256sum "$KBIN/kubectl" "$PY"; } | sha256sum | cut -c1-12)
  LAYER=$LAB_CACHE/layer-$key
}

layer_build() {
  layer_path
  [ -f "$LAYER.complete" ] && return 0
  [ -x "$PY" ] || die "$PY is needed for the kit layer (apt-get install python3.11-minimal)"
  progress "kit layer $LAYER (once per kit version)"
  rm -rf "$LAYER.partial"
  local l=$LAYER.partial
  install -d "$l/opt/hdlab/bin" "$l/opt/hdlab/lib" "$l/opt/hdlab/share" "$l/opt/hdlab/python/bin" \
    "$l/usr/local/bin" "$l/usr/sbin" "$l/etc/apt/apt.conf.d" "$l/etc/fake-k3s"
  cp "$PY" "$l/opt/hdlab/python/bin/python3.11"
  install -d "$l/opt/hdlab/python/lib"
  tar -C /usr/lib -cf - --exclude='python3.11/test' --exclude='python3.11/config-*' --exclude='python3.11/idlelib' \
    --exclude='python3.11/tkinter' --exclude='python3.11/lib2to3' --exclude='python3.11/ensurepip' python3.11 \
    | tar -C "$l/opt/hdlab/python/lib" -xf -
  cp -L "$(ldconfig -p | awk '/libexpat.so.1 .*x86-64/ { print $NF; exit }')" "$l/opt/hdlab/python/lib/"
  printf '#!/bin/sh\nLD_LIBRARY_PATH=/opt/hdlab/python/lib exec /opt/hdlab/python/bin/python3.11 -I "$@"\n' >"$l/opt/hdlab/bin/python"
  cp "$KBIN/kubectl" "$l/opt/hdlab/bin/kubectl"
  install -m 755 "$LAB_DIR/box-init" "$l/opt/hdlab/bin/box-init"
  install -m 644 "$LAB_DIR/fake-k3s/fake-k3s-lib.sh" "$LAB_DIR/fake-k3s/k3s-forward.py" \
    "$LAB_DIR/fake-k3s/traefik-standin.py" "$l/opt/hdlab/lib/"
  install -m 755 "$LAB_DIR/fake-k3s/systemctl" "$LAB_DIR/fake-k3s/journalctl" "$l/usr/local/bin/"
  printf '#!/bin/sh\n# lab box: no init system runs here, so package scripts start no service\nexit 101\n' >"$l/usr/sbin/policy-rc.d"
  printf 'Acquire::http::Proxy "http://%s:%s";\n' "$LAB_HOST_IP" "$LAB_APT_PORT" >"$l/etc/apt/apt.conf.d/01hdlab-proxy"
  # dpkg without fsync: a throwaway box does not need it, and three boxes unpacking at once on two cores do.
  install -d "$l/etc/dpkg/dpkg.cfg.d"
  echo force-unsafe-io >"$l/etc/dpkg/dpkg.cfg.d/hdlab-unsafe-io"
  printf 'Switch files of the fake k3s (lab): hang-start, fail-start, fail-download. See .ci/lab/README.md.\n' \
    >"$l/etc/fake-k3s/README"
  chmod 755 "$l/opt/hdlab/bin/python" "$l/usr/sbin/policy-rc.d"
  chmod 700 "$l/opt/hdlab/share"
  LD_LIBRARY_PATH=$l/opt/hdlab/python/lib "$l/opt/hdlab/python/bin/python3.11" -I -c 'import socket, threading' \
    || die "the kit's python copy does not start"
  rm -rf "$LAYER"
  mv "$l" "$LAYER"
  touch "$LAYER.complete"
}

layer_prune() { # layers of older kit versions, once no box uses any layer
  local d
  layer_path
  for d in "$LAB_CACHE"/layer-*; do
    case "$d" in "$LAYER" | "$LAYER.complete") ;; *) rm -rf "$d" ;; esac
  done
}

# ---------------------------------------------------------------- parameters remembered until `down`
load_params() {
  LOGIN_USER=${LOGIN_USER:-$(cat "$LAB_STATE/params/user" 2>/dev/null || echo ubuntu)}
  PUBKEY_FILE=${PUBKEY_FILE:-$(cat "$LAB_STATE/params/pubkey-file" 2>/dev/null || true)}
  if [ -z "$PUBKEY_FILE" ]; then
    PUBKEY_FILE=$LAB_CACHE/ssh/id_ed25519.pub
    if [ ! -s "$PUBKEY_FILE" ]; then
      install -d -m 700 "$LAB_CACHE/ssh"
      ssh-keygen -q -t ed25519 -N '' -C hdlab -f "$LAB_CACHE/ssh/id_ed25519"
    fi
  fi
  [ -s "$PUBKEY_FILE" ] || die "public key file '$PUBKEY_FILE' is missing or empty"
  grep -qE '^(ssh-|ecdsa-|sk-)' "$PUBKEY_FILE" || die "'$PUBKEY_FILE' is not an OpenSSH public key (give the .pub file)"
  if ! [[ $LOGIN_USER =~ ^[a-z_][a-z0-9_-]*$ ]] || [ "$LOGIN_USER" = root ]; then die "invalid login user name '$LOGIN_USER'"; fi
}
save_params() {
  install -d "$LAB_STATE/params"
  printf '%s\n' "$LOGIN_USER" >"$LAB_STATE/params/user"
  printf '%s\n' "$(realpath "$PUBKEY_FILE")" >"$LAB_STATE/params/pubkey-file"
}

# ---------------------------------------------------------------- one box
box_init_pid() { # the host PID of box N's PID 1 (child of the unshare process)
  local upid
  upid=$(cat "$(box_dir "$1")/pid" 2>/dev/null) || return 1
  pid_alive "$upid" || return 1
  awk '{ print $1 }' "/proc/$upid/task/$upid/children" 2>/dev/null | grep .
}
box_running() { box_init_pid "$1" >/dev/null 2>&1 && mountpoint -q "$(box_root "$1")"; }

hostkeys() { # stable SSH host keys per box number, made once
  local d=$LAB_CACHE/hostkeys/box-$1 t
  if [ ! -s "$d/ssh_host_rsa_key.pub" ]; then
    install -d -m 700 "$d.partial"
    for t in rsa ecdsa ed25519; do ssh-keygen -q -N '' -t "$t" -C "root@box$1" -f "$d.partial/ssh_host_${t}_key"; done
    rm -rf "$d" && mv "$d.partial" "$d"
  fi
  printf '%s\n' "$d"
}

CREATING=
box_add() { # box_add <N> [hostname]
  local n=$1 hostname=${2:-box$1} dir root ns veth ip template keys
  dir=$(box_dir "$n") root=$(box_root "$n") ns=$(box_ns "$n") veth=$(box_veth "$n") ip=$(box_ip "$n")
  if box_running "$n"; then
    progress "box $n ($ip) already running"
    return 0
  fi
  if [ -e "$dir" ] || ip netns list | grep -qw "$ns"; then box_del "$n"; fi # leftovers of a crashed run
  CREATING=$n
  progress "box $n: $ip, hostname $hostname"
  template=$("$LAB_PROJECT/.ci/verify/debian-root.sh")
  mkdir -p "$dir/upper" "$dir/work" "$root"
  if mount -t overlay overlay -o "lowerdir=$LAYER:$template,upperdir=$dir/upper,workdir=$dir/work" "$root" 2>/dev/null; then
    echo overlay >"$dir/mode"
  else
    progress "box $n: overlayfs refused; copying the root instead (slower)"
    cp -a "$template/." "$root/"
    cp -a "$LAYER/." "$root/"
    mount --bind "$root" "$root" # a mount point either way, so `down` treats both alike
    echo copy >"$dir/mode"
  fi

  # The box as a cloud image hands it over.
  echo "$hostname" >"$root/etc/hostname"
  printf '127.0.0.1 localhost\n127.0.1.1 %s\n%s %s\n' "$hostname" "$ip" "$hostname" >"$root/etc/hosts"
  echo "nameserver $LAB_HOST_IP" >"$root/etc/resolv.conf" # nothing answers: no lookup leaves the bridge
  # Ubuntu's PATH for every login (pam_env reads /etc/environment): the node steps find ufw, sshd, iptables in
  # /usr/sbin as the login user, as on the real boxes (Debian's default user PATH has no sbin).
  echo 'PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/games:/usr/local/games:/snap/bin"' \
    >"$root/etc/environment"
  od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$root/etc/machine-id"
  echo >>"$root/etc/machine-id"
  rm -rf "$root/run/systemd"
  chroot "$root" useradd -m -s /bin/bash -u 1000 -U "$LOGIN_USER"
  chroot "$root" usermod -p '*' "$LOGIN_USER" # no password, not locked: key login only
  install -d -m 700 -o 1000 -g 1000 "$root/home/$LOGIN_USER/.ssh"
  install -m 600 -o 1000 -g 1000 "$PUBKEY_FILE" "$root/home/$LOGIN_USER/.ssh/authorized_keys"
  printf '%s ALL=(ALL) NOPASSWD:ALL\n' "$LOGIN_USER" >"$root/etc/sudoers.d/90-cloud-init-users"
  # The installer server's CA (lib.sh installer_cert), as a local CA: it survives update-ca-certificates.
  install -D -m 644 "$LAB_CACHE/installer-tls/ca.crt" "$root/usr/local/share/ca-certificates/hdlab-installer.crt"
  cat "$LAB_CACHE/installer-tls/ca.crt" >>"$root/etc/ssl/certs/ca-certificates.crt"
  chmod 440 "$root/etc/sudoers.d/90-cloud-init-users"
  printf 'PasswordAuthentication no\n' >"$root/etc/ssh/sshd_config.d/50-cloud-init.conf"
  keys=$(hostkeys "$n")
  rm -f "$root"/etc/ssh/ssh_host_*
  cp "$keys"/ssh_host_* "$root/etc/ssh/"

  # Network: the box's own namespace, one veth on the lab bridge, no default route.
  ip netns add "$ns"
  ip link add "$veth" type veth peer name eth0 netns "$ns"
  sysctl -q -w "net.ipv6.conf.$veth.disable_ipv6=1" >/dev/null 2>&1 || true
  ip link set "$veth" master "$LAB_BRIDGE" up
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$ip/24" dev eth0
  ip -n "$ns" link set eth0 up

  # PID 1 of the box: own PID/mount/UTS namespaces in the box's network namespace; the host's share directory
  # (lab CA and kubeconfigs for the fake k3s, written by kube.sh) read-only at /opt/hdlab/share.
  install -d -m 700 "$LAB_STATE/share"
  # shellcheck disable=SC2016 # expanded by the inner shell
  setsid nsenter --net="/run/netns/$ns" -- \
    unshare --pid --fork --kill-child=SIGKILL --mount --uts --propagation private -- \
    /bin/bash -c 'set -e; hostname "$1"; mount --bind "$3" "$2/opt/hdlab/share"
                  mount -o remount,bind,ro "$2/opt/hdlab/share"; exec chroot "$2" /opt/hdlab/bin/box-init' \
    box-init "$hostname" "$root" "$LAB_STATE/share" </dev/null >>"$dir/console.log" 2>&1 8>&- 9>&- &
  echo $! >"$dir/pid"
  wait_tcp "$ip" 22 20 || { tail -20 "$dir/console.log" >&2; die "box $n: sshd did not come up on $ip:22"; }
  CREATING=
}

# box_del <N>: every process of the box, its namespace, veth, mounts and files. Safe on a half-made box.
box_del() {
  local n=$1 dir root ns pids p
  dir=$(box_dir "$n") root=$(box_root "$n") ns=$(box_ns "$n")
  # The PID namespace dies with its init, which unshare then reaps; then whatever else is rooted in the box or
  # lives in its network namespace (a crash, a process entered from the host).
  p=$(box_init_pid "$n" 2>/dev/null) && kill -KILL "$p" 2>/dev/null
  [ ! -s "$dir/pid" ] || kill_pidfile "$dir/pid" KILL
  for _ in $(seq 50); do
    pids=$( { ip netns pids "$ns" 2>/dev/null || true
      for p in /proc/[0-9]*; do
        case "$(readlink "$p/root" 2>/dev/null)" in "$root" | "$root"/*) echo "${p#/proc/}" ;; esac
      done; } | { grep -vx "$$" || true; } | sort -u)
    [ -n "$pids" ] || break
    # shellcheck disable=SC2086
    kill -KILL $pids 2>/dev/null || true
    sleep 0.1
  done
  [ -z "$pids" ] || progress "box $n: processes still alive after 5 s: $pids"
  # Mounts under the box directory, innermost first.
  awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts | sort -r | while read -r p; do
    umount "$p" 2>/dev/null || umount -l "$p"
  done
  ip netns del "$ns" 2>/dev/null || true
  ip link del "$(box_veth "$n")" 2>/dev/null || true
  if awk -v d="$dir/" 'index($2, d) == 1 { found = 1 } END { exit !found }' /proc/mounts; then
    die "box $n: still mounted under $dir; not removing it"
  fi
  rm -rf "$dir"
}

# ---------------------------------------------------------------- commands
cmd_up() {
  local boxes=() n
  while [ $# -gt 0 ]; do
    case "$1" in
      --user) LOGIN_USER=${2:?--user needs a name}; shift ;;
      --pubkey) PUBKEY_FILE=${2:?--pubkey needs a file}; shift ;;
      -*) usage ;;
      *) valid_box "$1" || die "box number must be 1..$LAB_MAX_BOX: $1"; boxes+=("$1") ;;
    esac
    shift
  done
  [ "${#boxes[@]}" -gt 0 ] || boxes=(1 2 3)
  load_params
  save_params
  layer_build
  net_up
  for n in "${boxes[@]}"; do box_add "$n" "${HOSTNAME_OVERRIDE:-}"; done
  progress "boxes up: $(for n in "${boxes[@]}"; do printf '%s ' "$(box_ip "$n")"; done)(user $LOGIN_USER, key $PUBKEY_FILE)"
}

cmd_add() {
  local args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --hostname) HOSTNAME_OVERRIDE=${2:?--hostname needs a name}; shift ;;
      *) args+=("$1") ;;
    esac
    shift
  done
  [ "${#args[@]}" -gt 0 ] || die "add: which box numbers?"
  [ -z "${HOSTNAME_OVERRIDE:-}" ] || [ "${#args[@]}" -eq 1 ] || die "--hostname goes with exactly one box"
  cmd_up "${args[@]}"
}

cmd_del() {
  local n
  [ $# -gt 0 ] || die "del: which box numbers?"
  for n in "$@"; do
    valid_box "$n" || die "box number must be 1..$LAB_MAX_BOX: $n"
    progress "removing box $n"
    box_del "$n"
  done
}

cmd_down() {
  local n
  for n in $(existing_boxes); do
    progress "removing box $n"
    box_del "$n"
  done
  net_down_if_unused boxes
  rm -rf "$LAB_STATE/params"
  [ -n "$(existing_boxes)" ] || layer_prune
  progress "boxes down"
}

cmd_list() {
  local n ip state k3s host
  printf '%-3s %-12s %-14s %-8s %-10s %s\n' N IP HOSTNAME STATE K3S ROOT
  for n in $(existing_boxes); do
    ip=$(box_ip "$n") state=stopped k3s=- host=$(cat "$(box_root "$n")/etc/hostname" 2>/dev/null || echo -)
    if box_running "$n"; then
      state=running
      k3s=$(box_exec "$n" systemctl is-active k3s 2>/dev/null || true)
    fi
    printf '%-3s %-12s %-14s %-8s %-10s %s\n' "$n" "$ip" "$host" "$state" "${k3s:--}" "$(box_root "$n")"
  done
}

box_exec() { # box_exec <N> [--user] CMD...: in all of the box's namespaces, chrooted, clean environment
  local n=$1 init as=() home=/root
  shift
  if [ "${1:-}" = --user ]; then
    as=(--setuid 1000 --setgid 1000)
    home=$(awk -F: '$3 == 1000 { print $6 }' "$(box_root "$n")/etc/passwd")
    shift
  fi
  init=$(box_init_pid "$n") || die "box $n is not running"
  nsenter --target "$init" --mount --uts --net --pid --root --wd "${as[@]}" -- \
    /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="$home" LANG=C.UTF-8 "$@"
}

cmd_exec() {
  local n=${1:?exec: which box?} user=()
  shift
  if [ "${1:-}" = --user ]; then user=(--user); shift; fi
  [ "${1:-}" != -- ] || shift
  [ $# -gt 0 ] || die "exec: what command?"
  box_exec "$n" "${user[@]}" "$@"
}

cmd_events() {
  local n log
  for n in $(existing_boxes); do
    log=$(box_root "$n")/var/log/fake-k3s/events.log
    [ -r "$log" ] && sed "s/^\([^ ]*\) /\1 box$n /" "$log"
  done | sort -s -k1,1
}

cmd_ssh_config() {
  local n key user
  load_params >/dev/null
  user=$LOGIN_USER key=${PUBKEY_FILE%.pub}
  for n in $(seq 1 "$LAB_MAX_BOX"); do
    printf 'Host box%d\n  HostName %s\n  User %s\n  IdentityFile %s\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n' \
      "$n" "$(box_ip "$n")" "$user" "$key"
  done
}

require_root
mkdir -p "$LAB_STATE" "$LAB_CACHE"
cmd=${1:-}
[ $# -eq 0 ] || shift
case "$cmd" in
  up | add | del | down)
    exec 9>"$LAB_STATE/.boxes.lock"
    flock 9
    on_exit() {
      local rc=$?
      if [ -n "$CREATING" ]; then
        progress "box $CREATING: setup failed; removing it"
        box_del "$CREATING" || true
      fi
      exit "$rc"
    }
    trap on_exit EXIT
    trap 'exit 143' TERM INT
    "cmd_$cmd" "$@"
    ;;
  list) cmd_list ;;
  exec) cmd_exec "$@" ;;
  events) cmd_events ;;
  ssh-config) cmd_ssh_config ;;
  ip) valid_box "${1:-}" || die "ip: box number 1..$LAB_MAX_BOX"; box_ip "$1" ;;
  root) valid_box "${1:-}" || die "root: box number 1..$LAB_MAX_BOX"; box_root "$1" ;;
  key) load_params >/dev/null; printf '%s\n' "${PUBKEY_FILE%.pub}" ;;
  *) usage ;;
esac
