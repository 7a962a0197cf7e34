package org.collapselab.nn.text;

import ai.djl.engine.Engine;
import org.collapselab.nn.common.TorchRuntime;

/**
 * Engine start-up for the language-model runs. Before PyTorch's OpenMP runtime loads, sets
 * {@code OMP_WAIT_POLICY=PASSIVE} (unless the user set it): with the default spin-waiting, PyTorch's two intra-op
 * threads lose most of their time whenever another process shares the two cores (measured here: 2×128 model,
 * 98 ms/step passive vs 370–1270 ms/step spinning under load).
 */
final class TorchThreads {
  private TorchThreads() {}

  static synchronized Engine engine(int threads) {
    if (System.getenv("OMP_WAIT_POLICY") == null) {
      try {
        com.sun.jna.NativeLibrary.getInstance("c").getFunction("setenv")
            .invokeInt(new Object[] {"OMP_WAIT_POLICY", "PASSIVE", 0});
      } catch (RuntimeException | LinkageError e) {
        // not fatal: only slower under CPU contention
      }
    }
    return TorchRuntime.engine(threads);
  }
}
