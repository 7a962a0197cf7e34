package org.collapselab.distributed;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/** Starts Collapse Lab cluster nodes: workers that run cells, and lite drivers that submit them. */
public final class ClusterNodes {
    private ClusterNodes() {}

    /** Starts a full member that runs cells submitted by any driver in the cluster. */
    public static HazelcastInstance startWorker(ClusterSettings settings) {
        NodeLog.install();
        return Hazelcast.newHazelcastInstance(settings.toConfig());
    }

    /** Starts a lite member for a driver: it submits cells and stores results but runs none itself. */
    public static HazelcastInstance startDriver(ClusterSettings settings) {
        NodeLog.install();
        return Hazelcast.newHazelcastInstance(settings.asLite().toConfig());
    }
}
