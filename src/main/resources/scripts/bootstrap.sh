# Step: OS hardening (runbook §6.2). Packages, fail2ban + iscsid, unattended-upgrades, profile sysctl, key-only sshd.
: "${PACKAGES:?}" "${SSH_USER:?}" "${UNPRIVILEGED_PORT_START:=}" "${KUBE_PROXY_MODE:=iptables}"

log "installing packages: $PACKAGES"
retry 5 10 "apt-get update" -- apt_get update -qq \
  || die "apt-get update failed" "check the node's DNS and outbound HTTP, then run 'pulumi up' again"
read -r -a pkgs <<<"$PACKAGES"
retry 5 10 "apt-get install" -- apt_get install -qq "${pkgs[@]}" \
  || die "installing ${PACKAGES} failed" "ssh in and run 'sudo apt-get install ${PACKAGES}' to see why, then 'pulumi up' again"

if systemd_running; then
  as_root systemctl enable --now iscsid fail2ban
else
  # A root without a running systemd (container, chroot, rescue image) has no service manager to ask.
  log "no systemd running: not enabling/starting iscsid and fail2ban here"
fi

# Non-interactive unattended-upgrades: the same answer dpkg-reconfigure -plow would record.
echo 'unattended-upgrades unattended-upgrades/enable_auto_updates boolean true' | as_root debconf-set-selections
as_root dpkg-reconfigure -f noninteractive -plow unattended-upgrades
printf 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n' \
  | as_root tee /etc/apt/apt.conf.d/20auto-upgrades >/dev/null

sysctl_file=/etc/sysctl.d/90-honeydue.conf
if [ -n "$UNPRIVILEGED_PORT_START" ]; then
  # hostNetwork Traefik runs as non-root and still binds :80/:443 (book ch. 00, layer 1).
  printf 'net.ipv4.ip_unprivileged_port_start=%s\n' "$UNPRIVILEGED_PORT_START" | as_root tee "$sysctl_file" >/dev/null
  as_root sysctl -q -p "$sysctl_file"
elif [ -f "$sysctl_file" ]; then
  as_root rm -f "$sysctl_file"
fi

if [ "$KUBE_PROXY_MODE" = "ipvs" ]; then
  printf '%s\n' ip_vs ip_vs_rr ip_vs_wrr ip_vs_sh nf_conntrack | as_root tee /etc/modules-load.d/honeydue-ipvs.conf >/dev/null
  for m in ip_vs ip_vs_rr ip_vs_wrr ip_vs_sh nf_conntrack; do
    as_root modprobe "$m" || log "modprobe $m failed; kube-proxy will report it if IPVS is unusable"
  done
fi

# Key-only SSH. Refuse if the login user has no authorized key: that change would lock everyone out.
home=$(getent passwd "$SSH_USER" | cut -d: -f6)
if ! as_root test -s "${home}/.ssh/authorized_keys"; then
  die "${SSH_USER} has no ${home}/.ssh/authorized_keys" "install your public key for ${SSH_USER} before disabling passwords"
fi
dropin=/etc/ssh/sshd_config.d/10-honeydue.conf
want=$'PasswordAuthentication no\nKbdInteractiveAuthentication no\nPermitRootLogin prohibit-password\nPubkeyAuthentication yes'
if [ "$(as_root cat "$dropin" 2>/dev/null || true)" != "$want" ]; then
  as_root install -d -m 755 /etc/ssh/sshd_config.d
  printf '%s\n' "$want" | as_root tee "$dropin.new" >/dev/null
  as_root mv "$dropin.new" "$dropin"
  # Validate before reload; a bad config is rolled back and sshd keeps running the old one.
  if ! as_root sshd -t; then
    as_root rm -f "$dropin"
    die "sshd rejected the hardened config (rolled back)" "run 'sudo sshd -t' on the node to see why"
  fi
  # reload keeps existing sessions, including this one.
  if systemd_running; then
    as_root systemctl reload ssh 2>/dev/null || as_root systemctl reload sshd
  elif as_root test -s /run/sshd.pid; then
    as_root kill -HUP "$(as_root cat /run/sshd.pid)" # what the ssh unit's reload does
  else
    log "sshd is not running; it reads the new config when it starts"
  fi
  log "sshd set to key-only authentication"
fi
log "bootstrap complete"
