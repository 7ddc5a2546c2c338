#!/bin/sh
# FAKE k3s installer, lab boxes only (served by the lab host as https://10.77.0.1:8087/install.sh); never for a real
# node. It follows the get.k3s.io script where the node steps depend on it:
#   - `sh install.sh [server] [flags...]`; INSTALL_K3S_EXEC is split into words and goes before the arguments;
#     only the `server` command is modelled (an agent is refused);
#   - INSTALL_K3S_VERSION (default: the "stable" release below), INSTALL_K3S_SKIP_DOWNLOAD, INSTALL_K3S_SKIP_ENABLE,
#     INSTALL_K3S_SKIP_START, INSTALL_K3S_FORCE_RESTART; K3S_* variables go to the unit's environment file (0600);
#   - it writes /usr/local/bin/k3s (this release of the fake binary, downloaded from the lab host), the kubectl/
#     crictl/ctr links, k3s-killall.sh, k3s-uninstall.sh, /etc/systemd/system/k3s.service (ExecStart with the
#     quoted arguments, Type=notify, TimeoutStartSec=0) and k3s.service.env;
#   - when the binary, unit and env file are byte-identical to before it prints "No change detected so skipping
#     service start" and does not restart; otherwise it ends with `systemctl restart k3s`, which (fake systemctl)
#     blocks until the server is ready, or fails when it does not start.
# Not modelled: channels other than "stable", INSTALL_K3S_BIN_DIR/SYSTEMD_DIR/NAME/TYPE, SELinux, openrc, and the
# iptables cleanup before the start (it only drops KUBE-/flannel rules, which the lab never has).
# Every run is recorded: /var/log/fake-k3s/install-N.args (the arguments, one per line), install-N.env
# (INSTALL_K3S_* and K3S_* variables, token values redacted) and an `install` event in /var/log/fake-k3s/events.log.
# Switch: /etc/fake-k3s/fail-download makes the download fail ("Download failed").
set -e
set -o noglob

LAB_URL=${FAKE_K3S_DOWNLOAD_URL:-https://10.77.0.1:8087}
STABLE_VERSION=v1.34.6+k3s1
BIN_DIR=/usr/local/bin
SYSTEMD_DIR=/etc/systemd/system
FILE_K3S_SERVICE=$SYSTEMD_DIR/k3s.service
FILE_K3S_ENV=$SYSTEMD_DIR/k3s.service.env
UNINSTALL_K3S_SH=$BIN_DIR/k3s-uninstall.sh
KILLALL_K3S_SH=$BIN_DIR/k3s-killall.sh

info() { echo '[INFO] ' "$@"; }
fatal() {
  echo '[ERROR] ' "$@" >&2
  exit 1
}

[ -r /opt/hdlab/lib/fake-k3s-lib.sh ] || fatal "this is the lab's fake k3s installer; it runs only inside a lab box"
# shellcheck source-path=SCRIPTDIR source=fake-k3s-lib.sh
. /opt/hdlab/lib/fake-k3s-lib.sh

# ---------------------------------------------------------------- command and arguments
if [ -n "${INSTALL_K3S_EXEC:-}" ]; then
  # shellcheck disable=SC2086 # word splitting of INSTALL_K3S_EXEC is the documented behaviour (globbing is off)
  set -- $INSTALL_K3S_EXEC "$@"
fi
command -v systemctl >/dev/null 2>&1 || fatal 'Can not find systemd or openrc to use as a process supervisor for k3s'
case "${1:-}" in
  -* | '')
    if [ -n "${K3S_URL:-}" ]; then CMD_K3S=agent; else CMD_K3S=server; fi
    ;;
  *)
    CMD_K3S=$1
    shift
    ;;
esac
case "${K3S_URL:-}" in '' | https://*) ;; *) fatal "Only https:// URLs are supported for K3S_URL (have ${K3S_URL})" ;; esac
[ "$CMD_K3S" = server ] || fatal "the lab's fake k3s models servers only, not '$CMD_K3S'"
SUDO=sudo
if [ "$(id -u)" -eq 0 ]; then SUDO=; fi

installed_hashes() { $SUDO sha256sum "$BIN_DIR/k3s" "$FILE_K3S_SERVICE" "$FILE_K3S_ENV" 2>&1 || true; }
PRE_INSTALL_HASHES=$(installed_hashes)

# ---------------------------------------------------------------- the binary
if [ "${INSTALL_K3S_SKIP_DOWNLOAD:-}" = true ]; then
  info 'Skipping k3s download and verify'
  [ -x "$BIN_DIR/k3s" ] || fatal "Executable k3s binary not found at $BIN_DIR/k3s"
  VERSION_K3S=$(fake_installed_version)
