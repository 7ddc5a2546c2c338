// *** API-compatible subset of the generated com.pulumi:cloudflare 6.17.0 Java SDK (see provider-sdks/README.md). ***
// *** Written in the style of pulumi-java-gen output; keep in sync with the published schema. ***

package com.pulumi.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Double;
import java.lang.String;
import java.util.List;
import java.util.Objects;
import java.util.Optional;


public final class OriginCaCertificateArgs extends com.pulumi.resources.ResourceArgs {

    public static final OriginCaCertificateArgs Empty = new OriginCaCertificateArgs();

    /**
     * The Certificate Signing Request (CSR). Must be newline-encoded.
     * 
     */
    @Import(name="csr", required=true)
    private Output<String> csr;

    /**
     * @return The Certificate Signing Request (CSR). Must be newline-encoded.
     * 
     */
    public Output<String> csr() {
        return this.csr;
    }

    /**
     * Array of hostnames or wildcard names bound to the certificate.
     * 
     */
    @Import(name="hostnames", required=true)
    private Output<List<String>> hostnames;

    /**
     * @return Array of hostnames or wildcard names bound to the certificate.
     * 
     */
    public Output<List<String>> hostnames() {
        return this.hostnames;
    }

    /**
     * Signature type desired on certificate (&#34;origin-rsa&#34; (rsa), &#34;origin-ecc&#34; (ecdsa), or &#34;keyless-certificate&#34; (for Keyless SSL servers).
     * Available values: &#34;origin-rsa&#34;, &#34;origin-ecc&#34;, &#34;keyless-certificate&#34;.
     * 
     */
    @Import(name="requestType", required=true)
    private Output<String> requestType;

    /**
     * @return Signature type desired on certificate (&#34;origin-rsa&#34; (rsa), &#34;origin-ecc&#34; (ecdsa), or &#34;keyless-certificate&#34; (for Keyless SSL servers).
     * Available values: &#34;origin-rsa&#34;, &#34;origin-ecc&#34;, &#34;keyless-certificate&#34;.
     * 
     */
    public Output<String> requestType() {
        return this.requestType;
    }

    /**
     * The number of days for which the certificate should be valid.
     * Available values: 7, 30, 90, 365, 730, 1095, 5475.
     * 
     */
    @Import(name="requestedValidity")
    private /* @Nullable */ Output<Double> requestedValidity;

    /**
     * @return The number of days for which the certificate should be valid.
     * Available values: 7, 30, 90, 365, 730, 1095, 5475.
     * 
     */
    public Optional<Output<Double>> requestedValidity() {
        return Optional.ofNullable(this.requestedValidity);
    }

    private OriginCaCertificateArgs() {}

    private OriginCaCertificateArgs(OriginCaCertificateArgs $) {
        this.csr = $.csr;
        this.hostnames = $.hostnames;
        this.requestType = $.requestType;
        this.requestedValidity = $.requestedValidity;
    }

    public static Builder builder() {
        return new Builder();
    }
    public static Builder builder(OriginCaCertificateArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private OriginCaCertificateArgs $;

        public Builder() {
            $ = new OriginCaCertificateArgs();
        }

        public Builder(OriginCaCertificateArgs defaults) {
            $ = new OriginCaCertificateArgs(Objects.requireNonNull(defaults));
        }

        /**
         * @param csr The Certificate Signing Request (CSR). Must be newline-encoded.
         * 
         * @return builder
         * 
         */
        public Builder csr(Output<String> csr) {
            $.csr = csr;
            return this;
        }

        /**
         * @param csr The Certificate Signing Request (CSR). Must be newline-encoded.
         * 
         * @return builder
         * 
         */
        public Builder csr(String csr) {
            return csr(Output.of(csr));
        }

        /**
         * @param hostnames Array of hostnames or wildcard names bound to the certificate.
         * 
         * @return builder
         * 
         */
        public Builder hostnames(Output<List<String>> hostnames) {
            $.hostnames = hostnames;
            return this;
        }

        /**
         * @param hostnames Array of hostnames or wildcard names bound to the certificate.
         * 
         * @return builder
         * 
         */
        public Builder hostnames(List<String> hostnames) {
            return hostnames(Output.of(hostnames));
        }

        /**
         * @param hostnames Array of hostnames or wildcard names bound to the certificate.
         * 
         * @return builder
         * 
         */
        public Builder hostnames(String... hostnames) {
            return hostnames(List.of(hostnames));
        }

        /**
         * @param requestType Signature type desired on certificate (&#34;origin-rsa&#34; (rsa), &#34;origin-ecc&#34; (ecdsa), or &#34;keyless-certificate&#34; (for Keyless SSL servers).
         * Available values: &#34;origin-rsa&#34;, &#34;origin-ecc&#34;, &#34;keyless-certificate&#34;.
         * 
         * @return builder
         * 
         */
        public Builder requestType(Output<String> requestType) {
            $.requestType = requestType;
            return this;
        }

        /**
         * @param requestType Signature type desired on certificate (&#34;origin-rsa&#34; (rsa), &#34;origin-ecc&#34; (ecdsa), or &#34;keyless-certificate&#34; (for Keyless SSL servers).
         * Available values: &#34;origin-rsa&#34;, &#34;origin-ecc&#34;, &#34;keyless-certificate&#34;.
         * 
         * @return builder
         * 
         */
        public Builder requestType(String requestType) {
            return requestType(Output.of(requestType));
        }

        /**
         * @param requestedValidity The number of days for which the certificate should be valid.
         * Available values: 7, 30, 90, 365, 730, 1095, 5475.
         * 
         * @return builder
         * 
         */
        public Builder requestedValidity(/* @Nullable */ Output<Double> requestedValidity) {
            $.requestedValidity = requestedValidity;
            return this;
        }

        /**
         * @param requestedValidity The number of days for which the certificate should be valid.
         * Available values: 7, 30, 90, 365, 730, 1095, 5475.
         * 
         * @return builder
         * 
         */
        public Builder requestedValidity(Double requestedValidity) {
            return requestedValidity(Output.of(requestedValidity));
        }

        public OriginCaCertificateArgs build() {
            if ($.csr == null) {
                throw new MissingRequiredPropertyException("OriginCaCertificateArgs", "csr");
            }
            if ($.hostnames == null) {
                throw new MissingRequiredPropertyException("OriginCaCertificateArgs", "hostnames");
            }
            if ($.requestType == null) {
                throw new MissingRequiredPropertyException("OriginCaCertificateArgs", "requestType");
            }
            return $;
        }
    }

}
