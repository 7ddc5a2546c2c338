package com.honeydue.infra.values;

import java.util.Optional;

/**
 * One box: its SSH alias (the operator's name for it), public addresses and Kubernetes node name.
 * The alias and the node name differ on purpose: on Hetzner hetzner1 is ubuntu-8gb-nbg1-2 (book, Conventions).
 */
public record NodeSpec(String alias, String ipv4, Optional<String> ipv6, String k8sName) {}
