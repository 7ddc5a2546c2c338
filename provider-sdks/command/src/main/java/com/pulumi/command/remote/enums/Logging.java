// *** API-compatible subset of the generated com.pulumi:command 1.2.1 Java SDK (see provider-sdks/README.md). ***
// *** Written in the style of pulumi-java-gen output; keep in sync with the published schema. ***

package com.pulumi.command.remote.enums;

import com.pulumi.core.annotations.EnumType;
import java.lang.String;
import java.util.Objects;
import java.util.StringJoiner;

    @EnumType
    public enum Logging {
        /**
         * Capture stdout in logs but not stderr
         * 
         */
        Stdout("stdout"),
        /**
         * Capture stderr in logs but not stdout
         * 
         */
        Stderr("stderr"),
        /**
         * Capture stdout and stderr in logs
         * 
         */
        StdoutAndStderr("stdoutAndStderr"),
        /**
         * Capture no logs
         * 
         */
        None("none");

        private final String value;

        Logging(String value) {
            this.value = Objects.requireNonNull(value);
        }

        @EnumType.Converter
        public String getValue() {
            return this.value;
        }

        @Override
        public String toString() {
            return new StringJoiner(", ", "Logging[", "]")
                .add("value='" + this.value + "'")
                .toString();
        }
    }
