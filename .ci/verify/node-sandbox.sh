#!/usr/bin/env bash
# Runs the rendered node steps of one stack on a throwaway Debian bookworm root, in its own network namespace,
# the way the remote Command runs them: `bash -c "<exports>\n<script>"` as the SSH user (with passwordless sudo,
# like a cloud image's default user), with a clean environment and secrets on stdin.
#
#   node-sandbox.sh <render dir> [<init node alias> <join node alias>]   (default: found from JOIN='false'/'true')
#
# Real: debootstrap'ed Debian root, apt-get against the Debian mirror (through a host proxy limited to that
# mirror: the namespace has no other way out), dpkg, ufw, iptables (nf_tables, in the namespace), sshd,
# sudo, curl. Substituted: the k3s installer/binary and `systemctl is-active k3s` (fake-k3s/), because the real
# ones download a binary; no systemd runs in the root, so no service is started by the package installs
# (policy-rc.d) or by the bootstrap step (it detects that and says so).
# Prints ok/FAIL lines; failures go to $VERIFY_FAILURES; last line: {"scripts": M, "rules": R}.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

render=$(cd "$1" && pwd)

# find_step <node dir> <ext> <grep -E pattern on the .env>: the step whose parameters identify it (the step's
# file name is not a contract; its parameters are). Prints NN-<name>.<ext>.
find_step() {
  local env
  for env in "$1"/[0-9]*.env; do
    [ -e "$env" ] || continue
    if grep -Eq "$3" "$env"; then printf '%s\n' "${env%.env}.$2"; return 0; fi
  done
  return 1
}
BOOT="^PACKAGES="; FW="^UFW_RULES="; INIT="^JOIN='false'"; JOINS="^JOIN='true'"
TOKEN="^STEP_NAME='(read-)?node-token'"; KUBECONFIG="^API_SERVER_IPV4="
init_alias=${2:-}; join_alias=${3:-}
for d in "$render"/nodes/*/; do
  d=${d%/}
  [ -z "$init_alias" ] && find_step "$d" env "$INIT" >/dev/null && init_alias=${d##*/}
  [ -z "$join_alias" ] && find_step "$d" env "$JOINS" >/dev/null && join_alias=${d##*/}
done
node_dir=$render/nodes/$init_alias
join_dir=$render/nodes/$join_alias
for s in BOOT FW INIT TOKEN KUBECONFIG; do
  find_step "$node_dir" sh "${!s}" >/dev/null || { fail "render has no step matching ${!s} for node '$init_alias'"; exit 0; }
done
find_step "$join_dir" sh "$JOINS" >/dev/null || { fail "render has no joining k3s step (JOIN='true')"; exit 0; }
progress "sandbox: init node $init_alias, joining node $join_alias"

template=$("$HERE/debian-root.sh")
id=$(( $$ % 200 + 20 ))
ns=hdv-$$
work=/var/tmp/honeydue-verify/run-$$
root=$work/root
host_ip=10.213.$id.1
node_ip=10.213.$id.2
proxy_port=3142
mkdir -p "$work" "$VERIFY_CACHE/apt-archives/partial"
started_pids=()

cleanup() {
  set +e
  for p in "${started_pids[@]}"; do kill "$p" 2>/dev/null; done
  if [ -s "$root/run/sshd.pid" ]; then kill "$(cat "$root/run/sshd.pid")" 2>/dev/null; fi
  # Any other process still rooted in the sandbox was started by this run (fail2ban, a stray step).
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$root" ] && kill "${p#/proc/}" 2>/dev/null
  done
  sleep 0.5
  umount "$root/var/cache/apt/archives" 2>/dev/null
  umount "$root/proc" 2>/dev/null
  ip netns del "$ns" 2>/dev/null
  ip link del "hdvh$id" 2>/dev/null
  if ! grep -q " $work/" /proc/mounts; then rm -rf "$work"; fi
}
trap cleanup EXIT
trap "exit 143" TERM INT # make sure cleanup runs when the run is stopped

progress "sandbox: fresh copy of $template"
cp -a "$template" "$root"
mount -t proc proc "$root/proc"
mount --bind "$VERIFY_CACHE/apt-archives" "$root/var/cache/apt/archives"

# Network: namespace + veth; the host end serves only the apt proxy and receives the SSH probes.
ip netns add "$ns"
ip link add "hdvh$id" type veth peer name "hdvn$id"
ip link set "hdvn$id" netns "$ns"
ip addr add "$host_ip/30" dev "hdvh$id"
ip link set "hdvh$id" up
ip netns exec "$ns" ip link set lo up
ip netns exec "$ns" ip link set "hdvn$id" name eth0
ip netns exec "$ns" ip addr add "$node_ip/30" dev eth0
ip netns exec "$ns" ip link set eth0 up
# The lab's mirror-only proxy, with its cache in this run's work dir.
python3 "$HERE/../lab/apt_proxy.py" "$host_ip" "$proxy_port" "$work/apt-cache" deb.debian.org >"$work/proxy.log" 2>&1 &
started_pids+=($!)

# The root as a cloud image hands it over: hostname, a default user with a key and passwordless sudo,
# apt pointed at the mirror (through the proxy), services not started by package scripts (no init runs here).
echo "$init_alias" >"$root/etc/hostname"
# sudo resolves the kernel's hostname, which the namespace shares with the host.
printf '127.0.0.1 localhost %s %s\n' "$init_alias" "$(hostname)" >"$root/etc/hosts"
ssh_user=$(sed -n "s/^SSH_USER='\(.*\)'$/\1/p" "$(find_step "$node_dir" env "$BOOT")")
chroot "$root" useradd -m -s /bin/bash -u 1000 "$ssh_user"
install -d -m 700 -o 1000 -g 1000 "$root/home/$ssh_user/.ssh"
echo "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZlcmlmeS1zYW5kYm94LW5vdC1hLXJlYWwta2V5 verify" \
  | install -m 600 -o 1000 -g 1000 /dev/stdin "$root/home/$ssh_user/.ssh/authorized_keys"
printf '%s ALL=(ALL) NOPASSWD:ALL\n' "$ssh_user" >"$root/etc/sudoers.d/90-cloud-image-user"
chmod 440 "$root/etc/sudoers.d/90-cloud-image-user"
printf 'Acquire::http::Proxy "http://%s:%s";\n' "$host_ip" "$proxy_port" >"$root/etc/apt/apt.conf.d/01verify-proxy"
printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"
install -d -m 755 "$root/opt/fake-k3s"
install -m 755 "$HERE"/fake-k3s/* "$root/opt/fake-k3s/"

# sshd runs as on a real node (the steps arrive over SSH); the probe checks it stays reachable.
install -d -m 755 "$root/run/sshd"
ip netns exec "$ns" chroot "$root" /usr/sbin/sshd
node() { ip netns exec "$ns" chroot "$root" "$@"; }

# run_step <step .sh> [extra KEY=value...] : runs it as the remote Command would; stdin is passed through.
# Output: $work/last.out / last.err; returns the step's exit code.
run_step() {
  local sh=$1 env=${1%.sh}.env cmd
  shift
  cmd=$(sed 's/^\([A-Za-z_][A-Za-z0-9_]*=\)/export \1/' "$env"; cat "$sh")
  local kv # a test's substitution replaces the rendered export of that key, or is added in front
  for kv in "$@"; do
    if printf '%s\n' "$cmd" | grep -q "^export ${kv%%=*}="; then
      cmd=$(printf '%s\n' "$cmd" | sed "s|^export ${kv%%=*}=.*|export ${kv%%=*}='${kv#*=}'|")
    else
      cmd="export ${kv%%=*}='${kv#*=}'"$'\n'"$cmd"
    fi
  done
  timeout "${step_timeout:-900}" ip netns exec "$ns" chroot --userspec=1000:1000 --groups=1000 "$root" \
    env -i HOME="/home/$ssh_user" USER="$ssh_user" LOGNAME="$ssh_user" SHELL=/bin/bash LANG=C.UTF-8 \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    bash -c "$cmd" >"$work/last.out" 2>"$work/last.err"
}
show_err() { sed 's/^/      | /' "$work/last.err" | tail -"${1:-8}"; }
snapshot() { # snapshot <name>: ufw status + normalized rulesets + ufw rule files
  local d=$work/state-$1
  mkdir -p "$d"
  node ufw status verbose >"$d/ufw-status.txt" 2>&1 || true
  node iptables-save >"$d/iptables.raw"
  python3 "$HERE/fwcheck.py" normalize "$d/iptables.raw" >"$d/iptables.txt"
  node ip6tables-save | { cat >"$d/ip6tables.raw"; }
  python3 "$HERE/fwcheck.py" normalize "$d/ip6tables.raw" >"$d/ip6tables.txt"
  cat "$root"/etc/ufw/user.rules "$root"/etc/ufw/user6.rules >"$d/ufw-files.txt" 2>/dev/null || true
}
same_rules() { cmp -s "$work/state-$1/iptables.txt" "$work/state-$2/iptables.txt" \
  && cmp -s "$work/state-$1/ip6tables.txt" "$work/state-$2/ip6tables.txt" \
  && cmp -s "$work/state-$1/ufw-files.txt" "$work/state-$2/ufw-files.txt"; }
# probe_during <label> <command...>: runs the command while ssh_probe.py samples SSH; checks it never closed.
# With mode "reload", refused connections are reported but allowed (sshd re-executes itself on SIGHUP, see below);
# the iptables verdict must still accept 22 at every sample.
probe_during() {
  local label=$1 mode=strict rc=0
  shift
  if [ "$1" = --sshd-reload ]; then mode=reload; shift; fi
  rm -f "$work/probe.stop"
  (cd "$HERE" && exec python3 ssh_probe.py "$ns" "$root" "$node_ip" "$work/probe.stop" --max-seconds 900) \
    >"$work/probe.json" &
  local probe=$!
  sleep 0.3
  "$@" || rc=$?
  touch "$work/probe.stop"
  wait "$probe" || true
  python3 - "$work/probe.json" "$label" "$mode" <<'PY' || fail "$label: SSH closed at some sample (see above)"
import json, sys
p = json.load(open(sys.argv[1]))
ok = p["samples"] > 0 and p["rule_down"] == 0 and (p["tcp_down"] == 0 or sys.argv[3] == "reload")
note = " (allowed: sshd reload re-executes sshd)" if p["tcp_down"] and sys.argv[3] == "reload" else ""
print("  %s %s: %d SSH probe samples over %ss; banner missing %d%s, iptables closed %d"
      % ("ok  " if ok else "FAIL", sys.argv[2], p["samples"], p["seconds"], p["tcp_down"], note, p["rule_down"]))
for f in p["first_failures"]:
    print("      | " + f)
sys.exit(0 if ok else 1)
PY
  return "$rc"
}

want_config() { python3 "$HERE/fwcheck.py" env "$1" K3S_CONFIG; }
# want_setting <env> <key>: a scalar of the planned config.yaml; want_list <env> <key>: the items of a list.
want_setting() { want_config "$1" | sed -n "s/^$2: \"\(.*\)\"$/\1/p"; }
want_list() { want_config "$1" | sed -n "/^$2:$/,/^[^ ]/p" | sed -n 's/^  - "\(.*\)"$/\1/p'; }
scripts=0
boot=$(find_step "$node_dir" sh "$BOOT")
fw=$(find_step "$node_dir" sh "$FW")
k3s_env=$(find_step "$node_dir" env "$INIT")

# ---------------------------------------------------------------- 3. bootstrap + firewall, first run
progress "sandbox: $init_alias bootstrap (real apt-get, packages from the Debian mirror)"
t=$(date +%s)
# The first run writes the key-only sshd drop-in and reloads sshd; sshd's reload (SIGHUP, also what
# `systemctl reload ssh` sends) re-executes sshd, which refuses new connections for a moment. Only this run
# may show that; every later run must never lose SSH at all.
if probe_during "bootstrap first run" --sshd-reload run_step "$boot"; then
  pass "bootstrap first run succeeded in $(( $(date +%s) - t ))s"
else
  fail "bootstrap first run failed"; show_err 15
fi
scripts=$((scripts + 1))
read -r -a packages <<<"$(sed -n "s/^PACKAGES='\(.*\)'$/\1/p" "${boot%.sh}.env")"
all_installed() { [ "$(node dpkg-query -W -f="\${Status}\n" "$@" | sort -u)" = "install ok installed" ]; }
check "packages installed: ${packages[*]}" -- all_installed "${packages[@]}"
check "sshd drop-in is key-only and sshd -t accepts it" -- \
  bash -c "grep -qx 'PasswordAuthentication no' '$root/etc/ssh/sshd_config.d/10-honeydue.conf' && ip netns exec '$ns' chroot '$root' sshd -t"
check "bootstrap said why no service was started" -- grep -q "no systemd running" "$work/last.err"

progress "sandbox: $init_alias firewall, first run"
if probe_during "firewall first run" run_step "$fw"; then pass "firewall first run succeeded"; else fail "firewall first run failed"; show_err 15; fi
scripts=$((scripts + 1))
snapshot first
python3 "$HERE/fwcheck.py" assert "$work/state-first" "${fw%.sh}.env" "$k3s_env" >"$work/fw-assert.txt" || true
grep -v '^{' "$work/fw-assert.txt"
grep '^  FAIL' "$work/fw-assert.txt" | sed 's/^  FAIL /firewall: /' >>"$VERIFY_FAILURES" || true
rules=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["rules"])' "$work/fw-assert.txt")

# ---------------------------------------------------------------- 3. second run: no change, SSH never closed
progress "sandbox: second run of bootstrap + firewall (must change nothing; SSH probed throughout)"
probe_during "bootstrap re-run" run_step "$boot" || { fail "bootstrap re-run failed"; show_err; }
probe_during "firewall re-run" run_step "$fw" || { fail "firewall re-run failed"; show_err; }
snapshot second
check "re-run changed no iptables/ip6tables rule and no ufw rule file" -- same_rules first second

# ---------------------------------------------------------------- 3. a peer removed from the plan
peer=$(want_list "$k3s_env" tls-san | grep -vx "$(want_setting "$k3s_env" node-ip)" | tail -1)
progress "sandbox: firewall with peer $peer removed from UFW_RULES (stale rules must go, SSH must stay)"
cp "${fw%.sh}.env" "$work/fw-nopeer.env"
python3 - "$work/fw-nopeer.env" "$peer" <<'PY'
import re, sys
path, peer = sys.argv[1:]
text = open(path).read()
m = re.search(r"^UFW_RULES='(.*?)'$", text, re.S | re.M)
kept = [l for l in m.group(1).split("\n") if not re.search(r"from %s(/32)? " % re.escape(peer), l)]
open(path, "w").write(text[:m.start(1)] + "\n".join(kept) + text[m.end(1):])
PY
cp "$fw" "$work/fw-nopeer.sh"
probe_during "firewall with a peer removed" run_step "$work/fw-nopeer.sh" || { fail "firewall with a peer removed failed"; show_err; }
snapshot nopeer
check "rules of removed peer $peer are gone (ufw status and iptables)" -- \
  bash -c "! grep -q '$peer' '$work/state-nopeer/ufw-status.txt' && ! grep -q '$peer' '$work/state-nopeer/iptables.txt'"
check "other peers' rules and 22/tcp kept" -- bash -c "grep -q '22/tcp .*ALLOW IN .*Anywhere' '$work/state-nopeer/ufw-status.txt' \
  && [ \$(grep -c 'ALLOW IN' '$work/state-nopeer/ufw-status.txt') -lt \$(grep -c 'ALLOW IN' '$work/state-first/ufw-status.txt') ]"
probe_during "firewall back to the plan" run_step "$fw" || { fail "firewall back to the plan failed"; show_err; }
snapshot restored
# ufw appends re-added rules at the end; every rule is an ACCEPT, so order does not change what is let in.
same_rule_set() { local f; for f in iptables.txt ip6tables.txt; do
  cmp -s <(sort "$work/state-$1/$f") <(sort "$work/state-$2/$f") || return 1; done; }
check "re-applying the plan restores the first ruleset (same rules; order may differ, all are ACCEPT)" -- same_rule_set first restored

# ---------------------------------------------------------------- 4. k3s steps against the fake installer
progress "sandbox: k3s init/token/kubeconfig/join with the FAKE k3s installer (INSTALLER_URL=file:///opt/fake-k3s/install.sh)"
fake_url=INSTALLER_URL=file:///opt/fake-k3s/install.sh
step_timeout=180 # the fake answers at once; a broken fake must not wait out READY_TIMEOUT_SECONDS
init_sh=$(find_step "$node_dir" sh "$INIT")
if run_step "$init_sh" "$fake_url" </dev/null; then pass "k3s-init succeeded"; else fail "k3s-init failed"; show_err; fi
scripts=$((scripts + 1))
check "k3s-init wrote exactly the planned K3S_CONFIG to /etc/rancher/k3s/config.yaml (root, 0600); installer got only 'server'" -- \
  bash -c "cmp -s <(python3 '$HERE/fwcheck.py' env '$k3s_env' K3S_CONFIG) '$root/var/log/fake-k3s/install-1.config' \
    && [ \"\$(cat '$root/var/log/fake-k3s/install-1.args')\" = server ] \
    && [ \$(stat -c %a '$root/etc/rancher/k3s/config.yaml') = 600 ] \
    && grep -qx 'INSTALL_K3S_SKIP_START=true' '$root/var/log/fake-k3s/install-1.env'"
check "installer got INSTALL_K3S_VERSION=$(sed -n "s/^K3S_VERSION='\(.*\)'$/\1/p" "$k3s_env") and no K3S_TOKEN" -- \
  bash -c "grep -qx \"INSTALL_K3S_VERSION=\$(sed -n \"s/^K3S_VERSION='\\(.*\\)'\$/\\1/p\" '$k3s_env')\" '$root/var/log/fake-k3s/install-1.env' \
    && ! grep -q '^K3S_TOKEN' '$root/var/log/fake-k3s/install-1.env'"
run_step "$init_sh" "$fake_url" </dev/null || { fail "k3s-init re-run failed"; show_err; }
check "k3s-init re-run with the same flags does not reinstall" -- \
  bash -c "[ ! -e '$root/var/log/fake-k3s/install-2.args' ] && grep -q 'not reinstalling' '$work/last.err'"
# An upgrade of a live server (new K3S_VERSION): cordon + drain first, reinstall, wait Ready at the new
# version, uncordon.
upgrade=v9.99.9+k3s1
: >"$root/var/log/fake-k3s/k3s-calls.log"
run_step "$init_sh" "$fake_url" "K3S_VERSION=$upgrade" </dev/null || { fail "k3s-init upgrade run failed"; show_err; }
check "upgrade of a live server: cordon, drain, reinstall with INSTALL_K3S_VERSION=$upgrade, Ready at it, uncordon" -- \
  bash -c "grep -qx 'INSTALL_K3S_VERSION=$upgrade' '$root/var/log/fake-k3s/install-2.env' \
    && [ \"\$(cut -d' ' -f2 '$root/var/log/fake-k3s/k3s-calls.log' | grep -E '^(cordon|drain|uncordon)$' | tr '\n' ' ')\" = 'cordon drain uncordon ' ]"

tok_sh=$(find_step "$node_dir" sh "$TOKEN")
if run_step "$tok_sh" </dev/null; then pass "node-token succeeded"; else fail "node-token failed"; show_err; fi
scripts=$((scripts + 1))
token=$(cat "$root/var/lib/rancher/k3s/server/node-token")
cp "$work/last.out" "$work/token.out"
check "node-token prints only the token on stdout (one line, equal to the server's node-token)" -- \
  bash -c "[ \"\$(cat '$work/token.out')\" = '$token' ] && [ \$(wc -l <'$work/token.out') -eq 1 ] && ! grep -qF '$token' '$work/last.err'"

kc_sh=$(find_step "$node_dir" sh "$KUBECONFIG")
api_ip=$(sed -n "s/^API_SERVER_IPV4='\(.*\)'$/\1/p" "${kc_sh%.sh}.env")
if run_step "$kc_sh" </dev/null; then pass "kubeconfig succeeded"; else fail "kubeconfig failed"; show_err; fi
scripts=$((scripts + 1))
check "kubeconfig rewritten to server: https://$api_ip:6443 (and no 127.0.0.1 left)" -- \
  bash -c "grep -qx '    server: https://$api_ip:6443' '$work/last.out' && ! grep -q 127.0.0.1 '$work/last.out'"
check "k3s.yaml on the node is mode 0600 (--write-kubeconfig-mode)" -- \
  bash -c "[ \$(stat -c %a '$root/etc/rancher/k3s/k3s.yaml') = 600 ]"

join_sh=$(find_step "$join_dir" sh "$JOINS")
join_env=${join_sh%.sh}.env
# The join runs in the same root (a second server is the same kind of box); the fake's state is reset so the
# installer really runs again, with the join flags.
rm -f "$root/run/fake-k3s/active" "$root/var/lib/rancher/k3s/server/node-token"
if printf '%s\n' "$token" | run_step "$join_sh" "$fake_url"; then pass "k3s-join succeeded (token on stdin)"; else fail "k3s-join failed"; show_err; fi
scripts=$((scripts + 1))
check "k3s-join wrote exactly the planned K3S_CONFIG (--server and --token-file in it); installer got only 'server'" -- \
  bash -c "cmp -s <(python3 '$HERE/fwcheck.py' env '$join_env' K3S_CONFIG) '$root/var/log/fake-k3s/install-3.config' \
    && [ \"\$(cat '$root/var/log/fake-k3s/install-3.args')\" = server ]"
check "join token never in the step's stdout/stderr, the installer's argv or environment" -- \
  bash -c "! grep -qF '$token' '$work/last.out' '$work/last.err' '$root/var/log/fake-k3s/install-3.args' '$root/var/log/fake-k3s/install-3.env'"
token_file=$(want_setting "$join_env" token-file)
check "token file $token_file holds the token, root-owned, mode 0600" -- \
  bash -c "[ \"\$(cat '$root$token_file')\" = '$token' ] && [ \"\$(stat -c %a:%U '$root$token_file')\" = 600:root ]"
if printf '' | run_step "$join_sh" "$fake_url"; then
  fail "k3s-join without a token on stdin should fail"
else
  check "k3s-join without a token fails with its message" -- grep -q "FAILED: .*cluster token on stdin" "$work/last.err"
fi

# ---------------------------------------------------------------- 5. fault tests
progress "sandbox: fault tests (held dpkg lock; permanent failures fail within their bound)"
# apt/dpkg lock with fcntl (F_SETLK), not flock(2): a lock held with flock(1) would not stop apt at all.
hold_lock() { # hold_lock <seconds>: holds dpkg's frontend lock the way dpkg/apt do; prints the holder's pid
  python3 -c 'import fcntl,sys,time; f=open(sys.argv[1],"a"); fcntl.lockf(f, fcntl.LOCK_EX); print("held", flush=True); time.sleep(float(sys.argv[2]))' \
    "$root/var/lib/dpkg/lock-frontend" "$1" >"$work/lock.out" &
  started_pids+=($!)
  for _ in $(seq 50); do grep -q held "$work/lock.out" 2>/dev/null && break; sleep 0.1; done
}
hold_lock 12
t=$(date +%s)
run_step "$boot" APT_LOCK_TIMEOUT=60 && rc=0 || rc=$?
took=$(( $(date +%s) - t ))
check "bootstrap waits for a held dpkg lock (12 s) and succeeds once released (took ${took}s, rc=$rc)" -- \
  bash -c "[ $rc -eq 0 ] && [ $took -ge 10 ]"
hold_lock 90
t=$(date +%s)
run_step "$boot" APT_LOCK_TIMEOUT=2 RETRY_FIRST_DELAY_SECONDS=1 && rc=0 || rc=$?
took=$(( $(date +%s) - t ))
# bound: 5 attempts x 2 s lock wait + 1+2+4+8 s backoff = 25 s, plus apt-get update and slack
check "bootstrap with the lock held past APT_LOCK_TIMEOUT fails within its bound (${took}s <= 60s), with its message" -- \
  bash -c "[ $rc -ne 0 ] && [ $took -le 60 ] && grep -q 'FAILED: installing .* failed' '$work/last.err' && grep -q 'next: ' '$work/last.err'"
grep 'FAILED\|next:' "$work/last.err" | sed 's/^/      | /' || true
kill "${started_pids[-1]}" 2>/dev/null || true

t=$(date +%s)
run_step "$boot" "PACKAGES=curl honeydue-no-such-package" RETRY_FIRST_DELAY_SECONDS=1 && rc=0 || rc=$?
took=$(( $(date +%s) - t ))
check "a nonexistent package fails within its bound (5 attempts, ${took}s), with its message" -- \
  bash -c "[ $rc -ne 0 ] && [ $took -lt 60 ] && grep -q 'FAILED: installing curl honeydue-no-such-package failed' '$work/last.err'"
grep 'FAILED\|next:' "$work/last.err" | sed 's/^/      | /' || true

rm -f "$root/run/fake-k3s/active"
t=$(date +%s)
run_step "$init_sh" INSTALLER_URL=file:///opt/fake-k3s/no-such-installer.sh RETRY_FIRST_DELAY_SECONDS=1 </dev/null && rc=0 || rc=$?
took=$(( $(date +%s) - t ))
check "an unreachable INSTALLER_URL fails within its bound (5 attempts, ${took}s), with its message" -- \
  bash -c "[ $rc -ne 0 ] && [ $took -lt 60 ] && grep -q 'FAILED: cannot download the k3s installer from file:///opt/fake-k3s/no-such-installer.sh' '$work/last.err'"
grep 'FAILED\|next:' "$work/last.err" | sed 's/^/      | /' || true

printf '{"scripts": %d, "rules": %d}\n' "$scripts" "${rules:-0}"
