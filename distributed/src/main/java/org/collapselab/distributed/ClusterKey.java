package org.collapselab.distributed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster secret as a message-authentication key: every job a driver ships and every reply a worker sends back
 * carries an HMAC-SHA256 (RFC 2104) of its serialised bytes, checked before those bytes are deserialised. The purpose
 * is part of the authenticated message, so a reply can never be replayed as a job. Checks compare in constant time.
 */
final class ClusterKey {
    /** Key of this object in a member's Hazelcast user context (local to the member, never sent). */
    static final String CONTEXT = "org.collapselab.distributed.ClusterKey";

    /** What a signed message is. */
    enum Purpose {
        JOB,
        REPLY
    }

    private final SecretKeySpec key;

    ClusterKey(String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** HMAC-SHA256 over the purpose's name, a zero byte, and the message. */
    byte[] sign(Purpose purpose, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(purpose.name().getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 0);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Whether {@code tag} is this key's signature of {@code message} (constant-time comparison). */
    boolean verify(Purpose purpose, byte[] message, byte[] tag) {
        return message != null && tag != null && MessageDigest.isEqual(sign(purpose, message), tag);
    }
}
