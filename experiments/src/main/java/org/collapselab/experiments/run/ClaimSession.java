package org.collapselab.experiments.run;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.collapselab.experiments.store.Claim;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoreException;

/**
 * One run's claims on a result store: a unique owner id, a lease, and a heartbeat thread that renews the lease
 * every third of it while the run lives. A run killed with {@code kill -9} stops renewing, so its claims expire after
 * {@link #leaseMillis()} and another run takes its cells over (at once when it ran on this machine and its process
 * is gone). Closing releases every claim.
 */
public final class ClaimSession implements AutoCloseable {
    /** Default lease; override with the system property {@code collapselab.claim.leaseMillis} (tests use short ones). */
    public static final long DEFAULT_LEASE_MILLIS = 30_000;

    private final ResultStore store;
    private final String owner;
    private final long lease;
    private final ScheduledExecutorService heartbeat;

    /** Starts a session (and its heartbeat) on {@code store}. */
    public ClaimSession(ResultStore store) {
        this.store = store;
        this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        this.lease = Long.getLong("collapselab.claim.leaseMillis", DEFAULT_LEASE_MILLIS);
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "collapselab-claims-heartbeat");
            t.setDaemon(true);
            return t;
        });
        reapDeadLocalOwners();
        long period = Math.max(10, lease / 3);
        heartbeat.scheduleAtFixedRate(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Releases the claims of runs on this machine whose process is gone (killed with kill -9 or Ctrl-C), so a resume
     * need not wait for their leases. Owners are {@code pid@host/uuid}; other machines' claims wait for their lease.
     */
    private void reapDeadLocalOwners() {
        String me = ManagementFactory.getRuntimeMXBean().getName();
        String host = me.substring(me.indexOf('@') + 1);
        try {
            for (String o : store.claimOwners()) {
                int at = o.indexOf('@');
                int slash = o.indexOf('/');
                if (at > 0 && slash > at && o.substring(at + 1, slash).equals(host)) {
                    try {
                        long pid = Long.parseLong(o.substring(0, at));
                        if (ProcessHandle.of(pid).isEmpty()) {
                            store.release(null, o);
                        }
                    } catch (NumberFormatException e) {
                        // not one of ours
                    }
                }
            }
        } catch (StoreException e) {
            // Reaping is an optimisation: expired leases free the cells anyway.
        }
    }

    private void renew() {
        try {
            store.renewClaims(owner, lease);
        } catch (StoreException e) {
            // A missed heartbeat only shortens the lease; the next one retries.
        }
    }

    /** This run's owner id ({@code pid@host/uuid}). */
    public String owner() {
        return owner;
    }

    /** The lease length in milliseconds. */
    public long leaseMillis() {
        return lease;
    }

    /** Claims a cell for this run (see {@link ResultStore#claim}). */
    public Claim claim(String key) {
        return store.claim(key, owner, lease);
    }

    /** Releases this run's claim on a cell; a failure is ignored (the lease runs out on its own). */
    public void release(String key) {
        try {
            store.release(key, owner);
        } catch (StoreException e) {
            // The claim expires after the lease.
        }
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        try {
            store.release(null, owner);
        } catch (StoreException e) {
            // Expires after the lease.
        }
    }
}
