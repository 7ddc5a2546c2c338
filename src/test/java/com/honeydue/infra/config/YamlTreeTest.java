package com.honeydue.infra.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Plain scalars typed as Go's yaml.v3 types them, and the text the engine then stores for them. */
class YamlTreeTest {
    private static Object typed(String plain) {
        return YamlTree.resolvePlain(plain);
    }

    @Test
    void plainScalarsTakeYamlV3Types() {
        assertThat(typed("587")).isEqualTo(BigInteger.valueOf(587));
        assertThat(typed("0x24b")).isEqualTo(BigInteger.valueOf(587));
        assertThat(typed("0o1113")).isEqualTo(BigInteger.valueOf(587));
        assertThat(typed("01113")).as("a leading 0 is octal in yaml.v3").isEqualTo(BigInteger.valueOf(587));
        assertThat(typed("+587")).isEqualTo(BigInteger.valueOf(587));
        assertThat(typed("5_87")).isEqualTo(BigInteger.valueOf(587));
        assertThat(typed("18446744073709551615")).as("uint64 max").isEqualTo(new BigInteger("18446744073709551615"));
        assertThat(typed("18446744073709551616")).as("beyond uint64: a float").isEqualTo(1.8446744073709552E19);
        assertThat(typed("0.1")).isEqualTo(0.1);
        assertThat(typed("09")).as("not octal, but a float").isEqualTo(9.0);
        assertThat(typed("true")).isEqualTo(true);
        assertThat(typed("yes")).as("YAML 1.1 booleans are strings in yaml.v3").isEqualTo("yes");
        assertThat(typed("~")).isNull();
        assertThat(typed("1:30")).as("no sexagesimal").isEqualTo("1:30");
        assertThat(typed("٥")).as("non-ASCII digits are text").isEqualTo("٥");
        assertThat(typed("2026-01-01")).isEqualTo("2026-01-01");
    }

    @Test
    void theEngineStoresNumbersAsGoWritesThem() {
        assertThat(GoText.scalar(BigInteger.valueOf(587))).isEqualTo("587");
        assertThat(GoText.scalar(5.0)).isEqualTo("5");
        assertThat(GoText.scalar(0.1)).isEqualTo("0.1");
        assertThat(GoText.scalar(1e21)).isEqualTo("1e+21");
        assertThat(GoText.scalar(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(GoText.scalar(123456.0)).isEqualTo("123456");
    }

    @Test
    void quotedScalarsStayTextAndDuplicateKeysAreReportedWithBothLines() throws Exception {
        YamlTree.Document d = YamlTree.read("a: '587'\nb: !!str 0x10\nc: 1\nc: 2\n");
        var root = (YamlTree.MapValue) d.root();
        assertThat(((YamlTree.Scalar) root.entries().get("a").value()).value()).isEqualTo("587");
        assertThat(((YamlTree.Scalar) root.entries().get("b").value()).value()).isEqualTo("0x10");
        assertThat(d.duplicates()).singleElement().satisfies(dup -> {
            assertThat(dup.key()).isEqualTo("c");
            assertThat(dup.firstLine()).isEqualTo(3);
            assertThat(dup.line()).isEqualTo(4);
        });
    }
}
