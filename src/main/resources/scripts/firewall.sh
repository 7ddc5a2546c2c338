# Step: UFW (runbook §3, §6.2). Converges to exactly UFW_RULES without ever closing SSH:
# 22/tcp is allowed first, stale managed rules are removed, then the rest is added, and enable is last.
: "${UFW_RULES:?}"
COMMENT=honeydue-managed

command -v ufw >/dev/null || die "ufw is not installed" "run the bootstrap step first ('pulumi up' does this)"

mapfile -t desired <<<"$UFW_RULES"

ufw_args() { # split one rule line into words, on purpose
  local -a words
  read -r -a words <<<"$1"
  as_root ufw "${words[@]}" "${@:2}" >/dev/null
}

ufw_args "allow 22/tcp"

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
    default\ *) ufw_args "$rule" ;;
    *) ufw_args "$rule" comment "$COMMENT" ;;
  esac
done

as_root ufw --force enable >/dev/null
log "firewall converged: ${#desired[@]} rules"
