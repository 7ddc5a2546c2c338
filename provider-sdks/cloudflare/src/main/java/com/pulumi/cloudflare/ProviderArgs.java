// *** API-compatible subset of the generated com.pulumi:cloudflare 6.17.0 Java SDK (see provider-sdks/README.md). ***
// *** Written in the style of pulumi-java-gen output; keep in sync with the published schema. ***

package com.pulumi.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.core.internal.Codegen;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;


public final class ProviderArgs extends com.pulumi.resources.ResourceArgs {

    public static final ProviderArgs Empty = new ProviderArgs();

    /**
     * The API key for operations. Alternatively, can be configured using the `CLOUDFLARE_API_KEY` environment variable.
     * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
     * 
     */
    @Import(name="apiKey")
    private /* @Nullable */ Output<String> apiKey;

    /**
     * @return The API key for operations. Alternatively, can be configured using the `CLOUDFLARE_API_KEY` environment variable.
     * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
     * 
     */
    public Optional<Output<String>> apiKey() {
        return Optional.ofNullable(this.apiKey);
    }

    /**
     * The API Token for operations. Alternatively, can be configured using the `CLOUDFLARE_API_TOKEN` environment variable.
     * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
     * 
     */
    @Import(name="apiToken")
    private /* @Nullable */ Output<String> apiToken;

    /**
     * @return The API Token for operations. Alternatively, can be configured using the `CLOUDFLARE_API_TOKEN` environment variable.
     * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
     * 
     */
    public Optional<Output<String>> apiToken() {
        return Optional.ofNullable(this.apiToken);
    }

    /**
     * A special Cloudflare API key good for a restricted set of endpoints. Alternatively, can be configured using the
     * `CLOUDFLARE_API_USER_SERVICE_KEY` environment variable. Must provide only one of `api_key`, `api_token`,
     * `api_user_service_key`.
     * 
     */
    @Import(name="apiUserServiceKey")
    private /* @Nullable */ Output<String> apiUserServiceKey;

    /**
     * @return A special Cloudflare API key good for a restricted set of endpoints. Alternatively, can be configured using the
     * `CLOUDFLARE_API_USER_SERVICE_KEY` environment variable. Must provide only one of `api_key`, `api_token`,
     * `api_user_service_key`.
     * 
     */
    public Optional<Output<String>> apiUserServiceKey() {
        return Optional.ofNullable(this.apiUserServiceKey);
    }

    /**
     * A registered Cloudflare email address. Alternatively, can be configured using the `CLOUDFLARE_EMAIL` environment
     * variable. Required when using `api_key`. Conflicts with `api_token`.
     * 
     */
    @Import(name="email")
    private /* @Nullable */ Output<String> email;

    /**
     * @return A registered Cloudflare email address. Alternatively, can be configured using the `CLOUDFLARE_EMAIL` environment
     * variable. Required when using `api_key`. Conflicts with `api_token`.
     * 
     */
    public Optional<Output<String>> email() {
        return Optional.ofNullable(this.email);
    }

    private ProviderArgs() {}

    private ProviderArgs(ProviderArgs $) {
        this.apiKey = $.apiKey;
        this.apiToken = $.apiToken;
        this.apiUserServiceKey = $.apiUserServiceKey;
        this.email = $.email;
    }

    public static Builder builder() {
        return new Builder();
    }
    public static Builder builder(ProviderArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ProviderArgs $;

        public Builder() {
            $ = new ProviderArgs();
        }

        public Builder(ProviderArgs defaults) {
            $ = new ProviderArgs(Objects.requireNonNull(defaults));
        }

        /**
         * @param apiKey The API key for operations. Alternatively, can be configured using the `CLOUDFLARE_API_KEY` environment variable.
         * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
         * 
         * @return builder
         * 
         */
        public Builder apiKey(/* @Nullable */ Output<String> apiKey) {
            $.apiKey = apiKey;
            return this;
        }

        /**
         * @param apiKey The API key for operations. Alternatively, can be configured using the `CLOUDFLARE_API_KEY` environment variable.
         * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
         * 
         * @return builder
         * 
         */
        public Builder apiKey(String apiKey) {
            return apiKey(Output.of(apiKey));
        }

        /**
         * @param apiToken The API Token for operations. Alternatively, can be configured using the `CLOUDFLARE_API_TOKEN` environment variable.
         * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
         * 
         * @return builder
         * 
         */
        public Builder apiToken(/* @Nullable */ Output<String> apiToken) {
            $.apiToken = apiToken;
            return this;
        }

        /**
         * @param apiToken The API Token for operations. Alternatively, can be configured using the `CLOUDFLARE_API_TOKEN` environment variable.
         * Must provide only one of `api_key`, `api_token`, `api_user_service_key`.
         * 
         * @return builder
         * 
         */
        public Builder apiToken(String apiToken) {
            return apiToken(Output.of(apiToken));
        }

        /**
         * @param apiUserServiceKey A special Cloudflare API key good for a restricted set of endpoints. Alternatively, can be configured using the
         * `CLOUDFLARE_API_USER_SERVICE_KEY` environment variable. Must provide only one of `api_key`, `api_token`,
         * `api_user_service_key`.
         * 
         * @return builder
         * 
         */
        public Builder apiUserServiceKey(/* @Nullable */ Output<String> apiUserServiceKey) {
            $.apiUserServiceKey = apiUserServiceKey;
            return this;
        }

        /**
         * @param apiUserServiceKey A special Cloudflare API key good for a restricted set of endpoints. Alternatively, can be configured using the
         * `CLOUDFLARE_API_USER_SERVICE_KEY` environment variable. Must provide only one of `api_key`, `api_token`,
         * `api_user_service_key`.
         * 
         * @return builder
         * 
         */
        public Builder apiUserServiceKey(String apiUserServiceKey) {
            return apiUserServiceKey(Output.of(apiUserServiceKey));
        }

        /**
         * @param email A registered Cloudflare email address. Alternatively, can be configured using the `CLOUDFLARE_EMAIL` environment
         * variable. Required when using `api_key`. Conflicts with `api_token`.
         * 
         * @return builder
         * 
         */
        public Builder email(/* @Nullable */ Output<String> email) {
            $.email = email;
            return this;
        }

        /**
         * @param email A registered Cloudflare email address. Alternatively, can be configured using the `CLOUDFLARE_EMAIL` environment
         * variable. Required when using `api_key`. Conflicts with `api_token`.
         * 
         * @return builder
         * 
         */
        public Builder email(String email) {
            return email(Output.of(email));
        }

        public ProviderArgs build() {
            $.apiKey = Codegen.stringProp("apiKey").secret().arg($.apiKey).getNullable();
            $.apiToken = Codegen.stringProp("apiToken").secret().arg($.apiToken).getNullable();
            $.apiUserServiceKey = Codegen.stringProp("apiUserServiceKey").secret().arg($.apiUserServiceKey).getNullable();
            return $;
        }
    }

}
