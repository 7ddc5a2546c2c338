package com.honeydue.infra.config;

import com.honeydue.infra.stack.StackConfig;
import com.honeydue.infra.stack.StackConfigLoader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.honeydue.infra.ConfigOverrides;
import com.honeydue.infra.StackFixtures;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Class 5 of the hostile-config issue: the offline render reads a stack file the way the real engine does, so both
 * give the same verdict. Each expectation was checked against `pulumi preview` of engine v3.259 (docs/config-input.md).
 */
class StackFileAsPulumiReadsItTest {
    private static final ConfigSchema SCHEMA = ConfigOverrides.schema();

    private static String ovh() throws Exception {
        return Files.readString(StackFixtures.PROJECT.resolve("Pulumi.ovh.yaml"));
    }

    private static StackConfig load(String yaml, List<String> warnings) throws Exception {
        return StackConfigLoader.load(SCHEMA, RawConfig.fromStackYaml("ovh", yaml), warnings::add);
    }

    private static ConfigValidationException refused(String yaml) {
        Throwable t = catchThrowable(() -> load(yaml, new ArrayList<>()));
        assertThat(t).as("the stack file must be refused").isInstanceOf(ConfigValidationException.class);
        return (ConfigValidationException) t;
    }

    @Test
    void aKeyOfAForeignNamespaceIsAcceptedLikeTheEngineDoesButWarnedAboutByName() throws Exception {
        List<String> warnings = new ArrayList<>();
        StackConfig c = load(ovh() + "  honeydue:k3sVersion: v1.35.0+k3s1\n  kubernetes:context: lab\n", warnings);
        assertThat(c.cluster().k3sVersion()).isEqualTo("v1.34.6+k3s1");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("honeydue:k3sVersion", "never reads it", "did you mean 'honeydue-infra:k3sVersion'");
    }

    @Test
    void aBareKeyIsTheProjectsKeyAsTheEngineRewritesIt() throws Exception {
        String yaml = ovh().replace("  honeydue-infra:k3sVersion: v1.34.6+k3s1\n", "  k3sVersion: v1.35.1+k3s1\n");
        assertThat(load(yaml, new ArrayList<>()).cluster().k3sVersion()).isEqualTo("v1.35.1+k3s1");
    }

    @Test
    void aBareKeyNextToItsQualifiedTwinIsRefusedBecauseTheEngineKeepsEitherAtRandom() throws Exception {
        var e = refused(ovh() + "  k3sVersion: v1.35.0+k3s1\n");
        assertThat(e.getMessage()).contains("honeydue-infra:k3sVersion: is set twice", "'k3sVersion'", "keeps either value");
    }

    @Test
    void theSameKeyTwiceIsRefusedWithBothLinesAsTheEngineRefusesIt() throws Exception {
        var e = refused(ovh() + "  honeydue-infra:sshUser: root\n");
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).contains("honeydue-infra:sshUser: is set twice in the stack file, at lines 11 and",
                "mapping key \"honeydue-infra:sshUser\" already defined at line 11");
    }

    @Test
    void aTopLevelTypoIsOneProblemNamingItNotEveryMissingKey() throws Exception {
        var e = refused(ovh().replace("\nconfig:\n", "\nconfg:\n"));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.getMessage()).contains("Pulumi.ovh.yaml:3: top-level key 'confg' is not a stack file setting",
                "did you mean 'config'", "sets no config at all");
    }

    @Test
    void anUnknownTopLevelKeyBesideConfigIsIgnoredByTheEngineSoItIsAWarning() throws Exception {
        List<String> warnings = new ArrayList<>();
        load(ovh() + "notes:\n  owner: ops\n", warnings);
        assertThat(warnings).singleElement().asString().contains("top-level key 'notes'", "ignores it");
    }

    @Test
    void aYamlAliasResolvesToItsAnchoredValueAndMergeKeysMerge() throws Exception {
        String yaml = ovh().replace("honeydue-infra:sshUser: ubuntu", "honeydue-infra:sshUser: &who deploy")
                .replace("honeydue-infra:registryUser: admin", "honeydue-infra:registryUser: *who")
                + "  <<: {honeydue-infra:smtpUser: merged-user}\n";
        StackConfig c = load(yaml, new ArrayList<>());
        assertThat(c.app().registry().user()).isEqualTo("deploy");
        assertThat(c.cluster().sshUser()).isEqualTo("deploy");
        assertThat(c.app().smtpUser()).isEqualTo("merged-user");
    }

    @Test
    void theOldConfigModuleFormIsTheSameKeyAndAnyOtherColonIsRefused() throws Exception {
        String yaml = ovh().replace("  honeydue-infra:k3sVersion: v1.34.6+k3s1\n", "  honeydue-infra:config:k3sVersion: v1.35.2+k3s1\n");
        assertThat(load(yaml, new ArrayList<>()).cluster().k3sVersion()).isEqualTo("v1.35.2+k3s1");
        assertThat(refused(ovh() + "  honeydue-infra:a:b:c: x\n").getMessage())
                .contains("could not parse 'honeydue-infra:a:b:c' as a configuration key", "`<namespace>:<name>`");
    }

    @Test
    void anEmptyValueIsTheEmptyStringAsInTheEngineNotTheDefault() throws Exception {
        List<String> warnings = new ArrayList<>();
        var e = (ConfigValidationException) catchThrowable(() -> load(ovh().replace("honeydue-infra:k3sVersion: v1.34.6+k3s1",
                "honeydue-infra:k3sVersion:"), warnings));
        assertThat(e.getMessage()).contains("honeydue-infra:k3sVersion: '' is not valid");
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("honeydue-infra:k3sVersion has no value", "empty string"));
    }

    @Test
    void scalarsReachTheProgramAsTheEngineStoresThem() throws Exception {
        // yaml.v3 reads 0x24b as the integer 587 and the engine stores "587"; a quoted "0x24b" stays text.
        StackConfig c = load(ovh().replace("honeydue-infra:smtpPort: 587", "honeydue-infra:smtpPort: 0x24b"), new ArrayList<>());
        assertThat(c.app().smtpPort()).isEqualTo(587);
        assertThat(refused(ovh().replace("honeydue-infra:smtpPort: 587", "honeydue-infra:smtpPort: \"0x24b\"")).getMessage())
                .contains("honeydue-infra:smtpPort: '0x24b' is not an integer");
    }

    @Test
    void anEmptyPlainValueForASecretTrueKeyIsRefusedAsTheEngineRefusesIt() throws Exception {
        assertThat(refused(ovh() + "  honeydue-infra:sshPrivateKey: \"\"\n").getMessage())
                .contains("honeydue-infra:sshPrivateKey: is a secret but holds an empty plain-text value", "must be encrypted");
    }

    @Test
    void syntaxErrorsNameTheLineAndAStackFileThatIsNotAMapIsRefused() {
        Throwable t = catchThrowable(() -> RawConfig.fromStackYaml("ovh", "config:\n  a: [unclosed\n"));
        assertThat(t).isInstanceOf(YamlTree.SyntaxException.class).hasMessageContaining("line ");
        assertThat(refused("- just\n- a list\n").getMessage()).contains("must be a YAML map");
    }

    @Test
    void aSelfReferencingAliasOrAnAliasBombIsRefusedNotExpanded() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        assertThat(catchThrowable(() -> YamlTree.read(bomb))).isInstanceOf(YamlTree.SyntaxException.class);
        assertThat(catchThrowable(() -> YamlTree.read("a: &a [*a]\n"))).isInstanceOf(YamlTree.SyntaxException.class);
    }
}
