package org.collapselab.nn.common;

import ai.djl.engine.Engine;
import java.nio.file.Path;

/**
 * Configures DJL + PyTorch CPU once per process: offline mode (the native library comes from the Maven jar, never
 * from the network), a cache folder under the user's home, and the intra-op thread count.
 */
public final class TorchRuntime {
  private static volatile Engine engine;

  private TorchRuntime() {}

  /** Returns the PyTorch engine, configuring it on first use to use {@code threads} intra-op threads. */
  public static synchronized Engine engine(int threads) {
    if (engine == null) {
      System.setProperty("ai.djl.offline", "true");
      if (System.getenv("DJL_CACHE_DIR") == null && System.getProperty("DJL_CACHE_DIR") == null) {
        System.setProperty("DJL_CACHE_DIR", Path.of(System.getProperty("user.home"), ".djl.ai").toString());
      }
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(Math.max(1, threads)));
      engine = Engine.getEngine("PyTorch");
    }
    return engine;
  }
}
