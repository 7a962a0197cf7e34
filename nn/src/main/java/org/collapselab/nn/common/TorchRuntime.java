package org.collapselab.nn.common;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;

/**
 * Configures DJL + PyTorch CPU for this process: offline mode (the native library comes from the Maven jar, never
 * from the network), a cache folder under the user's home, and the intra-op thread count. PyTorch's thread count is
 * process-wide, so each experiment sets the count it wants when it starts (the image experiment runs several
 * 1-thread trainings side by side; the language models train one model on every core).
 */
public final class TorchRuntime {
    private static volatile Engine engine;

    private TorchRuntime() {}

    /** Returns the PyTorch engine, set to {@code threads} intra-op threads from now on. */
    public static synchronized Engine engine(int threads) {
        if (engine == null) {
            passiveOpenMpWaiting();
            System.setProperty("ai.djl.offline", "true");
            if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
                System.setProperty(
                        "DJL_CACHE_DIR",
                        Path.of(System.getProperty("user.home"), ".djl.ai").toString());
            }
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, threads)));
            engine = Engine.getEngine("PyTorch");
        }
        int wanted = Math.max(1, threads);
        if (JniUtils.getNumThreads() != wanted) {
            JniUtils.setNumThreads(wanted);
        }
        return engine;
    }

    /**
     * Sets {@code OMP_WAIT_POLICY=PASSIVE} (unless the user set it) before PyTorch's OpenMP runtime loads: with the
     * default spin-waiting, intra-op threads lose most of their time whenever another process shares the cores
     * (measured on 2 cores: a 2×128 transformer step took 98 ms passive vs 370–1270 ms spinning under load).
     * scripts/env.sh exports it too; this covers embedding the library without the launcher.
     */
    private static void passiveOpenMpWaiting() {
        if (System.getenv("OMP_WAIT_POLICY") == null) {
            try {
                com.sun.jna.NativeLibrary.getInstance("c")
                        .getFunction("setenv")
                        .invokeInt(new Object[] {"OMP_WAIT_POLICY", "PASSIVE", 0});
            } catch (RuntimeException | LinkageError e) {
                // not fatal: only slower under CPU contention
            }
        }
    }
}
