package com.honeydue.infra.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.honeydue.infra.StackFixtures;
import org.junit.jupiter.api.Test;

class RedisConfTest {
    @Test
    void quotesThePasswordAsARedisString() {
        assertThat(RedisConf.render("p\"a\\ss")).endsWith("requirepass \"p\\\"a\\\\ss\"\n");
    }

    @Test
    void redisReadsItsPasswordFromTheMountedFileNeverFromItsArguments() {
        var run = StackFixtures.run("ovh");
        JsonNode pod = run.named("kubernetes:apps/v1:Deployment", "redis").inputs().at("/spec/template/spec");
        JsonNode container = pod.path("containers").get(0);
        assertThat(container.path("args").toString()).doesNotContain("requirepass", "REDIS_PASSWORD")
                .contains("/etc/redis/redis.conf", "--appendonly");
        assertThat(container.path("volumeMounts").toString()).contains("\"mountPath\":\"/etc/redis\"", "\"readOnly\":true");
        assertThat(pod.path("volumes").toString()).contains("\"secretName\":\"honeydue-secrets\"", "\"key\":\"redis.conf\"");
        assertThat(pod.at("/securityContext/fsGroup").asLong()).as("the 0440 file must be readable by the pod's group")
                .isEqualTo(pod.at("/securityContext/runAsGroup").asLong());
    }
}
