#!/usr/bin/env bash
# real-preview.sh [stack...]   (default: ovh prod)
#
# The README's "Running it for real" with the real Pulumi engine, for each stack, then render parity:
#   1. the engine: `pulumi` from PATH (an operator's machine), else the one in ../shared/engine (CI);
#   2. a file backend and PULUMI_HOME in a temp dir (nothing touches ~/.pulumi or the checkout), a passphrase from
#      PULUMI_CONFIG_PASSPHRASE (a random one when unset);
#   3. bin/stack-setup on a copy of the project, exactly as the README tells an operator, with a directory of FAKE
#      secrets (one per secret key of Pulumi.yaml) and a facts file (zone id, full image digests, and for a stack that
#      owns the public DNS existingDnsRecords=imported, README step 4);
#      then every secret key must be set: a key the README's steps forget fails here, by name;
#   4. `pulumi preview --json`: a failed preview or an error diagnostic fails;
#   5. bin/honeydue-infra render of the same project copy, and `bin/honeydue-infra parity` against the preview.
# Prints one line per stack:
#   real preview ovh: 99 to create, 0 errors (13.1 s); parity ovh: 99/99 resources, 0 input differences, ...
# The temp dir (state, logs, the engine's home) is removed at the end; REAL_PREVIEW_KEEP=1 keeps it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
stacks=("$@")
[ ${#stacks[@]} -gt 0 ] || stacks=(ovh prod)
work=$(mktemp -d /tmp/honeydue-real-preview.XXXXXX)
cleanup() { if [ "${REAL_PREVIEW_KEEP:-}" = 1 ]; then echo "real-preview: kept $work" >&2; else rm -rf "$work"; fi; }
trap cleanup EXIT
trap 'exit 143' TERM INT
log() { printf '[real-preview %4ss] %s\n' "$SECONDS" "$*" >&2; }

# shellcheck source-path=SCRIPTDIR source=engine.sh
. "$root/.ci/preview/engine.sh"
use_engine "$work"

log "project copy"
copy_project "$work/project"
mkdir -p "$work/state"
pulumi login --non-interactive "file://$work/state" >/dev/null

"$root/.ci/preview/fake-secrets.sh" "$work/project" "$work/secrets" >"$work/secret-keys.txt"

# The command SDK subset against the real plugin's published schema. Cloudflare's and kubernetes' GetSchema are stubs in
# this engine build, and the cloudflare plugin's Check keeps an input it does not know (DnsRecordArgs with `proxyed`
# previewed with 0 errors and `proxyed: true` in the inputs), so those subsets are held to the upstream SDK's names by
# ProviderSdkSchemaTest and ProviderSdkMockEngineTest in `mvn verify`, which fail on such a misspelling.
log "command SDK subset vs \`pulumi package get-schema command\`"
pulumi package get-schema command >"$work/command-schema.json"
if ! out=$(cd "$root" && mvn -B -ntp -q test -Dtest=CommandPluginSchemaTest -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dhoneydue.commandSchema=$work/command-schema.json" 2>&1); then
  echo "$out" | grep -E "subset|schema|Expecting" | head -40
  echo "plugin schema: the command SDK subset does not match the plugin's schema"
  exit 1
fi
tail -1 "$root/target/surefire-reports/com.honeydue.infra.sdk.CommandPluginSchemaTest-output.txt"

# bench <stack> <runs>: warm `pulumi preview` wall times, with the prebuilt jar (runtime.options.binary) and with the
# Java host's default executor (`mvn compile exec:java`), alternating, best and median of each (bench/preview-bench.sh).
bench() {
  local stack=$1 runs=$2 mode i t0
  declare -A times=()
  for ((i = 0; i < runs; i++)); do
    for mode in jar maven; do
      if [ "$mode" = maven ]; then
        sed -i '/^  options:$/d; /^    binary: /d' "$work/project/Pulumi.yaml"
      else
        (cd "$work/project" && .ci/use-prebuilt-jar.sh)
      fi
      t0=$(date +%s.%N)
      (cd "$work/project" && pulumi preview --stack "$stack" --json --non-interactive) >/dev/null 2>&1 \
        || { echo "bench $stack: preview failed ($mode)"; return 1; }
      times[$mode]+="$(echo "$(date +%s.%N) - $t0" | bc) "
    done
  done
  (cd "$work/project" && .ci/use-prebuilt-jar.sh)
  for mode in jar maven; do
    printf 'bench %s: preview with %s: best %s s, median %s s (%s warm runs)\n' "$stack" \
      "$([ "$mode" = jar ] && echo "the prebuilt jar (runtime.options.binary)" || echo "mvn compile exec:java")" \
      "$(tr ' ' '\n' <<<"${times[$mode]}" | grep . | sort -n | head -1 | xargs printf '%.1f')" \
      "$(tr ' ' '\n' <<<"${times[$mode]}" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' | xargs printf '%.1f')" "$runs"
  done
}

failures=0
for stack in "${stacks[@]}"; do
  facts=$work/$stack.facts
  {
    echo "cloudflareZoneId=0123456789abcdef0123456789abcdef"
    # what the README's facts file gives beyond the runbook: the SMTP login, the in-app admin, the APNs ids
    echo "smtpUser=fake-ci-login@fake-ci.invalid"
    echo "adminEmail=admin@fake-ci.invalid"
    echo "apnsKeyId=FAKECIKEY1"
    echo "apnsTeamId=FAKECITEAM"
    echo "apnsTopic=invalid.fake-ci.honeydue"
    # README step 4: a stack that owns the public DNS adopts the records the zone already has (ovh: runbook §4's 12)
    # and then says so. CI's fake state holds no imported record, so its preview shows them as creates.
    if grep -qx '  honeydue-infra:ownsPublicDns: true' "$work/project/Pulumi.$stack.yaml"; then echo "existingDnsRecords=imported"; fi
    # the committed digests are the runbook's prefixes padded with zeros; a real preview refuses them
    sed -n "s/^  honeydue-infra:\([a-zA-Z]*Image\): \([^ @]*\)@sha256:.*/\1 \2/p" "$work/project/Pulumi.$stack.yaml" \
      | while read -r key repo; do echo "$key=$repo@sha256:$(printf '%s' "$stack$key" | sha256sum | cut -c1-64)"; done
  } >"$facts"
  log "$stack: bin/stack-setup (the README's steps)"
  (cd "$work/project" && bin/stack-setup --stack "$stack" --secrets-dir "$work/secrets" --facts "$facts") >"$work/$stack.setup.log" 2>&1 \
    || { cat "$work/$stack.setup.log" >&2; echo "real preview $stack: bin/stack-setup failed" ; failures=$((failures + 1)); continue; }
  set_keys=$(cd "$work/project" && pulumi config --stack "$stack" --json | python3 -c 'import json,sys; print("\n".join(k.split(":",1)[1] for k,v in json.load(sys.stdin).items() if v.get("secret")))')
  unset_keys=$(comm -23 <(sort "$work/secret-keys.txt") <(printf '%s\n' "$set_keys" | sort))
  if [ -n "$unset_keys" ]; then
    echo "real preview $stack: the README's steps (bin/stack-setup) never set these secrets: $(echo $unset_keys)"
    failures=$((failures + 1))
    continue
  fi

  log "$stack: pulumi preview --json"
  preview_start=$SECONDS
  rc=0
  (cd "$work/project" && timeout 900 pulumi preview --stack "$stack" --json --non-interactive) \
    >"$work/$stack.preview.json" 2>"$work/$stack.preview.err" || rc=$?
  secs=$((SECONDS - preview_start))
  summary=$(python3 "$root/.ci/preview/preview_summary.py" "$work/$stack.preview.json")
  echo "real preview $stack: ${summary%%$'\n'*} (${secs} s)"
  if [ "$rc" -ne 0 ] || ! grep -q ', 0 errors' <<<"${summary%%$'\n'*}"; then
    tail -n +2 <<<"$summary"
    [ -s "$work/$stack.preview.err" ] && sed 's/^/  stderr | /' "$work/$stack.preview.err" | tail -20
    failures=$((failures + 1))
    continue
  fi

  "$root/bin/honeydue-infra" render --stack "$stack" --project-dir "$work/project" --out "$work/render/$stack" \
    >"$work/$stack.render.log" 2>&1 || { cat "$work/$stack.render.log"; failures=$((failures + 1)); continue; }
  if ! "$root/bin/honeydue-infra" parity --plan "$work/render/$stack/plan.json" --preview "$work/$stack.preview.json" \
      >"$work/$stack.parity.txt"; then
    failures=$((failures + 1))
  fi
  cat "$work/$stack.parity.txt"
  if [ "${REAL_PREVIEW_BENCH:-0}" -gt 0 ]; then
    bench "$stack" "$REAL_PREVIEW_BENCH"
  fi
done
[ "$failures" -eq 0 ] || { echo "real-preview: $failures stack(s) failed"; exit 1; }
