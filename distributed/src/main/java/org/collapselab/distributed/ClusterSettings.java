package org.collapselab.distributed;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import java.util.ArrayList;
import java.util.List;
import org.collapselab.validation.ParameterException;

/**
 * How a Collapse Lab process joins a Hazelcast cluster: TCP/IP join to an explicit member list (multicast off, so it
 * works on clusters and CI machines alike), a cluster name, and a port. Every node runs the same Collapse Lab build,
 * so job classes are on every member's classpath.
 *
 * @param clusterName Hazelcast cluster name (nodes with another name are ignored)
 * @param members host or host:port of the members to join (at least one)
 * @param port first port this node listens on
 * @param lite true for a driver that only submits work (a lite member holds no data and runs no cells)
 */
public record ClusterSettings(String clusterName, List<String> members, int port, boolean lite) {
  /** Default Hazelcast port. */
  public static final int DEFAULT_PORT = 5701;

  public ClusterSettings {
    if (clusterName == null || clusterName.isBlank()) {
      throw new ParameterException("cluster", clusterName, "a non-empty name");
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
    members = List.copyOf(members);
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

  /** The Hazelcast member configuration for these settings. */
  public Config toConfig() {
    Config config = new Config();
    config.setClusterName(clusterName);
    config.setLiteMember(lite);
    config.setProperty("hazelcast.phone.home.enabled", "false");
    config.setProperty("hazelcast.logging.type", "none");
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(true);
    JoinConfig join = config.getNetworkConfig().getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(members);
    return config;
  }
}
