package com.honeydue.infra.values;

import java.util.Optional;

/** An extra operator rule from config: a port or range, a protocol, and an optional source CIDR (else any). */
public record FirewallRuleSpec(String ports, String proto, Optional<String> from) {}
