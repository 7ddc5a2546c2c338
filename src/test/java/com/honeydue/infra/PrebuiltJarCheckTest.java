package com.honeydue.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrebuiltJarCheckTest {
    @Test
    void aJarOlderThanAnySourceIsStaleWithTheCommandToRebuildIt(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Path source = project.resolve("src/main/java/A.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class A {}");
        Path jar = project.resolve("target/app.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        Instant now = Instant.now();
        Files.setLastModifiedTime(project.resolve("pom.xml"), FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(source, FileTime.from(now.minusSeconds(60)));
        Files.setLastModifiedTime(jar, FileTime.from(now.minusSeconds(30)));
        assertThat(PrebuiltJarCheck.staleness(project, jar)).isEmpty();

        Files.setLastModifiedTime(source, FileTime.from(now));
        assertThat(PrebuiltJarCheck.staleness(project, jar)).hasValueSatisfying(m -> assertThat(m)
                .contains("is older than src/main/java/A.java", "mvn -B -DskipTests package"));
        assertThat(PrebuiltJarCheck.staleness(project, null)).as("not running from a jar").isEmpty();
    }
}
