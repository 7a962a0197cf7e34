package org.collapselab.nn.image.study;

import java.util.List;

/**
 * Test error vs training-set size at a fixed width (the scaling figure: does adding data at fixed p2 help?).
 *
 * @param network network kind
 * @param width hidden width
 * @param n training-set sizes, increasing
 * @param generatorSamples real images of each generator whose synthetic targets the sweep uses (one curve family and
 *     one plateau claim per generator quality); empty: the study's generator only
 */
public record SizeSweep(NetworkKind network, int width, List<Integer> n, List<Integer> generatorSamples) {
  public SizeSweep {
    n = List.copyOf(n);
    generatorSamples = List.copyOf(generatorSamples);
  }

  /** A sweep with the study's generator only. */
  public SizeSweep(NetworkKind network, int width, List<Integer> n) {
    this(network, width, n, List.of());
  }

  /**
   * The sweep's cells for the generator trained on {@code gs} images (clean cells, p2 = 0, are shared by every
   * generator: they are made with the study's generator, whose targets they do not use).
   */
  public java.util.function.Predicate<CellSpec> cells(int gs) {
    return c -> c.network() == network && c.width() == width && n.contains(c.n())
        && (c.p2() == 0 || c.generator().samples() == gs);
  }

  /** The generator sizes of the sweep: {@link #generatorSamples}, or the study's generator {@code studyGenerator}. */
  public List<Integer> generators(int studyGenerator) {
    return generatorSamples.isEmpty() ? List.of(studyGenerator) : generatorSamples;
  }
}
