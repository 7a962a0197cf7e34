package org.collapselab.experiments.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.collapselab.validation.ParameterException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fault injection for the result store: read-only export, a damaged page, a full "disk", claims between runs. */
@Tag("fault")
class StoreFaultTest {
    @TempDir
    Path dir;

    private static StoredCell cell(int i) {
        return StoredCell.now(
                "key-" + i,
                "e",
                "{\"i\":" + i + ",\"pad\":\"" + "p".repeat(300) + "\"}",
                "{\"marker\":\"marker-" + i + "-end\"}",
                0.5);
    }

    private List<String> listing() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void readOnlyOpenNeverCreatesOrChangesAFile() throws Exception {
        Path db = dir.resolve("r.db");
        try (ResultStore s = ResultStore.open(db)) {
            s.put(cell(1));
        }
        List<String> before = listing();
        byte[] bytes = Files.readAllBytes(db);
        long modified = Files.getLastModifiedTime(db).toMillis();
        try (ResultStore s = ResultStore.openReadOnly(db)) {
            assertThat(s.salvage().cells()).hasSize(1);
        }
        assertThat(listing()).isEqualTo(before).containsExactly("r.db");
        assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
        assertThat(Files.getLastModifiedTime(db).toMillis()).isEqualTo(modified);

        Path empty = Files.createFile(dir.resolve("empty.db"));
        assertThatThrownBy(() -> ResultStore.openReadOnly(empty))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("an empty file");
        assertThat(Files.size(empty)).isZero();
        Path text = Files.writeString(dir.resolve("text.db"), "secret words");
        assertThatThrownBy(() -> ResultStore.openReadOnly(text))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("not an SQLite file")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> ResultStore.openReadOnly(dir.resolve("none.db")))
                .isInstanceOf(ParameterException.class);
        assertThat(Files.exists(dir.resolve("none.db"))).isFalse();
    }

    @Test
    void aDamagedPageCostsOnlyItsRows() throws Exception {
        Path db = dir.resolve("d.db");
        List<StoredCell> written = new ArrayList<>();
        try (ResultStore s = ResultStore.open(db)) {
            for (int i = 0; i < 32; i++) {
                written.add(cell(i));
                s.put(written.get(i));
            }
        }
        // Overwrite the page that holds cell 17's payload (its marker is in no index).
        byte[] all = Files.readAllBytes(db);
        int at = indexOf(all, "marker-17-end".getBytes(StandardCharsets.US_ASCII));
        assertThat(at).isPositive();
        int pageSize = ((all[16] & 0xFF) << 8) | (all[17] & 0xFF);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            byte[] junk = new byte[pageSize];
            Arrays.fill(junk, (byte) 0x5A);
            f.seek((long) (at / pageSize) * pageSize);
            f.write(junk);
        }
        try (ResultStore s = ResultStore.openReadOnly(db)) {
            assertThatThrownBy(s::listAll).isInstanceOf(StoreException.class);
            Salvage salvage = s.salvage();
            assertThat(salvage.unreadable()).isNotEmpty().anySatisfy(u -> assertThat(u)
                    .contains("key-17"));
            assertThat(salvage.cells().size() + salvage.unreadable().size()).isEqualTo(32);
            assertThat(salvage.cells().size()).isGreaterThanOrEqualTo(16);
            assertThat(written).containsAll(salvage.cells());
        }
    }

    @Test
    void aFullDiskIsATypedWriteFailureAndKeepsWhatWasCommitted() {
        Path db = dir.resolve("full.db");
        try (ResultStore s = ResultStore.open(db)) {
            s.put(cell(0));
        }
        System.setProperty(ResultStore.MAX_PAGES_PROPERTY, "8");
        int stored = 0;
        try (ResultStore s = ResultStore.open(db)) {
            assertThatThrownBy(() -> {
                        for (int i = 1; i < 1000; i++) {
                            s.put(cell(i));
                        }
                    })
                    .isInstanceOf(StoreWriteException.class)
                    .hasMessageContaining("full");
            stored = s.count();
        } finally {
            System.clearProperty(ResultStore.MAX_PAGES_PROPERTY);
        }
        try (ResultStore s = ResultStore.openReadOnly(db)) {
            assertThat(s.integrityCheck()).isEqualTo("ok");
            assertThat(s.count()).isEqualTo(stored).isGreaterThan(1);
        }
    }

    @Test
    void claimsKeepTwoRunsOffEachOthersCellsAndExpire() throws Exception {
        try (ResultStore a = ResultStore.open(dir.resolve("c.db"));
                ResultStore b = ResultStore.open(dir.resolve("c.db"))) {
            assertThat(a.claim("k", "run-a", 60_000)).isEqualTo(Claim.CLAIMED);
            assertThat(a.claim("k", "run-a", 60_000)).isEqualTo(Claim.CLAIMED); // re-claim by its owner
            assertThat(b.claim("k", "run-b", 60_000)).isEqualTo(Claim.TAKEN);
            a.put(StoredCell.now("k", "e", "{}", "{}", 0));
            a.release("k", "run-a");
            assertThat(b.claim("k", "run-b", 60_000)).isEqualTo(Claim.DONE);
            // A dead owner's lease runs out; its cell is taken over. A live owner's heartbeat keeps it.
            assertThat(a.claim("dead", "run-a", 50)).isEqualTo(Claim.CLAIMED);
            assertThat(a.claim("alive", "run-a", 50)).isEqualTo(Claim.CLAIMED);
            Thread.sleep(120);
            assertThat(b.claim("dead", "run-b", 60_000)).isEqualTo(Claim.CLAIMED);
            assertThat(a.renewClaims("run-a", 60_000)).isEqualTo(1);
            assertThat(b.claim("alive", "run-b", 60_000)).isEqualTo(Claim.TAKEN);
            a.release(null, "run-a");
            assertThat(b.claim("alive", "run-b", 60_000)).isEqualTo(Claim.CLAIMED);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
