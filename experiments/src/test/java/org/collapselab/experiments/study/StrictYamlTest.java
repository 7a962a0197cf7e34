package org.collapselab.experiments.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictYamlTest {
    @TempDir
    Path dir;

    private static String error(Runnable r) {
        try {
            r.run();
        } catch (StudyFileException e) {
            assertThat(e.errors()).hasSize(1);
            return e.errors().get(0);
        }
        throw new AssertionError("no error");
    }

    @Test
    void aliasesAreRefusedNotReadAsTheAnchorName() {
        String yaml = "a: &iso \"power:1.5\"\nb: *iso\n";
        assertThat(error(() -> StrictYaml.readTree("f.yaml", yaml)))
                .startsWith("f.yaml: line 1, column 4: got the anchor &iso")
                .contains("not supported");
        assertThat(error(() -> StrictYaml.readTree("f.yaml", "b: *iso\n"))).contains("alias *iso");
    }

    @Test
    void duplicateKeysAreAnError() {
        assertThat(error(() -> StrictYaml.readTree("f.yaml", "name: a\nname: b\n")))
                .isEqualTo("f.yaml: name: got a second value (line 2, column 5); allowed: each key once per mapping");
        assertThat(error(() -> StrictYaml.readTree("f.yaml", "fixed: {d: 1, d: 2}\n")))
                .startsWith("f.yaml: d: got a second");
    }

    @Test
    void depthTagsAndDocumentsAreBounded() {
        String deep = "a: " + "[".repeat(100_000);
        assertThat(error(() -> StrictYaml.readTree("f.yaml", deep))).contains("nesting deeper than 32");
        assertThat(error(() -> StrictYaml.readTree("f.yaml", "a: !!binary aGk=\n")))
                .contains("explicit tag");
        assertThat(error(() -> StrictYaml.readTree("f.yaml", "a: 1\n---\na: 2\n")))
                .contains("second YAML document");
    }

    @Test
    void plainFilesStillRead() {
        assertThat(StrictYaml.readTree("f.yaml", "a: [1, 2.5, x]\nb: {c: 1e-3}\n")
                        .get("b")
                        .get("c")
                        .asDouble())
                .isEqualTo(1e-3);
    }

    @Test
    void encodingsAndBinaryAreNamed() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.write(f, ("\uFEFFname: x\n").getBytes(StandardCharsets.UTF_16LE));
        assertThat(error(() -> StrictYaml.readText(f)))
                .isEqualTo(f + ": encoding: got UTF-16 (byte-order mark); allowed: UTF-8 text");
        Files.write(f, "name: x\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(error(() -> StrictYaml.readText(f))).contains("UTF-16 (NUL bytes");
        Files.write(f, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThat(error(() -> StrictYaml.readText(f)))
                .isEqualTo(
                        f + ": encoding: got bytes that are not UTF-8 (first at " + "offset 3); allowed: UTF-8 text");
        Files.write(f, new byte[] {'a', ':', 0, 1, 2});
        assertThat(error(() -> StrictYaml.readText(f))).contains("binary data (NUL byte at offset 2)");
        Files.write(f, new byte[StrictYaml.MAX_FILE_BYTES + 1]);
        assertThat(error(() -> StrictYaml.readText(f))).contains("file size: got more than 1048576 bytes");
        assertThat(error(() -> StrictYaml.readText(Path.of("/dev/zero"))))
                .isEqualTo("/dev/zero: not a regular file (a " + "device or pipe); allowed: a YAML file");
        assertThat(error(() -> StrictYaml.readText(dir))).contains("is a folder");
    }

    @Test
    void longValuesAreCutInMessages() {
        String line = StudyFileException.line("f", "name", "x".repeat(5000), "short");
        assertThat(line).hasSizeLessThan(200).contains("(5000 characters)");
    }
}
