package org.collapselab.distributed;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import org.collapselab.experiments.run.ShippedClasses;
import org.collapselab.experiments.study.CellJob;

/**
 * One {@link CellJob} shipped to a cluster member: the job's serialised bytes and their HMAC under the cluster secret
 * ({@link ClusterKey}). The member checks the HMAC before it deserialises anything, then reads the job through the
 * {@link ShippedClasses} filter, computes it and answers with a {@link SignedReply}. A job that is not signed with the
 * member's secret is refused with one line on stderr and never deserialised; nothing in a job is run as a command.
 */
final class SignedCell implements Callable<SignedReply>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    private final byte[] job;
    private final byte[] tag;
    private transient HazelcastInstance node;

    private SignedCell(byte[] job, byte[] tag) {
        this.job = job;
        this.tag = tag;
    }

    /** The job serialised and signed with {@code key}. */
    static SignedCell of(CellJob job, ClusterKey key) {
        byte[] bytes = serialize(job);
        return new SignedCell(bytes, key.sign(ClusterKey.Purpose.JOB, bytes));
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
        this.node = hazelcastInstance;
    }

    @Override
    public SignedReply call() {
        ClusterKey key =
                node == null ? null : (ClusterKey) node.getUserContext().get(ClusterKey.CONTEXT);
        if (key == null || !key.verify(ClusterKey.Purpose.JOB, job, tag)) {
            refuse();
            return SignedReply.refused();
        }
        Reply reply;
        try {
            CellJob j = ShippedClasses.read(job, CellJob.class);
            reply = new Reply(j.compute(), null);
        } catch (Exception e) {
            reply = new Reply(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (StackOverflowError | OutOfMemoryError e) {
            reply = new Reply(null, e.getClass().getSimpleName());
        }
        return SignedReply.of(reply, key);
    }

    /** Jobs refused so far by the members of this JVM. */
    static long refused() {
        return NodeLog.count("signature");
    }

    private static void refuse() {
        NodeLog.refused(
                "signature",
                "refused a job not signed with this cluster's secret (from a node with another "
                        + "secret, or not a Collapse Lab driver)");
    }

    static byte[] serialize(Object o) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise " + o.getClass().getSimpleName(), e);
        }
        return bytes.toByteArray();
    }
}
