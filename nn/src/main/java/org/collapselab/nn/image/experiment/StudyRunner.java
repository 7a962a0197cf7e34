package org.collapselab.nn.image.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.collapselab.experiments.run.Progress;
import org.collapselab.experiments.store.CellKeys;
import org.collapselab.experiments.store.ResultStore;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.nn.image.synthetic.SyntheticLabels;
import org.collapselab.nn.image.synthetic.SyntheticQuality;

/**
 * Runs every cell of a {@link MnistStudy}, resuming from the result database: a cell whose key (canonical
 * configuration, seed, project version) is already stored is read back, every newly finished cell is committed at
 * once, so an interrupted run loses at most the cells in flight.
 *
 * <p>Parallelism: {@code threads} cells train at once, each on its own Java thread with single-threaded PyTorch
 * kernels (the engine is configured with one intra-op thread). Independent small models scale almost perfectly
 * this way, whereas two intra-op threads per model pay a synchronisation cost at every small matrix product (and
 * collapse when another process competes for the cores). Cells are started largest first to balance the load.
 */
public final class StudyRunner {
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private StudyRunner() {}

  /** Runs (or resumes) the study; {@code store} may be null (nothing read or written). */
  public static StudyResults run(MnistStudy study, ImageExperimentContext ctx, ResultStore store, int threads,
      PrintStream log) throws InterruptedException {
    long t0 = System.nanoTime();
    Map<Integer, SyntheticQuality[]> generators = new TreeMap<>();
    List<GeneratorPlan> plans = new ArrayList<>();
    plans.add(study.generator());
    if (study.qualitySweep() != null) {
      for (int gs : study.qualitySweep().generatorSamples()) {
        plans.add(study.generator().withSamples(gs));
      }
    }
    for (GeneratorPlan g : plans) {
      if (!generators.containsKey(g.samples())) {
        SyntheticLabels s = ctx.synthetic(g.toSpec(), study.reserved());
        generators.put(g.samples(), new SyntheticQuality[] {s.poolQuality(), s.generatorTestQuality()});
        if (log != null) {
          log.printf(Locale.ROOT, "%s: generator on %d real images: synthetic targets c² = %.3f (%.1f%% wrong "
              + "labels), generator test error %.1f%%%n", study.name(), g.samples(), s.poolQuality().mse(),
              100 * s.poolQuality().labelError(), 100 * s.generatorTestQuality().labelError());
        }
      }
    }
    List<CellSpec> cells = study.cells();
    Map<CellSpec, CellResult> results = new ConcurrentHashMap<>();
    List<CellSpec> todo = new ArrayList<>();
    int reused = 0;
    for (CellSpec c : cells) {
      Optional<CellResult> r = store == null ? Optional.empty() : read(store, c);
      if (r.isPresent()) {
        results.put(c, r.get());
        reused++;
      } else {
        todo.add(c);
      }
    }
    todo.sort(Comparator.comparingDouble(StudyRunner::cost).reversed());
    if (log != null) {
      log.printf(Locale.ROOT, "%s: %d cells (%d stored, %d to train) on %d thread(s)%n", study.name(), cells.size(),
          reused, todo.size(), threads);
    }
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    Progress progress = log == null ? null : Progress.forConsole(log, todo.size());
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "mnist-cell");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (CellSpec c : todo) {
        futures.add(pool.submit(() -> {
          boolean ok = false;
          try {
            long s0 = System.nanoTime();
            CellResult r = CellRunner.run(ctx, c);
            double sec = (System.nanoTime() - s0) / 1e9;
            if (store != null) {
              write(store, study.name(), c, r, sec);
            }
            results.put(c, r);
            ok = true;
          } catch (RuntimeException | OutOfMemoryError e) {
            failures.add(describe(c) + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
          } finally {
            if (progress != null) {
              progress.step(ok);
            }
          }
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failures.add(String.valueOf(e.getCause()));
        }
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      throw e;
    } finally {
      pool.shutdown();
    }
    if (progress != null) {
      progress.finish();
    }
    if (log != null) {
      for (String f : failures) {
        log.println(study.name() + ": failed cell " + f);
      }
    }
    Map<CellSpec, CellResult> ordered = new LinkedHashMap<>();
    for (CellSpec c : cells) {
      if (results.containsKey(c)) {
        ordered.put(c, results.get(c));
      }
    }
    return new StudyResults(study, ordered, generators, todo.size() - failures.size(), reused, failures.size(),
        List.copyOf(failures), (System.nanoTime() - t0) / 1e9);
  }

  /** Rough relative cost of a cell, to start the largest first. */
  static double cost(CellSpec c) {
    double n = c.n();
    double w = c.width();
    if (c.network() == NetworkKind.RANDOM_FEATURES) {
      double k = Math.min(n, w + 1);
      return n * w * 784 / 50 + n * k * Math.max(n, w) / 20 + k * k * k / 20;
    }
    int epochs = c.training().forSize(c.n()).epochs();
    return n * epochs * (784.0 * w + 10.0 * w) * (c.network() == NetworkKind.TWO_LAYER ? 3 : 1.5);
  }

  /** Short description of a cell for messages. */
  public static String describe(CellSpec c) {
    return String.format(Locale.ROOT, "%s %s width=%d n=%d p2=%s generator=%d seed=%d", c.dataset(),
        c.network().name().toLowerCase(Locale.ROOT), c.width(), c.n(), c.p2(), c.generator().samples(), c.seed());
  }

  /** Canonical configuration JSON of a cell (sorted keys, seed excluded: it is part of the key separately). */
  public static String configJson(CellSpec c) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.convertValue(c, Map.class);
      m.remove("seed");
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode cell " + c, e);
    }
  }

  /** Result-database key of a cell. */
  public static String key(CellSpec c) {
    return CellKeys.key(configJson(c), c.seed());
  }

  private static Optional<CellResult> read(ResultStore store, CellSpec c) {
    return store.find(key(c)).map(sc -> {
      try {
        return JSON.readValue(sc.resultJson(), CellResult.class);
      } catch (JsonProcessingException e) {
        return null;
      }
    });
  }

  private static void write(ResultStore store, String experiment, CellSpec c, CellResult r, double seconds) {
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> m = JSON.convertValue(r, Map.class);
      m.put("seed", c.seed());
      store.put(StoredCell.now(key(c), experiment, configJson(c), JSON.writeValueAsString(m), seconds));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode result of " + describe(c), e);
    }
  }
}
