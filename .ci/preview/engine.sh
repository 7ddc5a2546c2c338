# shellcheck shell=bash
# Sourced by real-preview.sh, examples-preview.sh and the lab (.ci/lab/run.sh): the real engine and a copy of the
# project, set up the same way for each. Needs $root (the checkout) and a log() function.
#
# use_engine <work dir>: a Pulumi engine on PATH with its home, state and passphrase inside the work dir (nothing
#   touches ~/.pulumi or the checkout): `pulumi` from PATH (an operator's machine), else the one in ../shared/engine
#   (CI, or $ENGINE_SHARED), whose Java host needs .ci/preview/host-shim to see runtime.options.binary. The
#   passphrase is PULUMI_CONFIG_PASSPHRASE from the environment, a random one when unset.
use_engine() {
  local work=$1 shared=${ENGINE_SHARED:-$root/../shared} bin
  export PULUMI_HOME=$work/pulumi-home PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DIY_BACKEND_GZIP=false
  export PULUMI_CONFIG_PASSPHRASE=${PULUMI_CONFIG_PASSPHRASE:-$(openssl rand -hex 16)}
  mkdir -p "$PULUMI_HOME"
  if command -v pulumi >/dev/null 2>&1 && [ -z "${HONEYDUE_USE_SHARED_ENGINE:-}" ]; then
    log "engine: $(command -v pulumi) ($(pulumi version))"
  else
    [ -x "$shared/engine/install.sh" ] || { echo "no pulumi on PATH and no $shared/engine/install.sh" >&2; exit 2; }
    bin=$("$shared/engine/install.sh" 2>"$work/engine-install.log") || { cat "$work/engine-install.log" >&2; exit 2; }
    # Its Java host takes runtime.options only as flags, which this CLI no longer passes: see host-shim/.
    export HONEYDUE_REAL_LANGUAGE_HOST=$bin/pulumi-language-java
    PATH="$root/.ci/preview/host-shim:$bin:$PATH"
    export PATH
    log "engine: ../shared/engine ($(pulumi version)), runtime.options passed to its Java host by .ci/preview/host-shim"
  fi
}

# copy_project <dest>: the project as a clean clone has it (tracked and new files, never build output) plus the
#   program's jar, which it builds first unless that is newer than every source; the copy runs the jar
#   (runtime.options.binary) instead of compiling through Maven.
copy_project() {
  local dest=$1 jar=target/honeydue-infra-jar-with-dependencies.jar out
  if [ ! -f "$root/$jar" ] || [ -n "$(cd "$root" && find src/main provider-sdks pom.xml -newer "$jar" -print -quit)" ]; then
    log "building the program jar"
    if ! out=$(cd "$root" && mvn -B -ntp -q -DskipTests package 2>&1); then echo "$out" >&2; exit 1; fi
  fi
  mkdir -p "$dest"
  (cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - 2>/dev/null) | (cd "$dest" && tar -xf -)
  cp -a "$root/target" "$dest/target"
  (cd "$dest" && .ci/use-prebuilt-jar.sh)
}
