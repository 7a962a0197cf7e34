package org.collapselab.distributed;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.Config;
import com.hazelcast.config.JavaSerializationFilterConfig;
import com.hazelcast.config.JoinConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.collapselab.validation.ParameterException;

/**
 * How a Collapse Lab process joins a Hazelcast cluster: TCP/IP join to an explicit member list (multicast and
 * auto-detection off), bound to one interface only, a cluster name derived from a shared secret, and jobs signed with
 * that secret.
 *
 * <p>What this protects against (open-source Hazelcast has no member authentication or TLS; those are Enterprise
 * features): a node listens only on {@code bindAddress} (default 127.0.0.1); it contacts only the listed members; a
 * node joins only when its cluster name — {@code NAME-} plus the first 32 hex digits of SHA-256(secret) — matches;
 * and, because that name travels in clear, every job and reply carries an HMAC-SHA256 under the secret, checked
 * before anything is deserialised ({@link SignedCell}). Java serialisation from the network is limited to those two
 * signed envelopes (Hazelcast's class filter) and zero-configuration compact serialisation is off, so a process that
 * knows the cluster name but not the secret can join or connect yet cannot make a member run or deserialise anything
 * of its choosing. It does NOT hide the traffic: jobs and results are readable on the network. Across machines run
 * the cluster over an encrypted network (WireGuard or another VPN, see docs/cluster.md).
 *
 * <p>A secret is always required ({@link ClusterSecret}): from {@code --secret-file}, {@link #SECRET_ENV}, or — on a
 * loopback interface only — a per-user file created on first use and readable by its owner alone, so other users of
 * a shared machine never learn it.
 *
 * @param clusterName Hazelcast cluster name prefix (nodes with another name or secret are refused)
 * @param members host or host:port of the members to join (at least one)
 * @param port first port this node listens on
 * @param lite true for a driver that only submits work (a lite member holds no data and runs no cells)
 * @param bindAddress the one local address this node listens on
 * @param secret the shared cluster secret, at least {@link ClusterSecret#MIN_LENGTH} characters
 */
