// *** API-compatible port of com.pulumi.kubernetes.apiextensions (later pulumi-kubernetes Java SDKs) for kubernetes 4.0.0. ***
// *** See provider-sdks/README.md. ***

package com.pulumi.kubernetes.apiextensions;

/**
 * The set of arguments for constructing a {@link CustomResource}: `apiVersion`, `kind`,
 * `metadata` and any other top-level fields (`spec`, ...) via
 * {@link CustomResourceArgsBase.Builder#otherFields} / {@link CustomResourceArgsBase.Builder#otherField}.
 */
public final class CustomResourceArgs extends CustomResourceArgsBase {

    public static final CustomResourceArgs Empty = new CustomResourceArgs();

    private CustomResourceArgs() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(CustomResourceArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder extends CustomResourceArgsBase.Builder<CustomResourceArgs, Builder> {
        public Builder() {
            super(new CustomResourceArgs());
        }

        public Builder(CustomResourceArgs defaults) {
            super(new CustomResourceArgs(), defaults);
        }
    }
}
