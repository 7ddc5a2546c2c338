// *** API-compatible subset of the generated com.pulumi:cloudflare 6.17.0 Java SDK (see provider-sdks/README.md). ***
// *** Written in the style of pulumi-java-gen output; keep in sync with the published schema. ***

package com.pulumi.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.Object;
import java.lang.String;
import java.util.Objects;
import java.util.Optional;


public final class ZoneSettingArgs extends com.pulumi.resources.ResourceArgs {

    public static final ZoneSettingArgs Empty = new ZoneSettingArgs();

    /**
     * Setting name
     * 
     */
    @Import(name="settingId", required=true)
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
    @Import(name="value", required=true)
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
    @Import(name="zoneId")
    private /* @Nullable */ Output<String> zoneId;

    /**
     * @return Identifier
     * 
     */
    public Optional<Output<String>> zoneId() {
        return Optional.ofNullable(this.zoneId);
    }

    private ZoneSettingArgs() {}

    private ZoneSettingArgs(ZoneSettingArgs $) {
        this.settingId = $.settingId;
        this.value = $.value;
        this.zoneId = $.zoneId;
    }

    public static Builder builder() {
        return new Builder();
    }
    public static Builder builder(ZoneSettingArgs defaults) {
        return new Builder(defaults);
    }

    public static final class Builder {
        private ZoneSettingArgs $;

        public Builder() {
            $ = new ZoneSettingArgs();
        }

        public Builder(ZoneSettingArgs defaults) {
            $ = new ZoneSettingArgs(Objects.requireNonNull(defaults));
        }

        /**
         * @param settingId Setting name
         * 
         * @return builder
         * 
         */
        public Builder settingId(Output<String> settingId) {
            $.settingId = settingId;
            return this;
        }

        /**
         * @param settingId Setting name
         * 
         * @return builder
         * 
         */
        public Builder settingId(String settingId) {
            return settingId(Output.of(settingId));
        }

        /**
         * @param value Current value of the zone setting.
         * 
         * @return builder
         * 
         */
        public Builder value(Output<Object> value) {
            $.value = value;
            return this;
        }

        /**
         * @param value Current value of the zone setting.
         * 
         * @return builder
         * 
         */
        public Builder value(Object value) {
            return value(Output.of(value));
        }

        /**
         * @param zoneId Identifier
         * 
         * @return builder
         * 
         */
        public Builder zoneId(/* @Nullable */ Output<String> zoneId) {
            $.zoneId = zoneId;
            return this;
        }

        /**
         * @param zoneId Identifier
         * 
         * @return builder
         * 
         */
        public Builder zoneId(String zoneId) {
            return zoneId(Output.of(zoneId));
        }

        public ZoneSettingArgs build() {
            if ($.settingId == null) {
                throw new MissingRequiredPropertyException("ZoneSettingArgs", "settingId");
            }
            if ($.value == null) {
                throw new MissingRequiredPropertyException("ZoneSettingArgs", "value");
            }
            return $;
        }
    }

}
