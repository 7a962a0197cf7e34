package org.collapselab.nn.image.diagnose;

import java.nio.file.Path;
import java.util.List;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;
import org.collapselab.nn.image.data.IdxFormatException;
import org.collapselab.nn.image.data.ImageFolder;

/**
 * {@code diagnose} on real data as a study: one cell (the generator, the files and the three diagnoses, which share
 * the generator), stored so that a rerun reuses it. It trains a network, so it runs in its own process.
 *
 * @param name study name
 * @param description free text
 * @param setup sizes of the diagnosis
 * @param seed seed of the generator and the files
 * @param data MNIST folder, or null for the default
 */
public record DiagnoseMnistStudy(String name, String description, MnistDiagnosis setup, long seed, String data)
        implements Study {
    /** The MNIST folder in use. */
    public Path dataFolder() {
        return data == null ? ImageFolder.defaultMnistDir() : Path.of(data);
    }

    @Override
    public List<CellJob> cells() {
        return List.of(new DiagnoseMnistCell(name, setup, seed, dataFolder().toString(), 1));
    }

    @Override
    public String unavailable() {
        try {
            ImageFolder.load("mnist", dataFolder());
            return null;
        } catch (IdxFormatException e) {
            return e.getMessage();
        }
    }

    @Override
    public boolean isolated() {
        return true;
    }

    @Override
    public StudyReport report(StudyResults results, ReportOptions o) throws Exception {
        return DiagnoseMnistReport.report(this, results);
    }
}
