package com.honeydue.infra.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The k3s server flags of {@link K3sServerFlags} as {@code /etc/rancher/k3s/config.yaml}, which k3s reads at every
 * start (runbook §6.3/§6.4 flags, same order). Keeping them in the file rather than in the systemd unit means an
 * operator's ad-hoc {@code k3s server --cluster-reset} (runbook §8) starts with the same node IP, flannel backend
 * and TLS SANs; and every value is a YAML scalar written by Jackson, so no value can turn into a second flag.
 */
public final class K3sConfigFile {
    /** Where k3s reads its configuration; the installer is then run with only the {@code server} subcommand. */
    public static final String PATH = "/etc/rancher/k3s/config.yaml";

    /** k3s flags that may repeat: a list in the file. */
    private static final Set<String> REPEATABLE = Set.of("tls-san", "disable", "kube-proxy-arg", "kubelet-arg",
            "node-label", "node-taint", "kube-apiserver-arg", "etcd-arg");
    private static final Pattern FLAG = Pattern.compile("--([a-z0-9][a-z0-9-]*)(?:=(.*))?", Pattern.DOTALL);
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private K3sConfigFile() {}

    /**
     * @param flags {@code server} first, then {@code --name} or {@code --name=value} flags
     * @throws IllegalArgumentException for anything else: a program bug, never an operator's value
     */
    public static String yaml(List<String> flags) {
        if (flags.isEmpty() || !flags.get(0).equals("server")) {
            throw new IllegalArgumentException("k3s server flags must start with 'server'");
        }
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        for (String flag : flags.subList(1, flags.size())) {
            var m = FLAG.matcher(flag);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a k3s flag: '" + flag + "'");
            }
            String name = m.group(1);
            String value = m.group(2);
            if (value != null && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('\0') >= 0)) {
                throw new IllegalArgumentException("k3s flag --" + name + " carries a line break or NUL");
            }
            if (REPEATABLE.contains(name)) {
                ArrayNode list = config.has(name) ? (ArrayNode) config.get(name) : config.putArray(name);
                list.add(value == null ? "" : value);
            } else if (config.has(name)) {
                throw new IllegalArgumentException("k3s flag --" + name + " given twice");
            } else if (value == null) {
                config.put(name, true);
            } else {
                config.put(name, value);
            }
        }
        try {
            return "# k3s server configuration written by honeydue-infra (the runbook's flags, sections 6.3/6.4); k3s reads it at start.\n"
                    + YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
