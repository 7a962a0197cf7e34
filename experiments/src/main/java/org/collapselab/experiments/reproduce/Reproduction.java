package org.collapselab.experiments.reproduce;

import java.util.List;
import java.util.Set;

/**
 * What {@code collapselab reproduce NAME} runs: a list of bundled studies ({@code studies/NAME.yaml}) with an
 * introduction, declared in the bundled {@code studies/reproductions.yaml} and run by the same code as
 * {@code collapselab run} ({@link Reproductions#run}). Its section of {@code report.html} is the introduction, each
 * study's own report in order, then the closing paragraph.
 *
 * @param name the name on the command line
 * @param title the section heading
 * @param description one line for {@code --help} and the progress log
 * @param introduction first paragraph ("" for none)
 * @param note appended to the introduction (e.g. "Quick mode: ..."; "" for none)
 * @param studies bundled study names, in report order
 * @param optional studies skipped with one line when their family or data is missing
 * @param closing last paragraph ("" for none)
 */
public record Reproduction(
        String name,
        String title,
        String description,
        String introduction,
        String note,
        List<String> studies,
        Set<String> optional,
        String closing) {
    public Reproduction {
        studies = List.copyOf(studies);
        optional = Set.copyOf(optional);
    }
}
