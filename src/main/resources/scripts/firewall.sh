# Step: UFW (runbook §3, §6.2). Converges to exactly UFW_RULES without ever closing SSH:
# 22/tcp is allowed first, stale managed rules are removed, then the rest is added, and enable is last.
# ufw reloads its user chains non-atomically (flush, then restore) on every delete and restarts the whole firewall
# on a default-policy change, so while this step runs a guard rule at the top of INPUT (a chain ufw leaves alone)
# keeps new SSH connections accepted; it is removed once the rules have converged.
: "${UFW_RULES:?}"
COMMENT=honeydue-managed
SSH_GUARD=(-p tcp --dport 22 -m comment --comment honeydue-ssh-guard -j ACCEPT)

command -v ufw >/dev/null || die "ufw is not installed" "run the bootstrap step first ('pulumi up' does this)"

mapfile -t desired <<<"$UFW_RULES"

ufw_args() { # split one rule line into words, on purpose
  local -a words
  read -r -a words <<<"$1"
  as_root ufw "${words[@]}" "${@:2}" >/dev/null
}

ssh_guard() { # ssh_guard on|off
  if [ "$1" = on ]; then
    as_root iptables -C INPUT "${SSH_GUARD[@]}" 2>/dev/null || as_root iptables -I INPUT 1 "${SSH_GUARD[@]}"
    as_root ip6tables -C INPUT "${SSH_GUARD[@]}" 2>/dev/null || as_root ip6tables -I INPUT 1 "${SSH_GUARD[@]}" \
      || log "no IPv6 firewall here; SSH guard is IPv4 only"
  else
    while as_root iptables -D INPUT "${SSH_GUARD[@]}" 2>/dev/null; do :; done
    while as_root ip6tables -D INPUT "${SSH_GUARD[@]}" 2>/dev/null; do :; done
  fi
}

# ufw default <policy> <direction> restarts an active firewall even when nothing changes: only set it when it differs.
ufw_default() {
  local policy=$1 direction=$2 key value
  case "$direction" in incoming) key=DEFAULT_INPUT_POLICY ;; outgoing) key=DEFAULT_OUTPUT_POLICY ;; routed) key=DEFAULT_FORWARD_POLICY ;;
    *) die "unknown ufw default direction '$direction' in UFW_RULES" "fix the firewall plan" ;; esac
  case "$policy" in deny) value=DROP ;; allow) value=ACCEPT ;; reject) value=REJECT ;;
    *) die "unknown ufw default policy '$policy' in UFW_RULES" "fix the firewall plan" ;; esac
  if ! as_root grep -qx "${key}=\"${value}\"" /etc/default/ufw; then
    as_root ufw default "$policy" "$direction" >/dev/null
  fi
}

ssh_guard on
ufw_args "allow 22/tcp" comment "$COMMENT"

# Remove rules this program added before but no longer wants (peer removed, CIDR list changed).
while IFS= read -r existing; do
  [ -n "$existing" ] || continue
  [ "$existing" = "allow 22/tcp" ] && continue
  keep=no
  for rule in "${desired[@]}"; do
    [ "$rule" = "$existing" ] && keep=yes && break
  done
  if [ "$keep" = no ]; then
    log "removing stale rule: $existing"
    ufw_args "delete $existing"
  fi
done < <(as_root ufw show added | sed -n "s/^ufw \(.*\) comment '${COMMENT}'\$/\1/p")

for rule in "${desired[@]}"; do
  case "$rule" in
    "" | "--force enable") ;;
    default\ *)
      read -r _ policy direction <<<"$rule"
      ufw_default "$policy" "$direction"
      ;;
    *) ufw_args "$rule" comment "$COMMENT" ;;
  esac
done

as_root ufw --force enable >/dev/null
ssh_guard off
log "firewall converged: ${#desired[@]} rules"
