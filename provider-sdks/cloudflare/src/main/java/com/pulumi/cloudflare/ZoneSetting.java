// *** API-compatible subset of the generated com.pulumi:cloudflare 6.17.0 Java SDK (see provider-sdks/README.md). ***
// *** Written in the style of pulumi-java-gen output; keep in sync with the published schema. ***

package com.pulumi.cloudflare;

import com.pulumi.cloudflare.Utilities;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.core.internal.Codegen;
import java.lang.Object;
import java.lang.String;
import java.util.Optional;

/**
 * A single Cloudflare zone setting (`settingId` + JSON `value`).
 * 
 */
@ResourceType(type="cloudflare:index/zoneSetting:ZoneSetting")
public class ZoneSetting extends com.pulumi.resources.CustomResource {
    /**
     * Setting name
     * 
     */
    @Export(name="settingId", refs={String.class}, tree="[0]")
    private Output<String> settingId;

    /**
     * @return Setting name
     * 
     */
    public Output<String> settingId() {
        return this.settingId;
    }
    /**
     * Current value of the zone setting.
     * 
     */
    @Export(name="value", refs={Object.class}, tree="[0]")
    private Output<Object> value;

    /**
     * @return Current value of the zone setting.
     * 
     */
    public Output<Object> value() {
        return this.value;
    }
    /**
     * Identifier
     * 
     */
    @Export(name="zoneId", refs={String.class}, tree="[0]")
    private Output</* @Nullable */ String> zoneId;

    /**
     * @return Identifier
     * 
     */
    public Output<Optional<String>> zoneId() {
        return Codegen.optional(this.zoneId);
    }

    /**
     *
     * @param name The _unique_ name of the resulting resource.
     */
    public ZoneSetting(java.lang.String name) {
        this(name, ZoneSettingArgs.Empty);
    }
    /**
     *
     * @param name The _unique_ name of the resulting resource.
     * @param args The arguments to use to populate this resource's properties.
     */
    public ZoneSetting(java.lang.String name, ZoneSettingArgs args) {
        this(name, args, null);
    }
    /**
     *
     * @param name The _unique_ name of the resulting resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param options A bag of options that control this resource's behavior.
     */
    public ZoneSetting(java.lang.String name, ZoneSettingArgs args, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        super("cloudflare:index/zoneSetting:ZoneSetting", name, makeArgs(args, options), makeResourceOptions(options, Codegen.empty()), false);
    }

    private ZoneSetting(java.lang.String name, Output<java.lang.String> id, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        super("cloudflare:index/zoneSetting:ZoneSetting", name, null, makeResourceOptions(options, id), false);
    }

    private static ZoneSettingArgs makeArgs(ZoneSettingArgs args, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        if (options != null && options.getUrn().isPresent()) {
            return null;
        }
        return args == null ? ZoneSettingArgs.Empty : args;
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
    public static ZoneSetting get(java.lang.String name, Output<java.lang.String> id, /* @Nullable */ com.pulumi.resources.CustomResourceOptions options) {
        return new ZoneSetting(name, id, options);
    }
}
