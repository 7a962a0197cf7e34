package org.collapselab.experiments.study;

/**
 * A family of studies (Gaussian sweeps, image networks, language models, ...): the plug-in point of the toolkit.
 * Implementations are found with {@link java.util.ServiceLoader} (a line in
 * {@code META-INF/services/org.collapselab.experiments.study.StudyFamily}) and selected by the study file's
 * {@code kind:} field ({@value StudyFile#DEFAULT_KIND} when absent). See {@link StudyFamilies}.
 */
public interface StudyFamily {
    /** The {@code kind:} value that selects this family, lower case. */
    String kind();

    /**
     * Reads this family's part of a study file through the shared reader, recording every problem on {@code file}
     * (never throwing for bad values); the caller throws them all at once. May return null when there were problems.
     *
     * @param quick apply the file's {@code quick:} overrides
     */
    Study read(StudyFile file, boolean quick);

    /**
     * The fields of this family's study files, declared once: {@code collapselab run --describe KIND} prints them and
     * {@code docs/studies.md} is generated from them; the family contract checks that the reader accepts exactly these
     * keys. Null (the default) when not declared yet.
     */
    default Schema schema() {
        return null;
    }
}
