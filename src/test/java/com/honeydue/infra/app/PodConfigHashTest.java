package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.engine.MockStackRunner;
import com.honeydue.infra.engine.RecordedResource;
import com.honeydue.infra.engine.StackRun;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A ConfigMap or Secret change rolls exactly the pods that read it, without the annotation leaking the secret. */
class PodConfigHashTest {
    private static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    private static final String CONFIG = "honeydue/config-sha256";
    private static final String SECRET = "honeydue/secret-hmac-sha256";

    private static Map<String, String> annotations(StackRun run, String deployment) {
        JsonNode a = run.named(DEPLOYMENT, deployment).inputs().at("/spec/template/metadata/annotations");
        Map<String, String> out = new LinkedHashMap<>();
        a.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static StackRun run(Map<String, ?> overrides) {
        return MockStackRunner.run(AppStacks.config("ovh", overrides));
    }

    @Test
    void podsThatReadConfigOrSecretsCarryTheirHashesAndOnlyThose() {
        StackRun base = run(Map.of("smtpPassword", "smtp-1", "redisPassword", "redis-1"));
        for (String app : new String[] {"api", "worker"}) {
            assertThat(annotations(base, app)).as(app).containsKeys(CONFIG, SECRET);
            assertThat(annotations(base, app).get(CONFIG)).matches("[0-9a-f]{64}");
            assertThat(annotations(base, app).get(SECRET)).matches("[0-9a-f]{64}");
        }
        assertThat(annotations(base, "redis")).containsOnlyKeys(SECRET);
        assertThat(annotations(base, "api")).containsEntry("prometheus.io/scrape", "true");
        assertThat(annotations(base, "web")).isEmpty();
        assertThat(annotations(base, "admin")).isEmpty();
        // Published as plain (non-secret) inputs: a keyed digest, never the data.
        RecordedResource api = base.named(DEPLOYMENT, "api");
        assertThat(api.secretPaths()).noneMatch(p -> p.startsWith("/spec/template"));
        assertThat(api.inputs().toString()).doesNotContain("smtp-1", "redis-1");
    }

    @Test
    void aChangeRollsExactlyThePodsThatReadIt() {
        StackRun base = run(Map.of("smtpPassword", "smtp-1", "redisPassword", "redis-1"));
        // A ConfigMap value (EMAIL_HOST): api and worker read the ConfigMap, Redis does not.
        StackRun config = run(Map.of("smtpPassword", "smtp-1", "redisPassword", "redis-1", "smtpHost", "smtp.example.com"));
        assertThat(annotations(config, "api").get(CONFIG)).isNotEqualTo(annotations(base, "api").get(CONFIG));
        assertThat(annotations(config, "worker").get(CONFIG)).isNotEqualTo(annotations(base, "worker").get(CONFIG));
        assertThat(annotations(config, "redis")).isEqualTo(annotations(base, "redis"));
        // A secret only the worker reads (EMAIL_HOST_PASSWORD).
        StackRun smtp = run(Map.of("smtpPassword", "smtp-2", "redisPassword", "redis-1"));
        assertThat(annotations(smtp, "worker").get(SECRET)).isNotEqualTo(annotations(base, "worker").get(SECRET));
        assertThat(annotations(smtp, "api")).isEqualTo(annotations(base, "api"));
        assertThat(annotations(smtp, "redis")).isEqualTo(annotations(base, "redis"));
        // A secret all three read (REDIS_PASSWORD, and redis.conf for Redis).
        StackRun redis = run(Map.of("smtpPassword", "smtp-1", "redisPassword", "redis-2"));
        for (String app : new String[] {"api", "worker", "redis"}) {
            assertThat(annotations(redis, app).get(SECRET)).as(app).isNotEqualTo(annotations(base, app).get(SECRET));
        }
        // Same inputs, same hashes: no rollout on a no-op `pulumi up`.
        assertThat(annotations(run(Map.of("smtpPassword", "smtp-1", "redisPassword", "redis-1")), "api"))
                .isEqualTo(annotations(base, "api"));
    }

    @Test
    void theDigestIsKeyedAndUnambiguous() {
        assertThat(PodConfigHash.hmacSha256("k1", Map.of("a", "b"))).isNotEqualTo(PodConfigHash.hmacSha256("k2", Map.of("a", "b")));
        assertThat(PodConfigHash.sha256(Map.of("a", "bc"))).isNotEqualTo(PodConfigHash.sha256(Map.of("ab", "c")));
        assertThat(PodConfigHash.sha256(Map.of("a", "1", "b", "2"))).isEqualTo(PodConfigHash.sha256(new java.util.TreeMap<>(Map.of("b", "2", "a", "1"))));
    }
}
