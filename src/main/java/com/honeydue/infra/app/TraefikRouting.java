package com.honeydue.infra.app;

import com.pulumi.kubernetes.apiextensions.CustomResource;
import com.pulumi.kubernetes.apiextensions.CustomResourceArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.Ingress;
import com.pulumi.kubernetes.networking.v1.IngressArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressPathArgs;
import com.pulumi.kubernetes.networking.v1.inputs.HTTPIngressRuleValueArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressServiceBackendArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressSpecArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IngressTLSArgs;
import com.pulumi.kubernetes.networking.v1.inputs.ServiceBackendPortArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Traefik's side of the app: the Middleware CRs, k3s' Traefik HelmChartConfig and the Ingresses of {@link IngressPlan}. */
final class TraefikRouting {
    private final AppOwner owner;

    TraefikRouting(AppOwner owner) {
        this.owner = owner;
    }

    List<Resource> middlewares(List<String> cloudflareAllowList, List<Resource> deps) {
        List<Resource> out = new ArrayList<>();
        if (!cloudflareAllowList.isEmpty()) {
            out.add(middleware(IngressPlan.CLOUDFLARE_ONLY,
                    Map.of("ipAllowList", Map.of("sourceRange", cloudflareAllowList)), deps));
        }
        out.add(middleware(IngressPlan.ADMIN_BASIC_AUTH,
                Map.of("basicAuth", Map.of("secret", IngressPlan.ADMIN_BASIC_AUTH, "removeHeader", true)), deps));
        return out;
    }

    private Resource middleware(String name, Map<String, Object> spec, List<Resource> deps) {
        return new CustomResource(name, CustomResourceArgs.builder()
                .apiVersion("traefik.io/v1alpha1").kind("Middleware")
                .metadata(PodParts.meta(name, "ingress"))
                .otherFields(Map.of("spec", spec))
                .build(), owner.opts(deps));
    }

    /** The k3s HelmChartConfig {@code kube-system/traefik}, only when some value overrides k3s's defaults. */
    Optional<CustomResource> helmChartConfig(Map<String, Object> values, List<Resource> deps) {
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CustomResource("traefik", CustomResourceArgs.builder()
                .apiVersion("helm.cattle.io/v1").kind("HelmChartConfig")
                .metadata(ObjectMetaArgs.builder().name("traefik").namespace("kube-system").build())
                .otherFields(Map.of("spec", Map.of("valuesContent", TraefikValues.yaml(values))))
                .build(), CustomResourceOptions.builder().parent(owner.parent()).provider(owner.provider()).dependsOn(deps).build()));
    }

    Ingress ingress(IngressPlan.IngressSpec spec, List<Resource> deps) {
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("traefik.ingress.kubernetes.io/router.entrypoints", spec.entrypoint());
        if (!spec.middlewares().isEmpty()) {
            annotations.put("traefik.ingress.kubernetes.io/router.middlewares", String.join(",",
                    spec.middlewares().stream().map(m -> IngressPlan.middlewareRef(HoneyDueApp.NAMESPACE, m)).toList()));
        }
        if (spec.tls()) {
            annotations.put("traefik.ingress.kubernetes.io/router.tls", "true");
        }
        var rules = spec.routes().stream().map(r -> IngressRuleArgs.builder()
                .host(r.host())
                .http(HTTPIngressRuleValueArgs.builder().paths(HTTPIngressPathArgs.builder()
                        .path(spec.exactPath().orElse("/"))
                        .pathType(spec.exactPath().isPresent() ? "Exact" : "Prefix")
                        .backend(IngressBackendArgs.builder().service(IngressServiceBackendArgs.builder()
                                .name(r.service()).port(ServiceBackendPortArgs.builder().name("http").build()).build()).build())
                        .build()).build())
                .build()).toList();
        var ingressSpec = IngressSpecArgs.builder().ingressClassName("traefik").rules(rules);
        if (spec.tls()) {
            ingressSpec.tls(IngressTLSArgs.builder().secretName(IngressPlan.ORIGIN_CERT_SECRET)
                    .hosts(spec.routes().stream().map(IngressRoute::host).toList()).build());
        }
        return new Ingress(spec.name(), IngressArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(spec.name()).namespace(HoneyDueApp.NAMESPACE)
                        .labels(PodParts.labels(spec.name(), "ingress")).annotations(annotations).build())
                .spec(ingressSpec.build())
                .build(), owner.opts(deps));
    }
}
