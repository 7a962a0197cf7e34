package org.example.squares;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.stream.Collectors;
import org.collapselab.experiments.report.Html;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.CellKeys;
import org.collapselab.experiments.study.Field;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Schema;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyReport;
import org.collapselab.experiments.study.StudyResults;

/**
 * The minimal study family shown in docs/extending.md (kept compiling and working by {@code SquaresFamilyTest}, which
 * also checks that the document shows this code).
 */
public final class SquaresFamily implements StudyFamily {
    static final Schema SCHEMA = new Schema(
            "squares",
            "Squares of numbers, one cell per number.",
            List.of(Field.numbers("x", -1e6, 1e6, "", "the numbers to square")));

    public String kind() {
        return "squares";
    }

    public Schema schema() {
        return SCHEMA;
    }

    public Study read(StudyFile f, boolean quick) {
        ObjectNode r = f.withQuick(quick, SCHEMA.keys());
        String name = f.studyName(r);
        List<Double> xs = SCHEMA.numbers(f, r, "x"); // errors go to f; the caller throws them all
        return f.ok() ? new Squares(name, xs) : null;
    }

    record Squares(String name, List<Double> xs) implements Study {
        public List<CellJob> cells() {
            return xs.stream().<CellJob>map(x -> new Square(name, x)).toList();
        }

        public StudyReport report(StudyResults r, ReportOptions o) {
            String text =
                    r.stored().values().stream().map(c -> c.resultJson() + "\n").collect(Collectors.joining());
            return new StudyReport(List.of(), Html.paragraph(text), List.of(), text);
        }
    }

    record Square(String study, double x) implements CellJob {
        public String key() {
            return CellKeys.key("{\"x\":" + x + "}", 0);
        }

        public StoredCell compute() {
            return StoredCell.now(key(), study, "{\"x\":" + x + "}", "{\"square\":" + x * x + "}", 0);
        }
    }
}
