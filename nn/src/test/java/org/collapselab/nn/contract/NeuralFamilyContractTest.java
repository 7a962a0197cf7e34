package org.collapselab.nn.contract;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collapselab.experiments.run.FamilyContract;
import org.collapselab.nn.image.TestImages;
import org.collapselab.nn.text.TestTexts;
import org.collapselab.nn.text.corpus.CorpusFields;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The family contract ({@link FamilyContract}) run against every family of this module (found through
 * ServiceLoader), each with its fixture {@code contract/KIND.yaml}; {@code ${TOY}} is a toy image set in MNIST format
 * ({@code ${TOY_LARGE}} with 8000 training images) and {@code ${CORPUS}} a folder of toy stories, all written here;
 * the language loop reads the repository's story corpus and the diagnose bench the repository's data/sklearn (both
 * fetched by scripts/fetch-data.sh).
 */
@Tag("neural")
@Tag("slow")
class NeuralFamilyContractTest {
    @AfterAll
    static void forgetTheCorpus() {
        System.clearProperty(CorpusFields.CORPUS_PROPERTY); // other tests check the default location
    }

    @TestFactory
    Stream<DynamicNode> everyFamilyKeepsTheContract(@TempDir Path tmp) throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("toy.txt"), TestTexts.toyStories(80, 5));
        // the language loop reads the language-model study's corpus (data/gutenberg of the repository; fetched by
        // scripts/fetch-data.sh): a missing corpus fails its checks
        System.setProperty(
                CorpusFields.CORPUS_PROPERTY,
                Path.of("..", "data", "gutenberg").toAbsolutePath().toString());
        Path large = tmp.resolve("toy-large"); // diagnose-mnist reserves 5000 training images for its generator
        TestImages.writeToyDataset(large, 8000, 500, true, 12);
        List<FamilyContract.Fixture> fixtures = FamilyContract.fixtures(
                List.of("org.collapselab.nn."),
                NeuralFamilyContractTest.class,
                Map.of(
                        "TOY",
                        TestImages.toyFolder(tmp).toString(),
                        "TOY_LARGE",
                        large.toString(),
                        "CORPUS",
                        corpus.toString(),
                        "SKLEARN",
                        Path.of("..", "data", "sklearn").toAbsolutePath().toString()));
        return fixtures.stream()
                .map(f -> DynamicContainer.dynamicContainer(
                        f.kind(),
                        FamilyContract.checks(f, tmp.resolve(f.kind())).stream()
                                .map(c -> DynamicTest.dynamicTest(c.name(), c.body()::run))));
    }
}
