package com.honeydue.infra.app;

import com.pulumi.kubernetes.Provider;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.List;

/**
 * Who owns the app's Kubernetes objects: the component (their parent) and the cluster's provider. The small
 * builders of this package register their resources through it, so every child stays parented to
 * {@link HoneyDueApp} and uses the cluster's provider.
 */
record AppOwner(Resource parent, Provider provider) {
    CustomResourceOptions.Builder builder(List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).provider(provider).dependsOn(dependsOn);
    }

    CustomResourceOptions opts(List<Resource> dependsOn) {
        return builder(dependsOn).build();
    }
}