public record ClusterSettings(
        String clusterName, List<String> members, int port, boolean lite, String bindAddress, String secret) {
    /** Default Hazelcast port. */
    public static final int DEFAULT_PORT = 5701;
    /** Environment variable holding the shared cluster secret. */
    public static final String SECRET_ENV = "COLLAPSELAB_CLUSTER_SECRET";
    /** Default interface: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    public ClusterSettings {
        if (clusterName == null || clusterName.isBlank() || !clusterName.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new ParameterException("cluster", clusterName, "1-64 characters from A-Z a-z 0-9 . _ -");
        }
        if (members == null || members.isEmpty()) {
            throw new ParameterException(
                    "members", "nothing", "a comma-separated list of host[:port] (e.g. 10.0.0.5,10.0.0.6)");
        }
        for (String m : members) {
            if (m == null || m.isBlank() || m.contains(" ")) {
                throw new ParameterException("members", m, "host or host:port entries without spaces");
            }
        }
        if (port < 1 || port > 65535) {
            throw new ParameterException("port", port, "an integer in [1, 65535]");
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            bindAddress = LOOPBACK;
        }
        InetAddress bind;
        try {
            bind = InetAddress.getByName(bindAddress);
        } catch (UnknownHostException e) {
            throw new ParameterException("interface", bindAddress, "an IP address of this machine (e.g. 127.0.0.1)");
        }
        if (bind.isAnyLocalAddress()) {
            throw new ParameterException("interface", bindAddress, "one address of this machine, not all interfaces");
        }
        if (secret == null || secret.isEmpty()) {
            throw new ParameterException(
                    "secret-file",
                    "no cluster secret",
                    "a file holding the shared secret (or $" + SECRET_ENV + ") on every node");
        }
        if (secret.length() < ClusterSecret.MIN_LENGTH) {
            throw new ParameterException(
                    "secret-file",
                    "a secret of " + secret.length() + " characters",
                    "a secret of at least " + ClusterSecret.MIN_LENGTH
                            + " characters (e.g. from: head -c 32 /dev/urandom | " + "base64)");
        }
        for (String m : members) {
            String host =
                    m.startsWith("[") ? m.substring(1, Math.max(1, m.indexOf(']'))) : m.replaceFirst(":\\d+$", "");
            try {
                InetAddress.getByName(host);
            } catch (UnknownHostException e) {
                throw new ParameterException("members", m, "host or host:port entries whose host names resolve");
            }
        }
        members = List.copyOf(members);
    }

    /**
     * Settings for a command: every other field is checked before the secret is looked for ({@link ClusterSecret#read}),
     * so a bad flag is named as such and never makes a per-user secret file.
     */
    public static ClusterSettings resolve(
            String clusterName,
            List<String> members,
            int port,
            boolean lite,
            String bindAddress,
            java.nio.file.Path secretFile) {
        new ClusterSettings(clusterName, members, port, lite, bindAddress, "x".repeat(ClusterSecret.MIN_LENGTH));
        return new ClusterSettings(
                clusterName, members, port, lite, bindAddress, ClusterSecret.read(secretFile, bindAddress));
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "ClusterSettings[cluster=" + clusterName + ", members=" + members + ", port=" + port + ", lite=" + lite
                + ", interface=" + bindAddress + "]";
    }

    /** The same settings as a lite (driver) member. */
    public ClusterSettings asLite() {
        return new ClusterSettings(clusterName, members, port, true, bindAddress, secret);
    }

    /** Parses a comma-separated member list. */
    public static List<String> parseMembers(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    /** Whether the address names this machine's loopback interface. */
    public static boolean isLoopback(String bindAddress) {
        try {
            return InetAddress.getByName(bindAddress == null || bindAddress.isBlank() ? LOOPBACK : bindAddress)
                    .isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * The line a command prints before it joins on a non-loopback interface (null on loopback): the traffic is signed
     * but readable, and what to do about it.
     */
    public String plaintextWarning(String command) {
        return isLoopback(bindAddress)
                ? null
                : "collapselab " + command + ": traffic on " + bindAddress + " is signed but "
                        + "not encrypted (TLS needs Hazelcast Enterprise): across machines use WireGuard or another VPN, or an SSH "
                        + "tunnel (docs/cluster.md)";
    }

    /** The Hazelcast cluster name actually used: the name plus a digest of the secret. */
    public String effectiveClusterName() {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return clusterName + "-" + HexFormat.of().formatHex(h).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Hazelcast member configuration for these settings. */
    public Config toConfig() {
        Config config = new Config();
        config.setClusterName(effectiveClusterName());
        config.setLiteMember(lite);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        // Listen on the given interface only (Hazelcast binds to 0.0.0.0 unless told not to).
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.socket.server.bind.any", "false");
        config.setProperty("hazelcast.socket.client.bind.any", "false");
        config.getJetConfig().setEnabled(false);
        // From the network, Java serialisation reads only the two signed envelopes, and compact serialisation never
        // instantiates a class by the name a sender chose.
        config.getSerializationConfig()
                .setJavaSerializationFilterConfig(new JavaSerializationFilterConfig()
                        .setDefaultsDisabled(true)
                        .setWhitelist(new ClassFilter()
                                .addClasses(
                                        SignedCell.class.getName(),
                                        SignedReply.class.getName(),
                                        byte[].class.getName())));
        config.getSerializationConfig()
                .getCompactSerializationConfig()
                .setZeroConfigFilter(new JavaSerializationFilterConfig()
                        .setDefaultsDisabled(true)
                        .setWhitelist(new ClassFilter().addClasses(SignedCell.class.getName() + "$NoCompactClasses")));
        config.getUserContext().put(ClusterKey.CONTEXT, new ClusterKey(secret));
        config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
        String ip;
        try {
            ip = InetAddress.getByName(bindAddress).getHostAddress();
        } catch (UnknownHostException e) {
            throw new ParameterException("interface", bindAddress, "an IP address of this machine");
        }
        config.getNetworkConfig().getInterfaces().setEnabled(true).setInterfaces(List.of(ip));
        JoinConfig join = config.getNetworkConfig().getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        return config;
    }
}
