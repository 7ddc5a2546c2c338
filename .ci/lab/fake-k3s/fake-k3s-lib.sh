# shellcheck shell=sh disable=SC2034
# FAKE k3s, lab boxes only: what the fake installer, k3s binary, systemctl and uninstall script share.
# Installed in the kit layer as /opt/hdlab/lib/fake-k3s-lib.sh (POSIX sh: the installer runs under sh).
#
# The event log, append-only, one line per event:
#   <UTC time, ms> <event> version=<k3s version or -> [key=value ...]
# e.g. 2026-06-03T10:00:01.123Z install version=v1.34.6+k3s1 n=1 node=vps-1624d691 cmd=server args=/var/log/fake-k3s/install-1.args
FAKE_K3S_LOG_DIR=/var/log/fake-k3s
FAKE_K3S_EVENTS=$FAKE_K3S_LOG_DIR/events.log
FAKE_K3S_SWITCHES=/etc/fake-k3s          # switch files a scenario creates on the box (see the lab README)
FAKE_K3S_UNIT_STATE=/run/fake-systemd/k3s # the fake service manager's state for k3s.service
FAKE_K3S_SHARE=/opt/hdlab/share           # read-only from the host: lab CA, kubeconfigs (kube.sh writes them)
FAKE_K3S_KUBECTL=/opt/hdlab/bin/kubectl
FAKE_K3S_LAB_API=https://10.77.0.1:6443
FAKE_K3S_TOKEN_SECRET=hdlab-fake-k3s-cluster-token # kube-system Secret: the lab cluster's join token

# fake_event <event> <version> [key=value ...]
fake_event() {
  _e=$1 _v=${2:--}
  shift
  [ $# -eq 0 ] || shift
  mkdir -p "$FAKE_K3S_LOG_DIR"
  printf '%s %s version=%s%s\n' "$(date -u +%Y-%m-%dT%H:%M:%S.%3NZ)" "$_e" "$_v" "${*:+ $*}" >>"$FAKE_K3S_EVENTS"
}

# The version of the installed k3s binary, or "-" when none is installed.
fake_installed_version() {
  sed -n "s/^FAKE_K3S_VERSION='\(.*\)'\$/\1/p" /usr/local/bin/k3s 2>/dev/null | head -1 | grep . || echo -
}

# fake_lab_kubectl [kubectl args...]: the fake's own access to the lab API server (not the node's k3s.yaml).
fake_lab_kubectl() {
  "$FAKE_K3S_KUBECTL" --kubeconfig="$FAKE_K3S_SHARE/supervisor.kubeconfig" --request-timeout=10s "$@"
}
