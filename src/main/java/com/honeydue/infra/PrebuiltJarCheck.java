package com.honeydue.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * With {@code runtime.options.binary} Pulumi runs the prebuilt jar instead of compiling the sources, so a jar built
 * before the last edit would deploy old code. When the program runs from a jar inside a checkout, any source newer
 * than the jar stops it before anything is registered, with the command that rebuilds it.
 */
final class PrebuiltJarCheck {
    private static final List<String> SOURCES = List.of("src/main", "provider-sdks", "pom.xml");

    private PrebuiltJarCheck() {}

    /** @return why the jar is stale, or empty when it is fresh or the program does not run from a jar */
    static Optional<String> staleness(Path projectDir) {
        return staleness(projectDir, runningJar());
    }

    static Optional<String> staleness(Path projectDir, Path jar) {
        if (jar == null || !Files.isRegularFile(projectDir.resolve("pom.xml"))) {
            return Optional.empty();
        }
        try {
            FileTime built = Files.getLastModifiedTime(jar);
            for (String source : SOURCES) {
                Path root = projectDir.resolve(source);
                if (!Files.exists(root)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(root)) {
                    Optional<Path> newer = files.filter(Files::isRegularFile).filter(f -> isNewer(f, built)).findFirst();
                    if (newer.isPresent()) {
                        return Optional.of("the prebuilt jar " + jar + " (runtime.options.binary in Pulumi.yaml) is older than "
                                + projectDir.relativize(newer.get()) + "; rebuild it with `mvn -B -DskipTests package`, "
                                + "or remove runtime.options.binary to compile from source");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    private static boolean isNewer(Path file, FileTime than) {
        try {
            return Files.getLastModifiedTime(file).compareTo(than) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path runningJar() {
        try {
            var source = PrebuiltJarCheck.class.getProtectionDomain().getCodeSource();
            Path path = source == null ? null : Path.of(source.getLocation().toURI());
            return path != null && path.toString().endsWith(".jar") ? path : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
