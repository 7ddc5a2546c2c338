package com.honeydue.infra.sdk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.pulumi.cloudflare.DnsRecord;
import com.pulumi.cloudflare.DnsRecordArgs;
import com.pulumi.cloudflare.OriginCaCertificate;
import com.pulumi.cloudflare.OriginCaCertificateArgs;
import com.pulumi.cloudflare.Provider;
import com.pulumi.cloudflare.ProviderArgs;
import com.pulumi.cloudflare.ZoneSetting;
import com.pulumi.cloudflare.ZoneSettingArgs;
import com.pulumi.command.remote.CopyToRemote;
import com.pulumi.command.remote.CopyToRemoteArgs;
import com.pulumi.command.remote.inputs.ConnectionArgs;
import com.pulumi.command.remote.inputs.ProxyConnectionArgs;
import com.pulumi.command.remote.outputs.Connection;
import com.pulumi.command.remote.outputs.ProxyConnection;
import com.pulumi.core.annotations.EnumType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.honeydue.infra.sdk.SchemaExcerpt.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the provider SDK subsets under provider-sdks/ against the saved upstream schema excerpts
 * (src/test/resources/provider-schemas/*.json).
 * <p>
 * Rule, per implemented resource (R = resource class, A = its Args class, S = excerpt entry for the token):
 * <ol>
 *   <li>the {@code @ResourceType} token of R is the excerpt key;</li>
 *   <li>every {@code @Import} name on A is in S.inputProperties (no invented inputs), and
 *       S.inputProperties minus A's names is exactly the list of inputs this subset deliberately omits
 *       ({@link #OMITTED_INPUTS}); so every schema input we claim to support is present;</li>
 *   <li>the {@code @Import(required=true)} names on A are exactly S.requiredInputs minus the omitted inputs;</li>
 *   <li>every {@code @Export} name on R is in S.properties, and S.properties minus R's names is exactly
 *       {@link #OMITTED_OUTPUTS}; when the excerpt records properties as unknown (null), R's exports must
 *       at least be schema inputs (tfbridge/native providers echo every input as an output);</li>
 *   <li>S.aliases equals the alias types in R's default options, and, where the excerpt knows the secret
 *       flags, S.secretProperties equals the default additionalSecretOutputs.</li>
 * </ol>
 */
class ProviderSdkSchemaTest {

    static final SchemaExcerpt COMMAND = SchemaExcerpt.load("command-1.2.1.json");
    static final SchemaExcerpt CLOUDFLARE = SchemaExcerpt.load("cloudflare-6.17.0.json");

    static final Map<String, Set<String>> OMITTED_INPUTS = Map.of(
        "pulumi:providers:cloudflare", Set.of("apiBasePath", "apiHostname", "userAgentOperatorSuffix"),
        "cloudflare:index/dnsRecord:DnsRecord", Set.of("data", "settings"),
        "cloudflare:index/zoneSetting:ZoneSetting", Set.of("enabled"));
    static final Map<String, Set<String>> OMITTED_OUTPUTS = Map.of(
        "pulumi:providers:cloudflare", Set.of("apiBasePath", "apiHostname", "userAgentOperatorSuffix"),
        "cloudflare:index/dnsRecord:DnsRecord", Set.of("data", "settings"));

    static Stream<Arguments> resources() {
        return Stream.of(
            Arguments.of(COMMAND, com.pulumi.command.remote.Command.class, com.pulumi.command.remote.CommandArgs.class),
            Arguments.of(COMMAND, CopyToRemote.class, CopyToRemoteArgs.class),
            Arguments.of(COMMAND, com.pulumi.command.local.Command.class, com.pulumi.command.local.CommandArgs.class),
            Arguments.of(CLOUDFLARE, Provider.class, ProviderArgs.class),
            Arguments.of(CLOUDFLARE, DnsRecord.class, DnsRecordArgs.class),
            Arguments.of(CLOUDFLARE, ZoneSetting.class, ZoneSettingArgs.class),
            Arguments.of(CLOUDFLARE, OriginCaCertificate.class, OriginCaCertificateArgs.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("resources")
    void resourceMatchesSchemaExcerpt(SchemaExcerpt schema, Class<?> resource, Class<?> args) {
        String token = token(resource);
        var entry = schema.resource(token); // rule 1: throws if the token is not in the excerpt

        var inputs = names(entry, "inputProperties");
        var omittedIn = OMITTED_INPUTS.getOrDefault(token, Set.of());
        assertThat(importNames(args)).as("rule 2: %s inputs are schema inputs", token).isSubsetOf(inputs);
        assertThat(minus(inputs, importNames(args))).as("rule 2: %s schema inputs not implemented", token)
            .isEqualTo(new TreeSet<>(omittedIn));

        assertThat(requiredImportNames(args)).as("rule 3: %s required inputs", token)
            .isEqualTo(minus(names(entry, "requiredInputs"), omittedIn));

        var properties = names(entry, "properties");
        if (properties != null) {
            assertThat(exportNames(resource)).as("rule 4: %s outputs are schema properties", token).isSubsetOf(properties);
            assertThat(minus(properties, exportNames(resource))).as("rule 4: %s schema properties not implemented", token)
                .isEqualTo(new TreeSet<>(OMITTED_OUTPUTS.getOrDefault(token, Set.of())));
        } else {
            assertThat(exportNames(resource)).as("rule 4: %s outputs (properties unknown)", token).isSubsetOf(inputs);
        }

        var options = defaultOptions(resource);
        assertThat(aliasTypes(options)).as("rule 5: %s aliases", token).isEqualTo(names(entry, "aliases"));
        var secrets = names(entry, "secretProperties");
        if (secrets != null) {
            assertThat(set(options.getAdditionalSecretOutputs())).as("rule 5: %s secret outputs", token).isEqualTo(secrets);
        }
    }

    @Test
    void connectionTypesMatchSchema() {
        var conn = COMMAND.type("command:remote:Connection");
        var proxy = COMMAND.type("command:remote:ProxyConnection");
        assertThat(importNames(ConnectionArgs.class)).isEqualTo(names(conn, "properties"));
        assertThat(requiredImportNames(ConnectionArgs.class)).isEqualTo(names(conn, "required"));
        assertThat(customTypeFieldNames(Connection.class)).isEqualTo(names(conn, "properties"));
        assertThat(importNames(ProxyConnectionArgs.class)).isEqualTo(names(proxy, "properties"));
        assertThat(requiredImportNames(ProxyConnectionArgs.class)).isEqualTo(names(proxy, "required"));
        assertThat(customTypeFieldNames(ProxyConnection.class)).isEqualTo(names(proxy, "properties"));
    }

    @Test
    void connectionArgsApplySchemaDefaults() {
        var defaults = COMMAND.type("command:remote:Connection").get("defaults");
        var args = ConnectionArgs.builder().host("10.0.0.1").build();
        assertThat(value(args.port().orElseThrow())).isEqualTo(defaults.get("port").asDouble()).isEqualTo(22.0);
        assertThat(value(args.user().orElseThrow())).isEqualTo(defaults.get("user").asText()).isEqualTo("root");
        assertThat(value(args.dialErrorLimit().orElseThrow())).isEqualTo(defaults.get("dialErrorLimit").asInt()).isEqualTo(10);
        assertThat(value(args.perDialTimeout().orElseThrow())).isEqualTo(defaults.get("perDialTimeout").asInt()).isEqualTo(15);
        var explicit = ConnectionArgs.builder().host("h").port(2222.0).user("ubuntu").build();
        assertThat(value(explicit.port().orElseThrow())).isEqualTo(2222.0);
        assertThat(value(explicit.user().orElseThrow())).isEqualTo("ubuntu");
    }

    @Test
    void loggingEnumsMatchSchema() {
        for (var pair : Map.of(
                "command:remote:Logging", com.pulumi.command.remote.enums.Logging.class,
                "command:local:Logging", com.pulumi.command.local.enums.Logging.class).entrySet()) {
            Class<? extends Enum<?>> enumClass = pair.getValue();
            assertThat(enumClass.getAnnotation(EnumType.class)).isNotNull();
            var values = Arrays.stream(enumClass.getEnumConstants())
                .map(c -> c instanceof com.pulumi.command.remote.enums.Logging r ? r.getValue()
                    : ((com.pulumi.command.local.enums.Logging) c).getValue())
                .collect(Collectors.toList());
            var expected = new java.util.ArrayList<String>();
            COMMAND.type(pair.getKey()).get("enum").forEach(v -> expected.add(v.asText()));
            assertThat(values).as(pair.getKey()).isEqualTo(expected);
        }
        assertThat(com.pulumi.command.remote.enums.Logging.StdoutAndStderr.getValue()).isEqualTo("stdoutAndStderr");
        assertThat(com.pulumi.command.remote.enums.Logging.None.getValue()).isEqualTo("none");
    }

    @Test
    void commandAndCopyToRemoteMarkConnectionSecret() {
        assertThat(defaultOptions(com.pulumi.command.remote.Command.class).getAdditionalSecretOutputs()).containsExactly("connection");
        assertThat(defaultOptions(CopyToRemote.class).getAdditionalSecretOutputs()).containsExactly("connection");
    }

    @Test
    void dnsRecordCarriesRecordAlias() {
        assertThat(aliasTypes(defaultOptions(DnsRecord.class))).containsExactly("cloudflare:index/record:Record");
    }

    @Test
    void cloudflareProviderApiTokenIsSecret() {
        var args = ProviderArgs.builder().apiToken("t0ken").email("ops@example.com").build();
        assertThat(isSecret(args.apiToken().orElseThrow())).isTrue();
        assertThat(value(args.apiToken().orElseThrow())).isEqualTo("t0ken");
        assertThat(isSecret(args.email().orElseThrow())).isFalse();
        assertThat(defaultOptions(Provider.class).getAdditionalSecretOutputs()).contains("apiToken");
        assertThat(token(Provider.class)).isEqualTo("pulumi:providers:cloudflare");
    }

    @Test
    void pluginResourcesCarryTheSubsetVersions() throws IOException {
        assertThat(com.pulumi.command.Utilities.getVersion()).isEqualTo("1.2.1");
        assertThat(com.pulumi.cloudflare.Utilities.getVersion()).isEqualTo("6.17.0");
        assertPluginJson("com/pulumi/command/plugin.json", "command", "1.2.1");
        assertPluginJson("com/pulumi/cloudflare/plugin.json", "cloudflare", "6.17.0");
        // The resource options carry the version so the engine picks the matching plugin.
        assertThat(defaultOptions(com.pulumi.command.local.Command.class).getVersion()).contains("1.2.1");
        assertThat(defaultOptions(ZoneSetting.class).getVersion()).contains("6.17.0");
    }

    private static void assertPluginJson(String resource, String name, String version) throws IOException {
        try (var in = ProviderSdkSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            var json = new ObjectMapper().readTree(in);
            assertThat(json.get("resource").asBoolean()).isTrue();
            assertThat(json.get("name").asText()).isEqualTo(name);
            assertThat(json.get("version").asText()).isEqualTo(version);
        }
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        var out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }
}
