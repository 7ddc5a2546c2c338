#!/usr/bin/env bash
# Proves the rendered stacks with real tools (issue 8). Run as root on a bare Debian/Ubuntu machine:
#
#   .ci/verify/all.sh <project dir>
#
# 1. renders both stacks (bin/honeydue-infra render --stack ovh|prod)
# 2. validates every Kubernetes object: kubernetes-validate (strict, Kubernetes 1.34) and, for Traefik CRs,
#    the CRD schema shipped in npm @kubernetes-models/traefik; other CRs are listed as skipped
# 3. shellcheck on every rendered node script (default severity: every finding counts)
# 4. runs one ovh node's steps on a throwaway Debian root in its own network namespace (node-sandbox.sh):
#    real apt/ufw/iptables/sshd, fake k3s installer; firewall assertions, idempotence, SSH probes, fault tests
# Installs what it needs (apt-get, pip, npm) only when missing. Ends with one summary line and exits
# non-zero when anything failed. See docs/verification.md for what is real and what is substituted.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
project=$(cd "${1:?usage: all.sh <project dir>}" && pwd)
export VERIFY_FAILURES
VERIFY_FAILURES=$(mktemp /tmp/honeydue-verify-failures.XXXXXX)
. "$HERE/lib.sh"
trap 'rm -f "$VERIFY_FAILURES"' EXIT
[ "$(id -u)" -eq 0 ] || { echo "all.sh must run as root (network namespaces, chroot, mounts)" >&2; exit 2; }

KUBERNETES_VALIDATE_VERSION=1.37.0
TRAEFIK_MODELS_VERSION=2.0.0

# ---------------------------------------------------------------- tools
progress "tools"
apt_install shellcheck shellcheck
apt_install debootstrap debootstrap
apt_install ip iproute2
apt_install chroot coreutils
apt_install node nodejs npm
python3 -c "import kubernetes_validate, sys; sys.exit(0 if kubernetes_validate.__version__ == '$KUBERNETES_VALIDATE_VERSION' else 1)" 2>/dev/null \
  || { progress "pip install kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"
       python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION"; }
npm_prefix=$VERIFY_CACHE/npm
if [ ! -f "$npm_prefix/node_modules/@kubernetes-models/traefik/package.json" ] \
   || ! grep -q "\"version\": \"$TRAEFIK_MODELS_VERSION\"" "$npm_prefix/node_modules/@kubernetes-models/traefik/package.json"; then
  progress "npm install @kubernetes-models/traefik@$TRAEFIK_MODELS_VERSION"
  mkdir -p "$npm_prefix"
  npm install --silent --no-audit --no-fund --prefix "$npm_prefix" "@kubernetes-models/traefik@$TRAEFIK_MODELS_VERSION" >/dev/null
fi
printf '  shellcheck %s, kubernetes-validate %s, @kubernetes-models/traefik %s, node %s\n' \
  "$(shellcheck --version | sed -n 's/^version: //p')" "$KUBERNETES_VALIDATE_VERSION" "$TRAEFIK_MODELS_VERSION" "$(node --version)"

# ---------------------------------------------------------------- 1. render
stacks=(ovh prod)
for stack in "${stacks[@]}"; do
  progress "render --stack $stack"
  rm -rf "$project/build/render/$stack"
  if ! (cd "$project" && bin/honeydue-infra render --stack "$stack") >"/tmp/honeydue-render-$stack.log" 2>&1; then
    tail -20 "/tmp/honeydue-render-$stack.log"
    fail "render --stack $stack"
  fi
done

# ---------------------------------------------------------------- 2. Kubernetes objects
progress "Kubernetes objects: kubernetes-validate --strict (1.34) + CRD schemas"
dirs=()
for stack in "${stacks[@]}"; do dirs+=("$project/build/render/$stack"); done
python3 "$HERE/k8s_validate.py" --npm-prefix="$npm_prefix" "${dirs[@]}" | tee /tmp/honeydue-k8s.txt | grep -v '^{'
k8s=$(tail -1 /tmp/honeydue-k8s.txt)
k8s_objects=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["objects"])' "$k8s")
k8s_skipped=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["skipped"])' "$k8s")
grep '^  FAIL' /tmp/honeydue-k8s.txt | sed 's/^  FAIL /k8s: /' >>"$VERIFY_FAILURES" || true
[ "$k8s_objects" -gt 0 ] || fail "no Kubernetes object was rendered"

# ---------------------------------------------------------------- 3. shellcheck
progress "shellcheck (default severity) on every rendered node script"
scripts=0
for stack in "${stacks[@]}"; do
  for sh in "$project/build/render/$stack"/nodes/*/*.sh; do
    [ -e "$sh" ] || continue
    scripts=$((scripts + 1))
    label=${sh#"$project/build/render/"}
    if out=$(shellcheck -x "$sh" 2>&1); then pass "shellcheck $label"; else fail "shellcheck $label"; printf '%s\n' "$out" | sed 's/^/      | /'; fi
  done
done
[ "$scripts" -gt 0 ] || fail "no node script was rendered"

# ---------------------------------------------------------------- 4+5. node scripts on a Debian root
progress "node scripts on a real Debian root (ovh)"
"$HERE/node-sandbox.sh" "$project/build/render/ovh" | tee /tmp/honeydue-sandbox.txt
sandbox=$(tail -1 /tmp/honeydue-sandbox.txt)
rules=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["rules"])' "$sandbox" 2>/dev/null || echo 0)
[ "$rules" -gt 0 ] || fail "sandbox asserted no firewall rule"

failures=$(grep -c . "$VERIFY_FAILURES" || true)
if [ "$failures" -gt 0 ]; then
  echo "failures:"
  sed 's/^/  - /' "$VERIFY_FAILURES"
fi
progress "done"
echo "verified: $k8s_objects k8s objects ($k8s_skipped skipped), $scripts scripts, $rules firewall rules; $failures failures"
[ "$failures" -eq 0 ]
