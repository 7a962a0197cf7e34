package org.collapselab.nn.image;

import java.util.ArrayList;
import java.util.List;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.experiments.run.StudyRuns;
import org.collapselab.nn.image.data.IdxFormatException;
import org.collapselab.nn.image.synthetic.ImageContexts;
import org.collapselab.nn.image.study.ImageStudy;

/**
 * {@code collapselab reproduce mnist}: the paper's image experiment. Feed-forward networks (a two-layer network
 * trained end to end, and its random-features variant) are trained by regression on one-hot labels on mixtures of
 * real MNIST images and images with synthetic targets from a weaker generator network; test error on the real MNIST
 * test split vs width and vs n for several synthetic shares, the generator's measured quality (empirical c²), and
 * the paper's claims. The full run adds the same size sweep on Fashion-MNIST.
 *
 * <p>Studies: the bundled {@code studies/mnist.yaml} and {@code studies/mnist-fashion.yaml} ({@code --quick} uses
 * their {@code quick:} overrides; the quick run skips Fashion-MNIST). Data: {@code data/mnist} (or
 * {@code $COLLAPSELAB_MNIST_DIR}, {@code $COLLAPSELAB_DATA/mnist}); Fashion-MNIST from
 * {@code /usr/share/datasets/fashion-mnist} (or {@code $COLLAPSELAB_FASHION_MNIST_DIR}); skipped with a note when
 * absent. Figures go to {@code OUT/mnist/}, cells to {@code OUT/results.db} (reruns resume).
 */
public final class MnistReproduction implements Reproduction {
  /** Bundled studies of the full run, in report order. */
  public static final List<String> STUDIES = List.of("mnist", "mnist-fashion");

  @Override
  public String name() {
    return "mnist";
  }

  @Override
  public String description() {
    return "MNIST (+ Fashion-MNIST): two-layer and random-features networks on real/synthetic mixtures, "
        + "error vs width and vs n";
  }

  @Override
  public ReportSection run(ReproductionOptions o) throws Exception {
    List<String> names = o.quick() ? List.of(STUDIES.get(0)) : STUDIES;
    StringBuilder body = new StringBuilder();
    body.append(Html.paragraph("Beyond Gaussian data (Dohmatob et al., ICLR 2025, MNIST experiment): feed-forward "
        + "networks trained by regression on one-hot labels (squared error) on a mixture of n images, a share p2 "
        + "of which carry synthetic targets from a weaker generator network instead of their true labels "
        + "(label shift: the images themselves are real, as in the paper's model where only the labelling "
        + "function differs). Models: a two-layer ReLU network trained end to end by Adam, and its "
        + "random-features variant (first layer frozen at random Gaussian weights, readout fitted exactly by "
        + "ridge: the paper's random-projection model with a ReLU, whose interpolation threshold is width = n). "
        + "Errors are measured on the real test split: the MSE against one-hot labels (the trained loss, the "
        + "quantity the theory predicts) and the classification error. Each cell is one trained model; curves "
        + "show the mean over seeds with ± one standard deviation; differences between shares are paired by seed "
        + "(same real images, same initialisation). "
        + (o.quick() ? "Quick mode: reduced grids, 3 seeds, MNIST only; its verdicts are provisional and the "
            + "full run may overturn them." : "Full grids.")));
    List<Claim> claims = new ArrayList<>();
    for (String name : names) {
      ImageStudy study = (ImageStudy) StudyRuns.bundled(name, o.quick());
      try {
        ImageContexts.get(study.dataset(), study.dataFolder()); // data present? (else skip with a note)
      } catch (IdxFormatException e) {
        if (name.equals(STUDIES.get(0))) {
          throw e;
        }
        body.append("<h3>").append(Html.escape(study.name())).append("</h3>\n")
            .append(Html.paragraph("Skipped: " + e.getMessage()));
        if (o.log() != null) {
          o.log().println("mnist: skipping " + study.name() + ": " + e.getMessage());
        }
        continue;
      }
      StudyRuns.Outcome out = o.run(study);
      body.append(out.report().html());
      claims.addAll(out.report().claims());
    }
    body.append(Html.paragraph("Deviations from the paper and choices where it is silent: the synthetic targets "
        + "come from a small generator network trained on a reserved slice of real images (quality reported above, "
        + "so c² has a measured counterpart); training uses Adam stopped early on a real validation split, within a "
        + "cap of epochs (CPU budget: the full run must finish in 60 minutes on 2 cores), rather than the paper's "
        + "schedule, so the trained networks are close to, not exactly at, interpolation; the random-features "
        + "readout is solved exactly by ridge with a small λ instead of by gradient descent; n is at most 32000 "
        + "images."));
    return new ReportSection("mnist", "Image experiment: feed-forward networks on MNIST", body.toString(), claims);
  }
}
