package org.collapselab.experiments.contract;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.collapselab.experiments.run.FamilyContract;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The family contract ({@link FamilyContract}) run against every family registered in this module (found through
 * ServiceLoader, so a new family joins by itself), each with its fixture {@code contract/KIND.yaml} from the test
 * resources: a registered family without one fails here. The README's example family ({@code org.example.squares})
 * is one of them.
 */
class FamilyContractTest {
    @TestFactory
    Stream<DynamicNode> everyFamilyKeepsTheContract(@TempDir Path tmp) {
        List<FamilyContract.Fixture> fixtures = FamilyContract.fixtures(
                List.of("org.collapselab.experiments.", "org.example."), FamilyContractTest.class, Map.of());
        return fixtures.stream()
                .map(f -> DynamicContainer.dynamicContainer(
                        f.kind(),
                        FamilyContract.checks(f, tmp.resolve(f.kind())).stream()
                                .map(c -> DynamicTest.dynamicTest(c.name(), c.body()::run))));
    }
}
