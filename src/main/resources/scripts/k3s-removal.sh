# Step: arms this node's removal. Creating it changes nothing on the node; its delete (k3s-uninstall.sh) runs only
# when the node leaves the stack's `nodes`, or on `pulumi destroy`. It is a resource of its own so that an upgrade
# or any other change to the server step (which re-runs in place) can never run an uninstall.
: "${NODE_NAME:?}"
log "k3s on ${NODE_NAME} is managed by honeydue-infra: removing this node from the stack uninstalls k3s here"
