package com.honeydue.infra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports run one way: the stack (App, HoneyDueStack, stack/) → the components → their planners and the workload
 * constructs (workload/) → values/.
 * config/ only reads stack files; it knows no component. A component never reads config itself: the stack adapter
 * builds its args. No class grows past about 300 lines. The import rules read the compiled classes, so a fully qualified name in code counts as an import.
 */
class LayeringTest {
    private static final String BASE = "com.honeydue.infra";
    private static final String[] COMPONENTS = {BASE + ".cluster..", BASE + ".app..", BASE + ".observability..",
            BASE + ".edge..", BASE + ".cutover..", BASE + ".k8s.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void valuesImportNothingOfOurs() {
        noClasses().that().resideInAPackage(BASE + ".values..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(BASE + "..")
                        .and(JavaClass.Predicates.resideOutsideOfPackage(BASE + ".values..")))
                .check(classes);
    }

    @Test
    void constructsImportOnlyValues() {
        noClasses().that().resideInAPackage(BASE + ".workload..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage(BASE + "..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages(BASE + ".workload..", BASE + ".values..")))
                .check(classes);
    }

    @Test
    void componentsNeverReadConfigNorReachIntoTheStackTheCliOrTheRender() {
        noClasses().that().resideInAnyPackage(COMPONENTS)
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".config..", BASE + ".stack..",
                        BASE + ".cli..", BASE + ".render..", BASE + ".engine..")
                .check(classes);
        noClasses().that().resideInAnyPackage(COMPONENTS)
                .should().dependOnClassesThat().resideInAPackage(BASE)
                .check(classes);
    }

    @Test
    void appAndObservabilityNeverReachIntoEachOther() {
        noClasses().that().resideInAPackage(BASE + ".app..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".observability..").check(classes);
        noClasses().that().resideInAPackage(BASE + ".observability..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".app..").check(classes);
    }

    @Test
    void configKnowsOnlyValues() {
        noClasses().that().resideInAPackage(BASE + ".config..")
                .should().dependOnClassesThat().resideInAnyPackage(COMPONENTS)
                .orShould().dependOnClassesThat().resideInAnyPackage(BASE + ".stack..", BASE + ".cli..",
                        BASE + ".render..", BASE + ".engine..")
                .check(classes);
    }

    @Test
    void theStackAdapterNeverReachesIntoTheCliOrTheRender() {
        noClasses().that().resideInAPackage(BASE + ".stack..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".cli..", BASE + ".render..",
                        BASE + ".engine..")
                .check(classes);
    }

    /** "About 300": a class that grows past this is doing more than one job and should be split. */
    @Test
    void noMainClassIsOverAbout300Lines() throws IOException {
        var root = Path.of("src/main/java");
        try (var files = Files.walk(root)) {
            var tooLong = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try (var lines = Files.lines(f)) {
                    return lines.count() > MAX_CLASS_LINES;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).map(root::relativize).map(Object::toString).toList();
            assertThat(tooLong).as("classes over %d lines", MAX_CLASS_LINES).isEmpty();
        }
    }

    private static final int MAX_CLASS_LINES = 320;

    private static final String ANNOTATIONS_AT_END = "(\\n@\\w+(\\([^)]*\\))?)+\\s*$";

    /** A library user reads the components, their args and the constructs from their Javadoc first. */
    @Test
    void everyPublicClassOfTheLibraryHasJavadoc() throws IOException {
        var declaration = java.util.regex.Pattern.compile("(?m)^public (final |abstract )*(class|record|enum|interface) ");
        List<String> undocumented = new java.util.ArrayList<>();
        for (String pkg : List.of("cluster", "app", "observability", "edge", "cutover", "workload", "values")) {
            try (var files = Files.list(Path.of("src/main/java/com/honeydue/infra", pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    var m = declaration.matcher(text);
                    String before = m.find() ? text.substring(0, m.start()).replaceAll(ANNOTATIONS_AT_END, "").strip() : "*/";
                    if (!before.endsWith("*/")) {
                        undocumented.add(pkg + "/" + f.getFileName());
                    }
                }
            }
        }
        assertThat(undocumented).as("public classes without a Javadoc comment").isEmpty();
    }

    @Test
    void ourPackagesHaveNoCycles() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
