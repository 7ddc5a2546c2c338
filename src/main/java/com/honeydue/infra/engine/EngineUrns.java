package com.honeydue.infra.engine;

import pulumirpc.Resource.RegisterResourceResponse;

/**
 * URNs as the real engine writes them. The SDK's mock monitor qualifies a child of the root stack with the stack's
 * type ({@code ...::pulumi:pulumi:Stack$honeydue:cluster:K3sNodeGroup::cluster}); the engine leaves the root stack's
 * type out of every qualified type ({@code ...::honeydue:cluster:K3sNodeGroup::cluster}), which is what `pulumi
 * preview` and the state show. Render and parity need the engine's form.
 */
public final class EngineUrns {
    static final String ROOT_STACK_PREFIX = "pulumi:pulumi:Stack$";

    private EngineUrns() {}

    /** {@code urn:pulumi:<stack>::<project>::<qualified type>::<name>} with the root stack's type dropped. */
    public static String normalize(String urn) {
        if (urn == null) {
            return null;
        }
        int typeStart = nthSeparator(urn, 2);
        if (typeStart < 0 || !urn.startsWith(ROOT_STACK_PREFIX, typeStart)) {
            return urn;
        }
        return urn.substring(0, typeStart) + urn.substring(typeStart + ROOT_STACK_PREFIX.length());
    }

    static RegisterResourceResponse asEngineRecordsThem(RegisterResourceResponse response) {
        String urn = normalize(response.getUrn());
        return urn.equals(response.getUrn()) ? response : response.toBuilder().setUrn(urn).build();
    }

    /** Index just after the n-th "::" in the URN, or -1. */
    private static int nthSeparator(String urn, int n) {
        int i = -2;
        for (int k = 0; k < n; k++) {
            i = urn.indexOf("::", i + 2);
            if (i < 0) {
                return -1;
            }
        }
        return i + 2;
    }
}
