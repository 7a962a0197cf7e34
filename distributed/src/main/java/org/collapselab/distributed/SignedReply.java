package org.collapselab.distributed;

import java.io.IOException;
import java.io.Serializable;
import org.collapselab.experiments.run.ShippedClasses;

/**
 * A member's answer to a {@link SignedCell}: the serialised {@link Reply} and its HMAC under the cluster secret, or
 * (both null) a refusal because the job's signature did not verify. The driver checks the HMAC before deserialising.
 */
final class SignedReply implements Serializable {
    private static final long serialVersionUID = 1L;
    private final byte[] reply;
    private final byte[] tag;

    private SignedReply(byte[] reply, byte[] tag) {
        this.reply = reply;
        this.tag = tag;
    }

    static SignedReply of(Reply r, ClusterKey key) {
        byte[] bytes = SignedCell.serialize(r);
        return new SignedReply(bytes, key.sign(ClusterKey.Purpose.REPLY, bytes));
    }

    static SignedReply refused() {
        return new SignedReply(null, null);
    }

    /** The verified reply; an {@link IllegalStateException} when it was refused or is not signed with {@code key}. */
    Reply open(ClusterKey key) {
        if (reply == null) {
            throw new IllegalStateException(
                    "a cluster member refused the job: its signature did not verify (does every "
                            + "node use the same cluster secret?)");
        }
        if (!key.verify(ClusterKey.Purpose.REPLY, reply, tag)) {
            throw new IllegalStateException(
                    "a cluster member sent a reply not signed with this cluster's secret; ignored");
        }
        try {
            return ShippedClasses.read(reply, Reply.class);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(
                    "unreadable reply from a cluster member (" + e.getClass().getSimpleName() + ")");
        }
    }
}
