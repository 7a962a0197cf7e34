package org.collapselab.nn.image.diagnose;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.collapselab.experiments.diagnose.DiagnoseOptions;
import org.collapselab.experiments.diagnose.Diagnosis;
import org.collapselab.experiments.diagnose.DiagnosisJson;
import org.collapselab.experiments.diagnose.DiagnosisResult;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.image.data.ImageFolder;

/**
 * The diagnosis on MNIST: trains the generator, writes the files into a temporary folder ({@link MnistDiagnosis}),
 * runs {@link Diagnosis#run} measured on the test split, on held-out training images and by 5-fold cross-validation,
 * and stores the three results ({@link DiagnosisJson}) with the generator's quality.
 *
 * @param study study name
 * @param setup sizes
 * @param seed seed of the generator and the files
 * @param dataFolder MNIST folder
 * @param threads PyTorch threads (not part of the key)
 */
public record DiagnoseMnistCell(String study, MnistDiagnosis setup, long seed, String dataFolder, int threads)
        implements CellJob {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The validations, in the order of the report. */
    static final String[] VALIDATIONS = {"cv", "heldout", "test"};

    /** The canonical configuration. */
    public String configJson() {
        return String.format(
                Locale.ROOT,
                "{\"kind\":\"diagnose-mnist\",\"components\":%d,\"realRows\":%d,"
                        + "\"syntheticRows\":%d,\"testRows\":%d,\"digit\":%d,\"generatorSamples\":%d}",
                setup.d(),
                setup.realRows(),
                setup.syntheticRows(),
                setup.testRows(),
                setup.digit(),
                setup.generatorSamples());
    }

    @Override
    public String key() {
        return CellKeys.key(configJson(), seed);
    }

    @Override
    public CellJob withThreads(int n) {
        return new DiagnoseMnistCell(study, setup, seed, dataFolder, n);
    }

    @Override
    public double cost() {
        return 10;
    }

    @Override
    public StoredCell compute() throws Exception {
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("diagnose-mnist");
        try {
            MnistDiagnosis.Files f = setup.write(
                    TorchRuntime.engine(Math.max(1, threads)),
                    ImageFolder.load("mnist", Path.of(dataFolder)),
                    dir,
                    seed);
            ObjectNode out = JSON.createObjectNode();
            out.put("generatorTestMse", f.generatorTestMse());
            out.put("generatorTestError", f.generatorTestError());
            for (String v : VALIDATIONS) {
                Path heldOut = v.equals("cv") ? null : v.equals("test") ? f.test() : f.heldOut();
                DiagnosisResult r = Diagnosis.run(new DiagnoseOptions(f.real(), f.synthetic(), "y", heldOut, 5, 16, 1));
                out.set(v, DiagnosisJson.toJson(r));
            }
            return StoredCell.now(
                    key(), study, configJson(), JSON.writeValueAsString(out), (System.nanoTime() - t0) / 1e9);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }
}
