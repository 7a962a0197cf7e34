package org.collapselab.nn.image.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.collapselab.nn.image.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesTest {
    @TempDir
    Path tmp;

    @Test
    void readsPlainAndGzippedFilesIdentically() throws Exception {
        byte[] pixels = new byte[3 * 2 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) (i * 10);
        }
        TestImages.writeImages(tmp.resolve("a"), IdxFiles.IMAGES_MAGIC, 3, 2, 4, pixels, false);
        TestImages.writeImages(tmp.resolve("b"), IdxFiles.IMAGES_MAGIC, 3, 2, 4, pixels, true);
        IdxFiles.RawImages a = IdxFiles.readImages(tmp.resolve("a"));
        IdxFiles.RawImages b = IdxFiles.readImages(tmp.resolve("b"));
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.rows()).isEqualTo(2);
        assertThat(a.cols()).isEqualTo(4);
        assertThat(a.pixels()).isEqualTo(pixels).isEqualTo(b.pixels());
        TestImages.writeLabels(tmp.resolve("l.gz"), IdxFiles.LABELS_MAGIC, new int[] {7, 0, 255}, 3, true);
        assertThat(IdxFiles.readLabels(tmp.resolve("l.gz"))).containsExactly(7, 0, 255);
    }

    @Test
    void truncatedImageFileNamesFileAndExpectedCounts() throws Exception {
        Path f = tmp.resolve("train-images-idx3-ubyte");
        // header announces 5 images of 28x28 but only 2 are present
        TestImages.writeImages(f, IdxFiles.IMAGES_MAGIC, 5, 28, 28, new byte[2 * 784], false);
        assertThatThrownBy(() -> IdxFiles.readImages(f))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(f.toString())
                .hasMessageContaining("truncated")
                .hasMessageContaining("5 images of 28x28")
                .hasMessageContaining("after 1568 of them");
    }

    @Test
    void truncatedGzippedFileIsReportedNotThrownAsStackTrace() throws Exception {
        Path full = tmp.resolve("full.gz");
        TestImages.writeImages(full, IdxFiles.IMAGES_MAGIC, 50, 28, 28, new byte[50 * 784], true);
        byte[] bytes = Files.readAllBytes(full);
        Path cut = tmp.resolve("cut.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> IdxFiles.readImages(cut))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining(cut.toString());
    }

    @Test
    void badMagicNumberSaysWhatWasExpected() throws Exception {
        Path f = tmp.resolve("imgs");
        TestImages.writeLabels(f, IdxFiles.LABELS_MAGIC, new int[] {1, 2}, 2, false);
        assertThatThrownBy(() -> IdxFiles.readImages(f))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("magic number is 0x00000801")
                .hasMessageContaining("expected 0x00000803")
                .hasMessageContaining("this is a label file");
        Path g = tmp.resolve("labels");
        Files.write(g, new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 9});
        assertThatThrownBy(() -> IdxFiles.readLabels(g))
                .hasMessageContaining("magic number is 0x01020304")
                .hasMessageContaining("expected 0x00000801");
    }

    @Test
    void shortHeaderAndMissingFileAreNamed() throws Exception {
        Path f = tmp.resolve("short");
        Files.write(f, new byte[] {0, 0, 8, 3, 0, 0});
        assertThatThrownBy(() -> IdxFiles.readImages(f))
                .hasMessageContaining("truncated IDX header")
                .hasMessageContaining("image count");
        Path missing = tmp.resolve("nope");
        assertThatThrownBy(() -> IdxFiles.readLabels(missing))
                .isInstanceOf(IdxFormatException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void folderErrorsNameTheMissingFileAndTheFix() throws Exception {
        assertThatThrownBy(() -> ImageFolder.load("mnist", tmp.resolve("mnist")))
                .isInstanceOf(IdxFormatException.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("train-images-idx3-ubyte")
                .hasMessageContaining("scripts/fetch-data.sh");
        Path dir = tmp.resolve("partial");
        TestImages.writeToyDataset(dir, 20, 10, false, 1);
        Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
        assertThatThrownBy(() -> ImageFolder.load("toy", dir))
                .hasMessageContaining("t10k-labels-idx1-ubyte: file not found")
                .hasMessageContaining("t10k-labels-idx1-ubyte.gz");
    }

    @Test
    void labelAndImageCountsMustAgree() throws Exception {
        Path dir = tmp.resolve("mismatch");
        TestImages.writeToyDataset(dir, 20, 10, false, 2);
        TestImages.writeLabels(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.LABELS_MAGIC, new int[19], 19, false);
        assertThatThrownBy(() -> ImageFolder.load("toy", dir))
                .hasMessageContaining("has 19 labels but")
                .hasMessageContaining("has 20 images");
    }

    @Test
    void loadsTheUsersOwnGzippedFolder() throws Exception {
        Path dir = tmp.resolve("mine");
        TestImages.writeToyDataset(dir, 40, 15, true, 3);
        ImageDataset ds = ImageFolder.load("mine", dir);
        assertThat(ds.train().count()).isEqualTo(40);
        assertThat(ds.test().count()).isEqualTo(15);
        assertThat(ds.train().dimension()).isEqualTo(784);
        assertThat(ds.train().classes()).isEqualTo(10);
    }

    @Test
    void realMnistHasThePublishedShapeAndClassCounts() throws Exception {
        Path real = TestImages.realMnist();
        assertThat(real).as("data/mnist not fetched (scripts/fetch-data.sh)").isNotNull();
        ImageDataset ds = ImageFolder.load("mnist", real);
        assertThat(ds.train().count()).isEqualTo(60000);
        assertThat(ds.test().count()).isEqualTo(10000);
        assertThat(ds.train().rows()).isEqualTo(28);
        assertThat(ds.train().classCounts())
                .containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
        assertThat(ds.train().labels()[0]).isEqualTo(5);
    }
}