else
  command -v curl >/dev/null 2>&1 || command -v wget >/dev/null 2>&1 || fatal 'Can not find curl or wget for downloading files'
  TMP_DIR=$(mktemp -d -t k3s-install.XXXXXXXXXX)
  trap 'rm -rf "$TMP_DIR"' EXIT
  if [ -n "${INSTALL_K3S_VERSION:-}" ]; then
    VERSION_K3S=$INSTALL_K3S_VERSION
  else
    info "Finding release for channel ${INSTALL_K3S_CHANNEL:-stable}"
    VERSION_K3S=$STABLE_VERSION
  fi
  info "Using $VERSION_K3S as release"
  info "Downloading binary $LAB_URL/k3s ($VERSION_K3S)"
  # A release that does not exist is a 404 for the real installer: "Download failed".
  expr "$VERSION_K3S" : 'v[0-9][0-9]*\.[0-9][0-9]*\.[0-9][0-9]*+k3s[0-9][0-9]*$' >/dev/null || fatal 'Download failed'
  [ ! -e "$FAKE_K3S_SWITCHES/fail-download" ] || fatal 'Download failed'
  if command -v curl >/dev/null 2>&1; then
    curl -o "$TMP_DIR/k3s.download" -sfL "$LAB_URL/k3s" || fatal 'Download failed'
  else
    wget -qO "$TMP_DIR/k3s.download" "$LAB_URL/k3s" || fatal 'Download failed'
  fi
  sed "s/^FAKE_K3S_VERSION=.*/FAKE_K3S_VERSION='$VERSION_K3S'/" "$TMP_DIR/k3s.download" >"$TMP_DIR/k3s.bin"
  if [ -x "$BIN_DIR/k3s" ] && [ "$(sha256sum <"$TMP_DIR/k3s.bin")" = "$($SUDO sha256sum <"$BIN_DIR/k3s")" ]; then
    info 'Skipping binary downloaded, installed k3s matches hash'
  else
    chmod 755 "$TMP_DIR/k3s.bin"
    info "Installing k3s to $BIN_DIR/k3s"
    $SUDO chown root:root "$TMP_DIR/k3s.bin"
    $SUDO mv -f "$TMP_DIR/k3s.bin" "$BIN_DIR/k3s"
  fi
fi

for cmd in kubectl crictl ctr; do
  if [ -e "$BIN_DIR/$cmd" ]; then
    info "Skipping $BIN_DIR/$cmd symlink to k3s, already exists"
  elif which_cmd=$(command -v "$cmd" 2>/dev/null); then
    info "Skipping $BIN_DIR/$cmd symlink to k3s, command exists in PATH at $which_cmd"
  else
    info "Creating $BIN_DIR/$cmd symlink to k3s"
    $SUDO ln -sf k3s "$BIN_DIR/$cmd"
  fi
done

# ---------------------------------------------------------------- killall and uninstall scripts
info "Creating killall script $KILLALL_K3S_SH"
$SUDO tee "$KILLALL_K3S_SH" >/dev/null <<'EOF'
#!/bin/sh
# FAKE k3s-killall.sh (lab): stops k3s and its API endpoint. The real one also kills the containers and removes CNI
# interfaces and KUBE-/flannel iptables rules; the lab has none of those. It never touches sshd or ufw.
[ "$(id -u)" -eq 0 ] || exec sudo "$0" "$@"
. /opt/hdlab/lib/fake-k3s-lib.sh
if [ -s /etc/systemd/system/k3s.service ] || [ -s "$FAKE_K3S_UNIT_STATE/pid" ]; then
  systemctl stop k3s
fi
fake_event killall "$(fake_installed_version)"
EOF
$SUDO chmod 755 "$KILLALL_K3S_SH"
$SUDO chown root:root "$KILLALL_K3S_SH"

info "Creating uninstall script $UNINSTALL_K3S_SH"
$SUDO tee "$UNINSTALL_K3S_SH" >/dev/null <<EOF
#!/bin/sh
# FAKE k3s-uninstall.sh (lab): what the real one removes, and nothing of sshd or ufw.
set -x
[ \$(id -u) -eq 0 ] || exec sudo \$0 \$@
. /opt/hdlab/lib/fake-k3s-lib.sh
fake_event uninstall "\$(fake_installed_version)" "node=\$(cat /run/fake-k3s/node-name 2>/dev/null || echo -)"

$KILLALL_K3S_SH

if command -v systemctl; then
    systemctl disable k3s
    systemctl reset-failed k3s
    systemctl daemon-reload
fi

rm -f $FILE_K3S_SERVICE
rm -f $FILE_K3S_ENV

remove_uninstall() {
    rm -f $UNINSTALL_K3S_SH
}
trap remove_uninstall EXIT

for cmd in kubectl crictl ctr; do
    if [ -L $BIN_DIR/\$cmd ]; then
        rm -f $BIN_DIR/\$cmd
    fi
done

