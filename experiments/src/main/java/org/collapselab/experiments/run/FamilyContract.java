package org.collapselab.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.collapselab.experiments.store.StoredCell;
import org.collapselab.experiments.study.CellJob;
import org.collapselab.experiments.study.ReportOptions;
import org.collapselab.experiments.study.Study;
import org.collapselab.experiments.study.StudyFamilies;
import org.collapselab.experiments.study.StudyFamily;
import org.collapselab.experiments.study.StudyFile;
import org.collapselab.experiments.study.StudyFileException;
import org.collapselab.experiments.study.StudyResults;

/**
 * The contract every {@link StudyFamily} keeps, as checks run against each registered family (the way
 * scikit-learn's {@code check_estimator} runs against every estimator). A family joins by shipping a small study file
 * (its <em>fixture</em>, {@code contract/KIND.yaml} among its module's test resources); the checks are:
 *
 * <ul>
 *   <li>{@code cells()} is repeatable: the same keys and labels twice, unique, non-empty;
 *   <li>keys change exactly when results would: not with the threads a job is given, not with the description,
 *       always with the seed (when the family has one);
 *   <li>{@code compute()} is deterministic (results compared without run times) and stores under the job's key;
 *   <li>a cell survives Java serialisation and the filter on shipped jobs ({@link ShippedClasses}; how the child-JVM
 *       executor and Hazelcast ship it) with its key and result;
 *   <li>{@code report()} works on partial results (none stored, one stored);
 *   <li>the quick study's cells are a subset of the full study's;
 *   <li>every unknown key is reported at once, and the family's {@link org.collapselab.experiments.study.Schema}
 *       declares exactly the keys its reader knows.
 * </ul>
 *
 * Each check throws {@link AssertionError} naming what broke.
 */
public final class FamilyContract {
    /** Result fields that measure time or name temporary files: left out when results are compared. */
    public static final Pattern VOLATILE =
            Pattern.compile("(?i).*(seconds|elapsed|millis|persecond|tokenspersec" + "|cpu|file|timestamp).*");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One named check. */
    public record Check(String name, Body body) {}

    /** A check's body. */
    @FunctionalInterface
    public interface Body {
        void run() throws Exception;
    }

    /**
     * A family's fixture.
     *
     * @param kind the family's kind
     * @param yaml a small study file of that kind (its {@code quick:} must only narrow the grid)
     * @param compute whether the compute checks run (false only for families whose cells need hours)
     */
    public record Fixture(String kind, String yaml, boolean compute) {
        /**
         * Checks the fixture declares a known violation of, each on a line {@code # contract: known violation: NAME}
         * (with the reason after {@code --}): such a check must still fail, so that the line goes once it is fixed.
         */
        public Set<String> knownViolations() {
            Set<String> out = new HashSet<>();
            for (String line : yaml.split("\n")) {
                String prefix = "# contract: known violation: ";
                if (line.startsWith(prefix)) {
                    out.add(line.substring(prefix.length()).split(" --")[0].trim());
                }
            }
            return out;
        }
    }

    private FamilyContract() {}

