package com.honeydue.infra.engine;

import java.util.List;

/** A mock run plus what the declaration transformation saw (program order, explicit dependsOn, parents). */
public record ObservedRun(StackRun run, List<Declaration> declarations) {}
