package org.collapselab.nn.image.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.collapselab.experiments.report.Html;
import org.collapselab.nn.image.data.ImageDataset;
import org.collapselab.nn.image.synthetic.SyntheticQuality;

/** The HTML of one image study in the report: data, synthetic-data quality, parameters, figures, run summary. */
public final class ImageReport {
  private ImageReport() {}

  /** Body HTML of a finished study. */
  public static String html(ImageResults r, ImageDataset data, Path dataFolder, List<ImageFigures.Figure> figures,
      Path reportDir) {
    ImageStudy s = r.study();
    StringBuilder b = new StringBuilder();
    b.append("<h3>").append(Html.escape(s.name())).append("</h3>\n");
    if (!s.description().isEmpty()) {
      b.append(Html.paragraph(s.description()));
    }
    b.append(Html.table(List.of("data", "value"), List.of(
        List.of("data set", s.dataset() + " (" + dataFolder.toAbsolutePath().normalize() + ")"),
        List.of("training split", data.train().count() + " images " + data.train().rows() + "x" + data.train().cols()
            + ", " + data.train().classes() + " classes"),
        List.of("test split (all errors are measured here, on real labels)", data.test().count() + " images"),
        List.of("reserved for generators", s.reserved() + " training images (never seen by the studied models)"),
        List.of("pool for real and synthetic samples", (data.train().count() - s.reserved()) + " training images"))));
    List<List<String>> gq = new ArrayList<>();
    for (Map.Entry<Integer, SyntheticQuality[]> e : r.generators().entrySet()) {
      SyntheticQuality pool = e.getValue()[0];
      SyntheticQuality test = e.getValue()[1];
      gq.add(List.of(Integer.toString(e.getKey()) + (e.getKey() == s.generator().samples() ? " (main)" : ""),
          String.format(Locale.ROOT, "%.4f", pool.mse()), String.format(Locale.ROOT, "%.2f%%", 100 * pool.labelError()),
          String.format(Locale.ROOT, "%.4f", test.mse()), String.format(Locale.ROOT, "%.2f%%", 100 * test.labelError())));
    }
    b.append(Html.paragraph("Synthetic data: a generator network (two-layer, width " + s.generator().width()
        + ", trained like the studied networks) is fitted to a few real images; its " + s.generator().labels()
            .name().toLowerCase(Locale.ROOT) + " outputs on other real training images are the synthetic targets"
        + (s.generator().noise() > 0 ? " (plus Gaussian noise of s.d. " + s.generator().noise() + ")" : "")
        + ". Their measured quality is the empirical counterpart of c²: the mean squared distance between "
        + "synthetic target and true one-hot label over the pool (c²), and how often the synthetic class is wrong. "
        + "Every cell also stores the same two numbers for its own synthetic images (result database columns "
        + "syntheticMse, syntheticError)."));
    b.append(Html.table(List.of("generator trained on (real images)", "c² (synthetic vs true, pool)",
        "wrong synthetic labels", "generator test MSE", "generator test error"), gq));
    List<List<String>> params = new ArrayList<>();
    params.add(List.of("synthetic shares p2", join(s.p2())));
    params.add(List.of("seeds per cell", s.runs() + " (from " + s.seed() + ")"));
    for (WidthSweep w : s.widthSweeps()) {
      params.add(List.of("width sweep: " + ImageFigures.name(w.network()), "n = " + w.n() + ", widths "
          + joinInts(w.widths())));
    }
    for (SizeSweep z : s.sizeSweeps()) {
      params.add(List.of("size sweep: " + ImageFigures.name(z.network()), "width " + z.width() + ", n "
          + joinInts(z.n()) + (z.generatorSamples().isEmpty() ? "" : ", generators on "
          + joinInts(z.generatorSamples()) + " real images")));
    }
    if (s.qualitySweep() != null) {
      QualitySweep q = s.qualitySweep();
      params.add(List.of("quality sweep: " + ImageFigures.name(q.network()), "width " + q.width() + ", n = " + q.n()
          + ", generators on " + joinInts(q.generatorSamples()) + " real images"));
    }
    TrainingPlan t = s.training();
    params.add(List.of("training (Adam)", String.format(Locale.ROOT, "loss: mean over images of the squared error "
        + "summed over the %d outputs (one-hot targets); batch %d, learning rate %s, weight decay %s, at least %d "
        + "epochs and %d steps", data.train().classes(), t.batchSize(), ImageFigures.fmt(t.learningRate()),
        ImageFigures.fmt(t.weightDecay()), t.epochs(), t.minSteps())));
    params.add(List.of("random features", "first layer N(0, 1/d), ReLU, frozen; readout + intercept by ridge, λ = "
        + ImageFigures.fmt(s.ridge()) + " (loss (1/n)Σ‖·‖² + λ‖v‖²), solved exactly in double precision"));
    params.add(List.of("inputs", "pixels/255 standardised by the training split's mean and s.d."));
    b.append(Html.table(List.of("parameter", "value"), params));
    for (ImageFigures.Figure f : figures) {
      b.append(Html.figure(reportDir, f.png(), f.svg(), f.caption()));
    }
    double trainSeconds = 0;
    double samples = 0;
    double rfSeconds = 0;
    int rf = 0;
    double cpu = 0;
    double predicted = 0;
    int timed = 0;
    for (Map.Entry<CellSpec, CellResult> e : r.results().entrySet()) {
      CellResult c = e.getValue();
      if (c.cpuSeconds() > 0) {
        cpu += c.cpuSeconds();
        predicted += CellCost.seconds(e.getKey());
        timed++;
      }
      if (Double.isFinite(c.samplesPerSecond()) && c.samplesPerSecond() > 0) {
        trainSeconds += c.trainSeconds();
        samples += c.samplesPerSecond() * c.trainSeconds();
      } else {
        rfSeconds += c.trainSeconds();
        rf++;
      }
    }
    List<String> speed = new ArrayList<>();
    if (trainSeconds > 0) {
      speed.add(String.format(Locale.ROOT, "Adam training throughput %.0f images/s per worker thread (forward + "
          + "backward, averaged over all trained cells)", samples / trainSeconds));
    }
    if (rf > 0) {
      speed.add(String.format(Locale.ROOT, "random-features ridge solves %.2f s on average", rfSeconds / rf));
    }
    b.append(Html.paragraph(String.format(Locale.ROOT, "%d cells in the result database, %d missing (other "
        + "shards or failed).%s", r.results().size(), r.missing(),
        speed.isEmpty() ? "" : " " + capitalised(String.join("; ", speed)) + ".")));
    if (timed > 0) {
      b.append(Html.paragraph(String.format(Locale.ROOT, "CPU time of the %d cells that recorded it (one PyTorch "
          + "thread each, so it is what the cells cost on idle cores whatever the machine's load): %.1f core-minutes; "
          + "the cost model used for planning (CellCost) predicted %.1f.", timed, cpu / 60, predicted / 60)));
    }
    return b.toString();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String join(List<Double> v) {
    List<String> t = new ArrayList<>();
    for (double x : v) {
      t.add(ImageFigures.fmt(x));
    }
    return String.join(", ", t);
  }

  private static String joinInts(List<Integer> v) {
    List<String> t = new ArrayList<>();
    for (int x : v) {
      t.add(Integer.toString(x));
    }
    return String.join(", ", t);
  }
}
