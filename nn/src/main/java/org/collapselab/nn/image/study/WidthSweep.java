package org.collapselab.nn.image.study;

import java.util.List;

/**
 * Test error vs hidden width at a fixed training-set size (the paper's error-vs-model-size figure).
 *
 * @param network network kind
 * @param n total training images
 * @param widths hidden widths, increasing
 */
public record WidthSweep(NetworkKind network, int n, List<Integer> widths) {
  public WidthSweep {
    widths = List.copyOf(widths);
  }
}
