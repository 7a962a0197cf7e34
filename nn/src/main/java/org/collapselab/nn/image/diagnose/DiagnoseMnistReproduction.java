package org.collapselab.nn.image.diagnose;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.Diagnosis;
import org.collapselab.experiments.diagnose.DiagnosisJson;
import org.collapselab.experiments.diagnose.DiagnosisReport;
import org.collapselab.experiments.diagnose.DiagnosisResult;
import org.collapselab.experiments.diagnose.DiagnosisResult.Check;
import org.collapselab.experiments.report.Claim;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.report.ReportSection;
import org.collapselab.experiments.reproduce.Reproduction;
import org.collapselab.experiments.reproduce.ReproductionOptions;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.data.ImageFolder;

/**
 * {@code collapselab reproduce diagnose-mnist}: {@code diagnose} on real data. MNIST principal components with real
 * targets (digit indicator) vs the weak generator's targets ({@link MnistDiagnosis}); the recommendation and the
 * baselines are measured on the MNIST test split and by cross-validation, beside the theory's predictions. Files go
 * to {@code OUT/diagnose-mnist/} (the three CSVs, {@code diagnosis.json}, figures).
 */
public final class DiagnoseMnistReproduction implements Reproduction {
  @Override
  public String name() {
    return "diagnose-mnist";
  }

  @Override
  public String description() {
    return "diagnose on MNIST principal components: real labels vs a weak generator's labels, predicted vs measured";
  }

  @Override
  public ReportSection run(ReproductionOptions o) throws Exception {
    MnistDiagnosis setup = o.quick() ? new MnistDiagnosis(30, 500, 5000, 5000, 3, 500)
        : new MnistDiagnosis(50, 1000, 20000, 10000, 3, 500);
    Path dir = o.outDir().resolve("diagnose-mnist");
    ImageDataset data = ImageFolder.load("mnist", ImageFolder.defaultMnistDir());
    MnistDiagnosis.Files f = setup.write(TorchRuntime.engine(o.threads()), data, dir, 7);
    DiagnosisResult test = Diagnosis.run(new DiagnoseOptions(f.real(), f.synthetic(), "y", f.test(), 5, 16, 1));
    DiagnosisResult held = Diagnosis.run(new DiagnoseOptions(f.real(), f.synthetic(), "y", f.heldOut(), 5, 16, 1));
    DiagnosisResult cv = Diagnosis.run(new DiagnoseOptions(f.real(), f.synthetic(), "y", null, 5, 16, 1));
    java.nio.file.Files.writeString(dir.resolve("diagnosis-test.json"), DiagnosisJson.write(test));
    java.nio.file.Files.writeString(dir.resolve("diagnosis-cv.json"), DiagnosisJson.write(cv));
    java.nio.file.Files.writeString(dir.resolve("diagnosis-heldout.json"), DiagnosisJson.write(held));
    StringBuilder b = new StringBuilder();
    b.append(Html.paragraph(String.format(Locale.ROOT, "Features: the top %d principal components of standardised "
        + "MNIST images. Real target: 1 if the image shows a %d, else 0 (n1 = %d images). Synthetic target: the "
        + "generator network's output for class %d (a two-layer network trained on %d reserved images; its test MSE "
        + "on one-hot labels %.4f, test error %.1f%%) on n2 = %d other images. Measured three ways: on %d MNIST "
        + "test images, on %d held-out training images (the real rows' own distribution) and by 5-fold "
        + "cross-validation on the real rows. The theory treats the data as Gaussian with a linear teacher; here "
        + "neither holds.", setup.d(), setup.digit(), setup.realRows(), setup.digit(), setup.generatorSamples(),
        f.generatorTestMse(), 100 * f.generatorTestError(), setup.syntheticRows(), test.validation().heldOutRows(),
        held.validation().heldOutRows())));
    b.append("<h3>Measured on the MNIST test split</h3>\n");
    b.append(DiagnosisReport.fragment(o.outDir(), dir, "mnist-test", test));
    b.append("<h3>Measured on held-out training images</h3>\n");
    b.append(DiagnosisReport.fragment(o.outDir(), dir, "mnist-heldout", held));
    b.append("<h3>Measured by cross-validation on the real rows</h3>\n");
    b.append(DiagnosisReport.fragment(o.outDir(), dir, "mnist-cv", cv));
    List<Claim> claims = new ArrayList<>();
    claims.add(beatsOrTies("recommended recipe vs real only (test split)", test.validation().recommended(),
        test.validation().realOnly()));
    claims.add(beatsOrTies("recommended recipe vs all synthetic rows at weight 1 (test split)",
        test.validation().recommended(), test.validation().allSynthetic()));
    for (DiagnosisResult r : List.of(cv, held, test)) {
      String where = r == cv ? "5-fold cross-validation on the real rows"
          : r == held ? "held-out training images" : "MNIST test split";
      for (Check c : List.of(r.validation().recommended(), r.validation().realOnly(),
          r.validation().allSynthetic())) {
        claims.add(predicted(c, where));
      }
    }
    if (o.log() != null) {
      o.log().println("diagnose-mnist: files and diagnosis in " + dir);
    }
    return new ReportSection("diagnose-mnist", "diagnose on real data: MNIST, real vs generator labels",
        b.toString(), claims);
  }

  private static Claim beatsOrTies(String what, Check a, Check b) {
    double diff = a.measured() - b.measured();
    double se = Math.hypot(a.measuredStdError(), b.measuredStdError());
    Claim.Verdict v = diff <= se ? Claim.Verdict.SUPPORTED : Claim.Verdict.CONTRADICTED;
    return new Claim("diagnose's recipe is no worse: " + what, String.format(Locale.ROOT,
        "%.5f vs %.5f (difference %.5f, s.e. of each %.5f / %.5f)", a.measured(), b.measured(), diff,
        a.measuredStdError(), b.measuredStdError()), v);
  }

  /** Prediction at the validation's training size (n1 for a test file, n1·(K−1)/K for K-fold) vs measurement. */
  private static Claim predicted(Check c, String where) {
    double rel = (c.predictedAtValidation() - c.measured()) / c.measured();
    return new Claim(String.format(Locale.ROOT, "theory predicts the MSE on %s within 10%% (k = %d, A = %.3g, "
        + "λ = %.3g)", where, c.recipe().syntheticRows(), c.recipe().syntheticWeight(), c.recipe().lambda()),
        String.format(Locale.ROOT, "predicted %.5f, measured %.5f ± %.5f (%+.1f%%)", c.predictedAtValidation(),
            c.measured(), c.measuredStdError(), 100 * rel),
        Math.abs(rel) <= 0.10 ? Claim.Verdict.SUPPORTED : Claim.Verdict.CONTRADICTED);
  }
}
