package org.collapselab.distributed;

import com.hazelcast.config.Config;
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
 * auto-detection off), bound to one interface only, and a cluster name derived from a shared secret.
 *
 * <p>What this protects against (open-source Hazelcast has no member authentication or TLS; those are Enterprise
 * features): a node listens only on {@code bindAddress} (default 127.0.0.1), not on every interface; it contacts only
 * the listed members; and a node joins only when its cluster name — {@code NAME-} plus the first 32 hex digits of
 * SHA-256(secret) — matches, so a stray or hostile process that does not know the secret is refused at join. It does
 * NOT protect against someone who can read the traffic on the network (the derived name travels in clear and the
 * jobs are Java-serialised): run clusters on a trusted network or a VPN/SSH tunnel. The secret comes from the
 * environment variable {@link #SECRET_ENV} or a file; it is required unless the node binds to a loopback address.
 *
 * @param clusterName Hazelcast cluster name prefix (nodes with another name or secret are refused)
 * @param members host or host:port of the members to join (at least one)
 * @param port first port this node listens on
 * @param lite true for a driver that only submits work (a lite member holds no data and runs no cells)
 * @param bindAddress the one local address this node listens on
 * @param secret the shared cluster secret (null or empty only for loopback-only clusters)
 */
public record ClusterSettings(String clusterName, List<String> members, int port, boolean lite, String bindAddress,
                              String secret) {
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
      throw new ParameterException("members", "nothing", "a comma-separated list of host[:port] (e.g. 10.0.0.5,10.0.0.6)");
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
    if ((secret == null || secret.isEmpty()) && !bind.isLoopbackAddress()) {
      throw new ParameterException("interface", bindAddress + " without a cluster secret",
          "a loopback address, or a shared secret in $" + SECRET_ENV + " (or --secret-file) on every node");
    }
    members = List.copyOf(members);
  }

  /** Loopback-only settings with the secret taken from {@link #SECRET_ENV} (for tests and single-machine runs). */
  public ClusterSettings(String clusterName, List<String> members, int port, boolean lite) {
    this(clusterName, members, port, lite, LOOPBACK, System.getenv(SECRET_ENV));
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

  /** The secret from a file (first line, trimmed) if given, else from {@link #SECRET_ENV}; null when neither. */
  public static String readSecret(java.nio.file.Path file) {
    if (file == null) {
      return System.getenv(SECRET_ENV);
    }
    try {
      if (!java.nio.file.Files.isRegularFile(file) || java.nio.file.Files.size(file) > 4096) {
        throw new ParameterException("secret-file", file, "a regular file of at most 4096 bytes holding the secret");
      }
      String s = java.nio.file.Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
      if (s.isEmpty()) {
        throw new ParameterException("secret-file", file, "a file whose first line is the secret (this one is empty)");
      }
      return s;
    } catch (java.io.IOException e) {
      throw new ParameterException("secret-file", file, "a readable file (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The Hazelcast cluster name actually used: the name plus a digest of the secret. */
  public String effectiveClusterName() {
    if (secret == null || secret.isEmpty()) {
      return clusterName;
    }
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
