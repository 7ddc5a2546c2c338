package com.honeydue.infra.values;

import java.util.regex.Pattern;

/**
 * The strict forms of every identifier that becomes a name: a resource name, a directory or file name of the
 * render, a k3s flag, a Kubernetes object name. Each check is bounded (no pattern repeats a group), so no input
 * length can make it recurse.
 */
public final class Identifiers {
    /** A DNS label (RFC 1123): lower-case letters, digits and '-', 1 to 63 characters, no '-' at either end. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    /** The name part of a Kubernetes label key, and a non-empty label value. */
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    /** A stack name: what Pulumi allows, minus anything a path could make special. */
    private static final Pattern STACK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

    public static final String ALIAS_FORM = "lower-case letters, digits and '-', 1 to 63 characters, starting and ending "
            + "with a letter or digit (e.g. ovhcloud1)";
    public static final String NODE_NAME_FORM = "a lower-case DNS name (RFC 1123) of at most 63 characters: labels of "
            + "letters, digits and '-' separated by '.' (e.g. vps-1624d691)";
    public static final String STACK_FORM = "letters, digits, '_', '.' and '-', at most 100 characters, starting with a "
            + "letter or digit (e.g. ovh)";

    private Identifiers() {}

    /** A node's SSH alias: it names the node's resources and its directory in a render, so it is a single DNS label. */
    public static boolean isAlias(String s) {
        return s != null && LABEL.matcher(s).matches();
    }

    /**
     * A Kubernetes node name: a DNS subdomain of at most 63 characters (a Linux host name, which k3s would default to,
     * is at most 64). It is also a k3s --node-name, a NodePatch's name and part of a render file name.
     */
    public static boolean isNodeName(String s) {
        return s != null && s.length() <= 63 && isSubdomain(s);
    }

    public static boolean isSubdomain(String s) {
        if (s == null || s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A Kubernetes label key: an optional DNS-subdomain prefix and '/', then a name of at most 63 characters. */
    public static boolean isLabelKey(String s) {
        if (s == null) {
            return false;
        }
        int slash = s.indexOf('/');
        String name = slash < 0 ? s : s.substring(slash + 1);
        return (slash < 0 || isSubdomain(s.substring(0, slash))) && LABEL_NAME.matcher(name).matches();
    }

    /** A Kubernetes label value: empty, or like a label key's name part. */
    public static boolean isLabelValue(String s) {
        return s != null && (s.isEmpty() || LABEL_NAME.matcher(s).matches());
    }

    /** A stack name that is safe in a file name ({@code Pulumi.<stack>.yaml}) and a directory name. */
    public static boolean isStackName(String s) {
        return s != null && STACK.matcher(s).matches() && !s.contains("..");
    }
}
