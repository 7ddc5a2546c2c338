package com.honeydue.infra.engine;

import java.util.List;

/**
 * One resource as the program declared it, seen by a stack transformation at construction time: the
 * construction sequence (program order, which does not depend on async Output resolution), its parent and its
 * explicit {@code dependsOn}. A cross-check for what {@link RecordingMonitor} records, and the stable order render uses.
 */
public record Declaration(long sequence, String urn, String type, String name, String parent, List<String> explicitDependsOn) {}
