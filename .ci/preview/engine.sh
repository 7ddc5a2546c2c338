# Sourced by real-preview.sh and examples-preview.sh: `use_engine <work dir>` puts a Pulumi engine on PATH with its
# home, state and passphrase inside the work dir (nothing touches ~/.pulumi or the checkout):
#   - `pulumi` from PATH (an operator's machine), else the one in ../shared/engine (CI), whose Java host needs
#     .ci/preview/host-shim to see runtime.options.binary;
#   - PULUMI_CONFIG_PASSPHRASE from the environment, a random one when unset.
# Needs $root (the checkout) and log().
use_engine() {
  local work=$1 engine bin
  export PULUMI_HOME=$work/pulumi-home PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DIY_BACKEND_GZIP=false
  export PULUMI_CONFIG_PASSPHRASE=${PULUMI_CONFIG_PASSPHRASE:-$(openssl rand -hex 16)}
  mkdir -p "$PULUMI_HOME"
  if command -v pulumi >/dev/null 2>&1 && [ -z "${HONEYDUE_USE_SHARED_ENGINE:-}" ]; then
    log "engine: $(command -v pulumi) ($(pulumi version))"
  else
    engine=$root/../shared/engine/install.sh
    [ -x "$engine" ] || { echo "no pulumi on PATH and no $engine" >&2; exit 2; }
    bin=$("$engine")
    # Its Java host takes runtime.options only as flags, which this CLI no longer passes: see host-shim/.
    export HONEYDUE_REAL_LANGUAGE_HOST=$bin/pulumi-language-java
    PATH="$root/.ci/preview/host-shim:$bin:$PATH"
    export PATH
    log "engine: ../shared/engine ($(pulumi version)), runtime.options passed to its Java host by .ci/preview/host-shim"
  fi
}
