package com.honeydue.infra.app;

import com.honeydue.infra.workload.SecureDefaults;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The building blocks every app pod shares: labels, metadata, the restricted security context, probes, env refs. */
final class PodParts {
    private PodParts() {}

    static ResourceRequirementsArgs resources(WorkloadSpec.Resources r) {
        return SecureDefaults.resources(r.cpuRequest(), r.memoryRequest(), r.cpuLimit(), r.memoryLimit());
    }

    static ProbeArgs probe(Probe p) {
        var b = ProbeArgs.builder()
                .periodSeconds(p.periodSeconds())
                .timeoutSeconds(p.timeoutSeconds())
                .failureThreshold(p.failureThreshold());
        if (p.initialDelaySeconds() > 0) {
            b.initialDelaySeconds(p.initialDelaySeconds());
        }
        if (p.httpPath().isPresent()) {
            b.httpGet(HTTPGetActionArgs.builder().path(p.httpPath().get()).port(p.port()).build());
        } else if (!p.execCommand().isEmpty()) {
            b.exec(ExecActionArgs.builder().command(p.execCommand()).build());
        } else {
            b.tcpSocket(TCPSocketActionArgs.builder().port(p.port()).build());
        }
        return b.build();
    }

    static List<VolumeMountArgs> writableMounts(List<String> paths) {
        List<VolumeMountArgs> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(VolumeMountArgs.builder().name("writable-" + i).mountPath(paths.get(i)).build());
        }
        return out;
    }

    static List<VolumeArgs> writableVolumes(List<String> paths) {
        List<VolumeArgs> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            out.add(VolumeArgs.builder().name("writable-" + i)
                    .emptyDir(EmptyDirVolumeSourceArgs.builder().sizeLimit("256Mi").build()).build());
        }
        return out;
    }

    static EnvVarArgs secretEnv(String env, String key, boolean optional) {
        var ref = SecretKeySelectorArgs.builder().name(HoneyDueApp.APP_SECRETS).key(key);
        if (optional) {
            ref.optional(true);
        }
        return EnvVarArgs.builder().name(env).valueFrom(EnvVarSourceArgs.builder().secretKeyRef(ref.build()).build()).build();
    }

    static EnvVarArgs configEnv(String key) {
        return EnvVarArgs.builder().name(key).valueFrom(EnvVarSourceArgs.builder()
                .configMapKeyRef(ConfigMapKeySelectorArgs.builder().name(HoneyDueApp.CONFIG_MAP).key(key).build()).build()).build();
    }

    static EnvVarArgs plainEnv(String name, String value) {
        return EnvVarArgs.builder().name(name).value(value).build();
    }

    static Map<String, String> partOf() {
        return Map.of("app.kubernetes.io/part-of", "honeydue");
    }

    static Map<String, String> labels(String name, String component) {
        Map<String, String> l = new LinkedHashMap<>();
        l.put(NetworkPolicyPlan.NAME_LABEL, name);
        l.put("app.kubernetes.io/part-of", "honeydue");
        l.put("app.kubernetes.io/component", component);
        return l;
    }

    static ObjectMetaArgs meta(String name, String component) {
        return ObjectMetaArgs.builder().name(name).namespace(HoneyDueApp.NAMESPACE).labels(labels(name, component)).build();
    }
}
