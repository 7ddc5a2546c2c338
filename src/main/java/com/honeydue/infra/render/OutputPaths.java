package com.honeydue.infra.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last guard on render's output paths. Paths are built from validated identifiers only (node aliases, step and
 * object names through {@link KubernetesObjects#safe}); this refuses, as an internal error, any path that is not
 * relative, not under one of render's own entries, has a segment outside [A-Za-z0-9._-], a "." or ".." segment, or a
 * segment longer than a file name may be, so nothing is ever written outside the output directory.
 */
final class OutputPaths {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputPaths() {}

    static void check(Collection<String> paths, List<String> owned) {
        for (String path : paths) {
            String[] segments = path.split("/", -1);
            boolean ok = owned.contains(segments[0]);
            for (String segment : segments) {
                ok &= SEGMENT.matcher(segment).matches() && !segment.equals(".") && !segment.equals("..")
                        && segment.getBytes(StandardCharsets.UTF_8).length <= 255;
            }
            if (!ok) {
                throw new IllegalStateException("internal error: render output path "
                        + com.honeydue.infra.values.Shown.value(path) + " is not a plain relative path under "
                        + String.join(", ", owned) + "; nothing was written");
            }
        }
    }

    /** {@code root/relative}, refusing anything that would resolve outside {@code root}. */
    static Path resolve(Path root, String relative) {
        Path p = root.resolve(relative).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new IllegalStateException("internal error: render output path "
                    + com.honeydue.infra.values.Shown.value(relative) + " resolves outside the output directory");
        }
        return p;
    }

    /** A new, empty directory {@code parent/<prefix><random>} with the default permissions. */
    static Path freshDirectory(Path parent, String prefix) throws IOException {
        for (int attempt = 0; ; attempt++) {
            byte[] b = new byte[6];
            RANDOM.nextBytes(b);
            try {
                return Files.createDirectory(parent.resolve(prefix + HexFormat.of().formatHex(b)));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }
}
