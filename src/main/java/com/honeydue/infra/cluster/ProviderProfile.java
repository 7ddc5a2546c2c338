package com.honeydue.infra.cluster;

import java.util.List;

/**
 * Runbook §10 as data: what differs between the Hetzner cluster of the book and the OVH cluster of the runbook.
 * Every field is only a default; a stack file can override each one.
 */
public enum ProviderProfile {
    /** Book ch. 00/06: flannel VXLAN, Traefik as hostNetwork DaemonSet (so no servicelb, low ports unprivileged), IPVS. */
    HETZNER("hetzner", "deploy", "vxlan", false, false, true, true, "ipvs"),
    /** Runbook §2/§3: no private network, so flannel WireGuard over public IPs; klipper-lb (servicelb) fronts Traefik. */
    OVH("ovh", "ubuntu", "wireguard-native", true, true, false, false, "iptables");

    private final String id;
    private final String sshUser;
    private final String flannelBackend;
    private final boolean flannelExternalIp;
    private final boolean servicelb;
    private final boolean traefikHostNetwork;
    private final boolean unprivilegedPortStartZero;
    private final String kubeProxyMode;

    ProviderProfile(String id, String sshUser, String flannelBackend, boolean flannelExternalIp, boolean servicelb,
                    boolean traefikHostNetwork, boolean unprivilegedPortStartZero, String kubeProxyMode) {
        this.id = id;
        this.sshUser = sshUser;
        this.flannelBackend = flannelBackend;
        this.flannelExternalIp = flannelExternalIp;
        this.servicelb = servicelb;
        this.traefikHostNetwork = traefikHostNetwork;
        this.unprivilegedPortStartZero = unprivilegedPortStartZero;
        this.kubeProxyMode = kubeProxyMode;
    }

    public static List<String> ids() {
        return List.of(HETZNER.id, OVH.id);
    }

    public static ProviderProfile byId(String id) {
        for (var p : values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown provider profile '" + id + "'");
    }

    public String id() { return id; }
    public String sshUser() { return sshUser; }
    public String flannelBackend() { return flannelBackend; }
    public boolean flannelExternalIp() { return flannelExternalIp; }
    public boolean servicelb() { return servicelb; }
    public boolean traefikHostNetwork() { return traefikHostNetwork; }
    public boolean unprivilegedPortStartZero() { return unprivilegedPortStartZero; }
    public String kubeProxyMode() { return kubeProxyMode; }
}
