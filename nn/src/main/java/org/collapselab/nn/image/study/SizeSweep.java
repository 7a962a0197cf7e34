package org.collapselab.nn.image.study;

import java.util.List;

/**
 * Test error vs training-set size at a fixed width (the scaling figure: does adding data at fixed p2 help?).
 *
 * @param network network kind
 * @param width hidden width
 * @param n training-set sizes, increasing
 */
public record SizeSweep(NetworkKind network, int width, List<Integer> n) {
  public SizeSweep {
    n = List.copyOf(n);
  }
}
