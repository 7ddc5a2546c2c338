#!/usr/bin/env bash
# Prints the path of a cached Debian bookworm minbase root (creating it once with debootstrap).
# The root is a pristine template: callers copy it (cp -a) and never modify it.
# It holds only what a stock cloud image already has (sshd, iptables, sudo, ...); the node's own packages
# (fail2ban, unattended-upgrades, open-iscsi, curl, ufw) are installed by the bootstrap step under test.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

INCLUDE=openssh-server,iptables,iproute2,sudo,procps,kmod,ca-certificates,debconf,util-linux
SUITE=bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

key=$(printf '%s %s %s' "$SUITE" "$INCLUDE" "$MIRROR" | sha256sum | cut -c1-12)
template=$VERIFY_CACHE/$SUITE-$key
if [ -f "$template/.complete" ]; then
  printf '%s\n' "$template"
  exit 0
fi

apt_install debootstrap debootstrap >&2
rm -rf "$template.partial"
mkdir -p "$VERIFY_CACHE"
progress "debootstrap --variant=minbase $SUITE (include: $INCLUDE) -> $template (once; about a minute)" >&2
debootstrap --variant=minbase --include="$INCLUDE" "$SUITE" "$template.partial" "$MIRROR" \
  >"$VERIFY_CACHE/debootstrap-$key.log" 2>&1 \
  || { tail -20 "$VERIFY_CACHE/debootstrap-$key.log" >&2; exit 1; }
# debootstrap leaves the host's resolv.conf and an empty apt cache; nothing else is changed.
rm -rf "$template" && mv "$template.partial" "$template"
touch "$template/.complete"
printf '%s\n' "$template"
