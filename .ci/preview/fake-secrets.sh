#!/usr/bin/env bash
# fake-secrets.sh <project dir> <out dir>: one file per secret key of Pulumi.yaml (secret: true, and every
# "optional secret"), named after the key, holding a well-formed FAKE value: what an operator's secrets directory
# for bin/stack-setup looks like, with nothing real in it. Every key gets a file, so a key that the README's steps
# (bin/stack-setup) forget to set shows up as unset afterwards.
set -euo pipefail
project=$(cd "${1:?usage: fake-secrets.sh <project dir> <out dir>}" && pwd)
out=${2:?usage: fake-secrets.sh <project dir> <out dir>}
python3 -c 'import yaml' 2>/dev/null \
  || python3 -m pip install -q --disable-pip-version-check --root-user-action=ignore "pyyaml==6.0.2" >&2
mkdir -p "$out"
chmod 700 "$out"
umask 077

keys=$(python3 - "$project/Pulumi.yaml" <<'PY'
import sys, yaml
config = yaml.safe_load(open(sys.argv[1]))["config"]
for key, decl in config.items():
    if decl.get("secret") or str(decl.get("description", "")).startswith("optional secret"):
        print(key)
PY
)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for key in $keys; do
  case "$key" in
    sshPrivateKey) ssh-keygen -q -t ed25519 -N '' -C fake-ci-key -f "$tmp/ssh"; cp "$tmp/ssh" "$out/$key" ;;
    apnsAuthKey) openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$out/$key" 2>/dev/null ;;
    originPrivateKeyPem) openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/$key" 2>/dev/null ;;
    originCsrPem)
      [ -f "$out/originPrivateKeyPem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/originPrivateKeyPem" 2>/dev/null
      openssl req -new -key "$out/originPrivateKeyPem" -subj "/CN=fake-ci.invalid" -out "$out/$key" ;;
    originCertificatePem)
      [ -f "$out/originPrivateKeyPem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$out/originPrivateKeyPem" 2>/dev/null
      openssl req -new -x509 -days 2 -key "$out/originPrivateKeyPem" -subj "/CN=fake-ci.invalid" -out "$out/$key" ;;
    *Url) printf 'https://fake-ci.invalid/%s\n' "$key" >"$out/$key" ;;
    *) printf 'fake-ci-%s-%s\n' "$key" "$(openssl rand -hex 20)" >"$out/$key" ;;
  esac
done
printf '%s\n' $keys
