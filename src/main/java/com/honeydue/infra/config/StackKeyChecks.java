package com.honeydue.infra.config;

import com.honeydue.infra.values.Shown;
import java.util.ArrayList;
import java.util.List;

/** Checks over every key a stack sets, read or not: plaintext secrets, undeclared keys, and what is only warned about. */
final class StackKeyChecks {
    private StackKeyChecks() {}

    /**
     * A secret key whose value sits in the stack file in plain text: Pulumi refuses it for {@code secret: true}
     * keys, and the program refuses it for optional secrets, whether this stack reads them or not. The value is
     * never repeated in the message.
     */
    static void plaintextSecrets(ConfigSchema schema, RawConfig raw, ConfigReader r) {
        raw.values().forEach((key, v) -> schema.find(key).filter(ConfigSchema.Declaration::holdsSecret).ifPresent(d -> {
            if (v == null || !v.isValueNode() || raw.encrypted(key)) {
                return;
            }
            boolean empty = v.isNull() || v.asText().isEmpty();
            if (!empty) {
                r.problem(key, "is a secret but its value is stored in plain text; remove it from the stack file and set it "
                        + "with `pulumi config set --secret " + key + "` (then rotate it: it may be in version control)");
            } else if (d.secret()) {
                // The engine refuses any value of a secret: true key that is not {secure: ...}, an empty one included.
                r.problem(key, "is a secret but holds an empty plain-text value; Pulumi refuses it (must be encrypted as it's "
                        + "secret): set it with `pulumi config set --secret " + key + "`");
            }
        }));
    }

    /** Keys in the stack file that Pulumi.yaml does not declare: almost always typos. */
    static void unknownKeys(ConfigSchema schema, RawConfig raw, ConfigReader r) {
        for (String key : raw.values().keySet()) {
            if (schema.find(key).isEmpty()) {
                r.problem(key, "is not a config key of this project" + ConfigReader.suggestion(key, schema.declarations().keySet()));
                // the key itself is the stack file's text: ConfigProblem escapes it where it is printed
            }
        }
    }

    /**
     * What the program warns about but accepts, because the engine accepts it too: keys of a foreign namespace (never
     * read), and what the stack file reader noticed.
     */
    static List<String> warnings(ConfigSchema schema, RawConfig raw) {
        List<String> out = new ArrayList<>(raw.warnings());
        for (String key : raw.foreignKeys()) {
            String namespace = ConfigKeys.namespace(key);
            String name = key.substring(key.indexOf(':') + 1);
            String hint = schema.find(name).isPresent() ? " (did you mean '" + ConfigKeys.PROJECT + ":" + name + "'?)" : "";
            out.add(Shown.escape(key) + ": namespace " + Shown.value(namespace) + " is neither this project's ('"
                    + ConfigKeys.PROJECT + "') nor a provider's; Pulumi accepts the key, but this program never reads it" + hint);
        }
        return out;
    }
}