rm -rf /etc/rancher/k3s
rm -rf /run/k3s
rm -rf /run/flannel
rm -rf /run/fake-k3s
rm -rf /var/lib/rancher/k3s
rm -rf /var/lib/kubelet
rm -f $BIN_DIR/k3s
rm -f $KILLALL_K3S_SH
EOF
$SUDO chmod 755 "$UNINSTALL_K3S_SH"
$SUDO chown root:root "$UNINSTALL_K3S_SH"

# ---------------------------------------------------------------- the unit and its environment
$SUDO systemctl disable k3s >/dev/null 2>&1 || true
$SUDO rm -f "$FILE_K3S_SERVICE" "$FILE_K3S_ENV"

info "env: Creating environment file $FILE_K3S_ENV"
$SUDO install -m 600 /dev/null "$FILE_K3S_ENV"
env | grep -E '^(K3S|CONTAINERD)_' | $SUDO tee "$FILE_K3S_ENV" >/dev/null || true
env | grep -Ei '^(NO|HTTP|HTTPS)_PROXY' | $SUDO tee -a "$FILE_K3S_ENV" >/dev/null || true

quote_indent() { # one sh-single-quoted argument per line, as the unit's ExecStart continuation lines
  for arg in "$@"; do
    printf " \\\\\n\t'%s'" "$(printf '%s' "$arg" | sed "s/'/'\\\\''/g")"
  done
}
info "systemd: Creating service file $FILE_K3S_SERVICE"
$SUDO tee "$FILE_K3S_SERVICE" >/dev/null <<EOF
[Unit]
Description=Lightweight Kubernetes
Documentation=https://k3s.io
Wants=network-online.target
After=network-online.target

[Install]
WantedBy=multi-user.target

[Service]
Type=notify
EnvironmentFile=-/etc/default/%N
EnvironmentFile=-/etc/sysconfig/%N
EnvironmentFile=-$FILE_K3S_ENV
KillMode=process
Delegate=yes
User=root
LimitNOFILE=1048576
LimitNPROC=infinity
LimitCORE=infinity
TasksMax=infinity
TimeoutStartSec=0
Restart=always
RestartSec=5s
ExecStartPre=-/sbin/modprobe br_netfilter
ExecStartPre=-/sbin/modprobe overlay
ExecStart=$BIN_DIR/k3s \\
    $CMD_K3S$(quote_indent "$@") \\

EOF

# ---------------------------------------------------------------- the record of this install
n=1
while [ -e "$FAKE_K3S_LOG_DIR/install-$n.args" ]; do n=$((n + 1)); done
$SUDO mkdir -p "$FAKE_K3S_LOG_DIR"
printf '%s\n' "$CMD_K3S" "$@" | $SUDO tee "$FAKE_K3S_LOG_DIR/install-$n.args" >/dev/null
env | grep -E '^(INSTALL_K3S|K3S)_' | sed 's/^\([A-Z0-9_]*TOKEN[A-Z0-9_]*\)=.*/\1=<redacted>/' | sort \
  | $SUDO tee "$FAKE_K3S_LOG_DIR/install-$n.env" >/dev/null || true
# The flags may also be in the configuration file k3s reads (the program writes them there): keep a copy.
[ -f /etc/rancher/k3s/config.yaml ] && $SUDO cp /etc/rancher/k3s/config.yaml "$FAKE_K3S_LOG_DIR/install-$n.config"
node=$(sed -n 's/^--node-name=//p' "$FAKE_K3S_LOG_DIR/install-$n.args" | tail -1)
[ -n "$node" ] || node=$(sed -n 's/^node-name: "\(.*\)"$/\1/p' /etc/rancher/k3s/config.yaml 2>/dev/null | tail -1)
fake_event install "$VERSION_K3S" "n=$n" "node=${node:-$(hostname)}" "cmd=$CMD_K3S" \
  "skip_start=${INSTALL_K3S_SKIP_START:-false}" "skip_enable=${INSTALL_K3S_SKIP_ENABLE:-false}" \
  "args=$FAKE_K3S_LOG_DIR/install-$n.args"

# ---------------------------------------------------------------- enable and start
[ "${INSTALL_K3S_SKIP_ENABLE:-}" != true ] || exit 0
info "systemd: Enabling k3s unit"
$SUDO systemctl enable "$FILE_K3S_SERVICE" >/dev/null
$SUDO systemctl daemon-reload >/dev/null
[ "${INSTALL_K3S_SKIP_START:-}" != true ] || exit 0
if [ "$PRE_INSTALL_HASHES" = "$(installed_hashes)" ] && [ "${INSTALL_K3S_FORCE_RESTART:-}" != true ]; then
  info 'No change detected so skipping service start'
  fake_event no-change "$VERSION_K3S" "n=$n" "node=${node:-$(hostname)}"
  exit 0
fi
info "systemd: Starting k3s"
$SUDO systemctl restart k3s
