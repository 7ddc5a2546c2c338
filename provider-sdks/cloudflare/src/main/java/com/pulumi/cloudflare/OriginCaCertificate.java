// *** API-compatible subset of the generated com.pulumi:cloudflare 6.17.0 Java SDK (see provider-sdks/README.md). ***
// *** Written in the style of pulumi-java-gen output; keep in sync with the published schema. ***

package com.pulumi.cloudflare;

import com.pulumi.cloudflare.Utilities;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import java.lang.Double;
import java.lang.String;
import java.util.List;
import java.util.Optional;

/**
 * A Cloudflare Origin CA certificate.
 * 
 * ## Import
 * 
 * ```sh
 * $ pulumi import cloudflare:index/originCaCertificate:OriginCaCertificate example &#39;&lt;certificate_id&gt;&#39;
 * ```
 * 
 */
@ResourceType(type="cloudflare:index/originCaCertificate:OriginCaCertificate")
public class OriginCaCertificate extends com.pulumi.resources.CustomResource {
    /**
     * The Origin CA certificate. Will be newline-encoded.
     * 
     */
    @Export(name="certificate", refs={String.class}, tree="[0]")
    private Output<String> certificate;

    /**
     * @return The Origin CA certificate. Will be newline-encoded.
     * 
     */
    public Output<String> certificate() {
        return this.certificate;
    }
    /**
     * The Certificate Signing Request (CSR). Must be newline-encoded.
     * 
     */
    @Export(name="csr", refs={String.class}, tree="[0]")
    private Output</* @Nullable */ String> csr;

    /**
     * @return The Certificate Signing Request (CSR). Must be newline-encoded.
     * 
     */
    public Output<Optional<String>> csr() {
        return Codegen.optional(this.csr);
    }
    /**
     * When the certificate will expire.
     * 
     */
    @Export(name="expiresOn", refs={String.class}, tree="[0]")
    private Output<String> expiresOn;

    /**
     * @return When the certificate will expire.
     * 
     */
    public Output<String> expiresOn() {
        return this.expiresOn;
    }
    /**
     * Array of hostnames or wildcard names bound to the certificate.
     * 
     */
    @Export(name="hostnames", refs={List.class,String.class}, tree="[0,1]")
    private Output</* @Nullable */ List<String>> hostnames;

    /**
     * @return Array of hostnames or wildcard names bound to the certificate.
     * 
     */
    public Output<Optional<List<String>>> hostnames() {
        return Codegen.optional(this.hostnames);
    }
    /**
     * Signature type desired on certificate (&#34;origin-rsa&#34; (rsa), &#34;origin-ecc&#34; (ecdsa), or &#34;keyless-certificate&#34; (for Keyless SSL servers).
     * Available values: &#34;origin-rsa&#34;, &#34;origin-ecc&#34;, &#34;keyless-certificate&#34;.
     * 
     */
    @Export(name="requestType", refs={String.class}, tree="[0]")
    private Output</* @Nullable */ String> requestType;

    /**
     * @return Signature type desired on certificate (&#34;origin-rsa&#34; (rsa), &#34;origin-ecc&#34; (ecdsa), or &#34;keyless-certificate&#34; (for Keyless SSL servers).
     * Available values: &#34;origin-rsa&#34;, &#34;origin-ecc&#34;, &#34;keyless-certificate&#34;.
     * 
     */
    public Output<Optional<String>> requestType() {
        return Codegen.optional(this.requestType);
    }
    /**
     * The number of days for which the certificate should be valid.
     * Available values: 7, 30, 90, 365, 730, 1095, 5475.
     * 
     */
    @Export(name="requestedValidity", refs={Double.class}, tree="[0]")
    private Output<Double> requestedValidity;

    /**
     * @return The number of days for which the certificate should be valid.
     * Available values: 7, 30, 90, 365, 730, 1095, 5475.
     * 
     */
    public Output<Double> requestedValidity() {
        return this.requestedValidity;
    }

    /**
     *
     * @param name The _unique_ name of the resulting resource.
     */
    public OriginCaCertificate(java.lang.String name) {
        this(name, OriginCaCertificateArgs.Empty);
    }
    /**
     *
     * @param name The _unique_ name of the resulting resource.
     * @param args The arguments to use to populate this resource's properties.
     */
    public OriginCaCertificate(java.lang.String name, OriginCaCertificateArgs args) {
        this(name, args, null);
    }
    /**
     *
     * @param name The _unique_ name of the resulting resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param options A bag of options that control this resource's behavior.
     */
    public OriginCaCertificate(java.lang.String name, OriginCaCertificateArgs args, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        super("cloudflare:index/originCaCertificate:OriginCaCertificate", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private OriginCaCertificate(java.lang.String name, Output<java.lang.String> id, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        super("cloudflare:index/originCaCertificate:OriginCaCertificate", name, null, makeResourceOptions(options, id), false);
    }

    private static OriginCaCertificateArgs makeArgs(OriginCaCertificateArgs args, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? OriginCaCertificateArgs.Empty : args;
    }

    private static com.pulumi.resources.CustomResourceOptions makeResourceOptions(/* @Nullable */ com.pulumi.resources.CustomResourceOptions options, /* @Nullable */ Output<java.lang.String> id) {
        var defaultOptions = com.pulumi.resources.CustomResourceOptions.builder()
            .version(Utilities.getVersion())
            .build();
        return com.pulumi.resources.CustomResourceOptions.merge(defaultOptions, options, id);
    }

    /**
     * Get an existing Host resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param options Optional settings to control the behavior of the CustomResource.
     */
    public static OriginCaCertificate get(java.lang.String name, Output<java.lang.String> id, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        return new OriginCaCertificate(name, id, options);
    }
}