    /**
     * The fixtures of every registered family whose class is in one of {@code packages}: the resource
     * {@code /contract/KIND.yaml} next to {@code resources}, with each {@code ${NAME}} of {@code values} replaced. A
     * family without a fixture fails ({@link AssertionError} saying which file to add).
     */
    public static List<Fixture> fixtures(List<String> packages, Class<?> resources, Map<String, String> values) {
        List<Fixture> out = new ArrayList<>();
        for (StudyFamily family : StudyFamilies.available().values()) {
            String cls = family.getClass().getName();
            if (packages.stream().noneMatch(cls::startsWith)) {
                continue;
            }
            try (java.io.InputStream in = resources.getResourceAsStream("/contract/" + family.kind() + ".yaml")) {
                if (in == null) {
                    throw new AssertionError("family " + family.kind()
                            + " has no contract fixture: add src/test/resources/" + "contract/" + family.kind()
                            + ".yaml (a small study file whose quick: only narrows the grid)");
                }
                String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (Map.Entry<String, String> v : values.entrySet()) {
                    yaml = yaml.replace("${" + v.getKey() + "}", v.getValue());
                }
                out.add(new Fixture(family.kind(), yaml, true));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The checks of a fixture's family, each to be run on its own; {@code tmp} is a scratch folder. */
    public static List<Check> checks(Fixture f, Path tmp) {
        List<Check> out = new ArrayList<>();
        out.add(new Check("is registered under its kind", () -> registered(f)));
        out.add(new Check("cells() is repeatable", () -> repeatable(f)));
        out.add(new Check("keys ignore threads and description, follow the seed", () -> keys(f)));
        out.add(new Check("quick is a subset of full", () -> quickSubset(f)));
        out.add(new Check("every unknown key is reported at once", () -> unknownKeys(f)));
        out.add(new Check("the schema declares exactly the keys the reader knows", () -> schema(f)));
        out.add(new Check("a cell survives serialisation", () -> serialisable(f)));
        if (f.compute()) {
            out.add(new Check("compute() is deterministic", () -> deterministic(f)));
            out.add(new Check("report() works on partial results", () -> partialReport(f, tmp)));
        }
        Set<String> known = f.knownViolations();
        List<Check> checked = new ArrayList<>();
        for (Check c : out) {
            checked.add(
                    !known.contains(c.name())
                            ? c
                            : new Check(c.name() + " (known violation, still present)", () -> {
                                try {
                                    c.body().run();
                                } catch (AssertionError expected) {
                                    return;
                                }
                                throw new AssertionError("'" + c.name()
                                        + "' now holds: remove its known-violation line from the fixture");
                            }));
        }
        return checked;
    }

    static Study read(Fixture f, String yaml, boolean quick) {
        return StudyFamilies.read(StudyFile.parse("contract/" + f.kind() + ".yaml", yaml), quick);
    }

    private static void registered(Fixture f) {
        StudyFamily family = StudyFamilies.available().get(f.kind());
        require(family != null, "no family of kind " + f.kind() + " is registered (META-INF/services)");
        require(StudyFile.parse("x.yaml", f.yaml()).kind().equals(f.kind()), "the fixture is not of kind " + f.kind());
    }

    private static List<String> keys(List<CellJob> cells) {
        return cells.stream().map(CellJob::key).toList();
    }

    private static void repeatable(Fixture f) {
        List<CellJob> a = read(f, f.yaml(), true).cells();
        List<CellJob> b = read(f, f.yaml(), true).cells();
        require(!a.isEmpty(), "the fixture has no cell");
        require(keys(a).equals(keys(b)), "two reads of one file give different keys");
        require(
                a.stream()
                        .map(CellJob::label)
                        .toList()
                        .equals(b.stream().map(CellJob::label).toList()),
                "two reads of one file give different labels");
        require(new HashSet<>(keys(a)).size() == a.size(), "two cells share a key");
        require(a.stream().allMatch(c -> c.key() != null && !c.key().isBlank()), "a cell has no key");
    }

    private static void keys(Fixture f) throws Exception {
        List<CellJob> cells = read(f, f.yaml(), true).cells();
        for (CellJob c : cells) {
            require(c.withThreads(2).key().equals(c.key()), "the threads a job is given change its key: " + c.label());
        }
        ObjectNode root = (ObjectNode) StudyFile.parse("x.yaml", f.yaml()).root();
        ObjectNode described = root.deepCopy();
        described.put("description", "another description");
        Study d = tryRead(f, described);
        if (d != null) {
            require(keys(d.cells()).equals(keys(cells)), "the description changes the keys");
        }
        if (root.has("seed") && root.get("seed").isIntegralNumber()) {
            ObjectNode seeded = root.deepCopy();
            seeded.put("seed", root.get("seed").asLong() + 1);
            Set<String> other = new HashSet<>(
                    keys(read(f, JSON.writeValueAsString(seeded), true).cells()));
            other.retainAll(keys(cells));
            require(other.isEmpty(), "changing the seed keeps " + other.size() + " keys");
        }
    }

    private static Study tryRead(Fixture f, ObjectNode root) throws Exception {
        try {
            return read(f, JSON.writeValueAsString(root), true);
        } catch (StudyFileException e) {
            return null; // the family has no description field
        }
    }

    private static void quickSubset(Fixture f) {
        Set<String> full = new HashSet<>(keys(read(f, f.yaml(), false).cells()));
        List<String> quick = keys(read(f, f.yaml(), true).cells());
        require(
                full.containsAll(quick),
                "quick cells not in the full study: "
                        + quick.stream().filter(k -> !full.contains(k)).count() + " of " + quick.size());
    }

    private static void unknownKeys(Fixture f) {
        String yaml = f.yaml() + (f.yaml().endsWith("\n") ? "" : "\n") + "zz_unknown_one: 1\nzz_unknown_two: 2\n";
        try {
            read(f, yaml, false);
        } catch (StudyFileException e) {
            require(
                    e.errors().stream().anyMatch(l -> l.contains("zz_unknown_one"))
                            && e.errors().stream().anyMatch(l -> l.contains("zz_unknown_two")),
                    "not every unknown key was reported: " + e.errors());
            return;
        }
        throw new AssertionError("unknown keys were accepted");
    }

    private static void schema(Fixture f) {
        org.collapselab.experiments.study.Schema schema =
                StudyFamilies.available().get(f.kind()).schema();
        if (schema == null) {
            return; // not declared yet: --describe says so
        }
        String yaml = f.yaml() + (f.yaml().endsWith("\n") ? "" : "\n") + "zz_unknown_one: 1\n";
        String marker = "'zz_unknown_one'; allowed: a known key: ";
        try {
            read(f, yaml, false);
        } catch (StudyFileException e) {
            for (String line : e.errors()) {
                int at = line.indexOf(marker);
                if (at >= 0) {
                    Set<String> known = new java.util.TreeSet<>(
                            List.of(line.substring(at + marker.length()).split(", ")));
                    require(
                            known.equals(new java.util.TreeSet<>(schema.keys())),
                            "the reader knows " + known + " but the schema declares "
                                    + new java.util.TreeSet<>(schema.keys()));
                    return;
                }
            }
            throw new AssertionError("the unknown key's line does not list the known keys: " + e.errors());
        }
        throw new AssertionError("an unknown key was accepted");
    }

    /** Java serialisation round trip (what the child-JVM executor and Hazelcast use). */
    public static <T> T roundTrip(T object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(object);
        }
        if (object instanceof CellJob) {
            // read back through the filter the child-JVM executor and the cluster members apply to shipped jobs
            @SuppressWarnings("unchecked")
            T back = (T) ShippedClasses.read(bytes.toByteArray(), CellJob.class);
            return back;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            @SuppressWarnings("unchecked")
            T back = (T) in.readObject();
            return back;
        }
    }

    private static void serialisable(Fixture f) throws Exception {
        for (CellJob c : read(f, f.yaml(), true).cells()) {
            CellJob back = roundTrip(c);
            require(
                    back.key().equals(c.key()) && back.label().equals(c.label()),
                    "a cell changes when serialised: " + c.label());
        }
        if (f.compute()) {
            CellJob c = cheapest(read(f, f.yaml(), true));
            require(
                    comparable(roundTrip(c).compute()).equals(comparable(computed(f, c))),
                    "a serialised cell computes another result: " + c.label());
        }
    }

    /** The cheapest cell that needs no other cell's result. */
    static CellJob cheapest(Study s) {
        return s.cells().stream()
                .filter(c -> c.needs().isEmpty())
                .min(Comparator.comparingDouble(CellJob::cost))
                .orElseThrow(() -> new AssertionError("every cell needs another's result"));
    }

    private static void deterministic(Fixture f) throws Exception {
        CellJob c = cheapest(read(f, f.yaml(), true));
        StoredCell a = computed(f, c);
        StoredCell b = c.compute();
        require(a.key().equals(c.key()), "compute() stores under another key than the job's: " + c.label());
        require(comparable(a).equals(comparable(b)), "compute() is not deterministic: " + c.label());
    }

    private static void partialReport(Fixture f, Path tmp) throws Exception {
        Study s = read(f, f.yaml(), true);
        Files.createDirectories(tmp);
        s.report(new StudyResults(s.cells(), Map.of()), new ReportOptions(tmp.resolve("none"), true, 5, null));
        CellJob c = cheapest(s);
        Map<String, StoredCell> one = new HashMap<>();
        one.put(c.key(), computed(f, c));
        s.report(new StudyResults(s.cells(), one), new ReportOptions(tmp.resolve("one"), true, 5, null));
    }

    /** A stored result without the fields that measure time (the result JSON and the configuration). */
    public static String comparable(StoredCell c) throws Exception {
        return c.key() + "\n" + c.configJson() + "\n" + strip(JSON.readTree(c.resultJson()));
    }

    private static JsonNode strip(JsonNode n) {
        if (n.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            n.fields().forEachRemaining(e -> {
                if (!VOLATILE.matcher(e.getKey()).matches()) {
                    out.set(e.getKey(), strip(e.getValue()));
                }
            });
            return out;
        }
        if (n.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode out = JSON.createArrayNode();
            n.forEach(x -> out.add(strip(x)));
            return out;
        }
        return n;
    }

    private static final Map<String, StoredCell> COMPUTED = new java.util.concurrent.ConcurrentHashMap<>();

    /** The cell computed once per fixture (the checks share it: neural cells train a network). */
    private static StoredCell computed(Fixture f, CellJob c) throws Exception {
        String k = f.yaml() + "\u0000" + c.key();
        StoredCell s = COMPUTED.get(k);
        if (s == null) {
            s = c.compute();
            COMPUTED.put(k, s);
        }
        return s;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
