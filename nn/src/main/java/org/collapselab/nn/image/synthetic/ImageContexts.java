package org.collapselab.nn.image.synthetic;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.collapselab.nn.common.TorchRuntime;
import org.collapselab.nn.image.data.IdxFormatException;
import org.collapselab.nn.image.data.ImageFolder;

/**
 * The data sets (and their generators) loaded in this process, shared by every image job that runs here: one load
 * per (data set, folder), whichever executor thread asks first. Models train with single-threaded PyTorch kernels
 * (several cells train at once on their own threads).
 */
public final class ImageContexts {
    private static final Map<String, ImageExperimentContext> LOADED = new HashMap<>();

    private ImageContexts() {}

    /** The context of a data set, loading it on first use ({@link IdxFormatException} names a missing file). */
    public static synchronized ImageExperimentContext get(String dataset, Path folder) throws IdxFormatException {
        String k = dataset + "\u0000" + folder.toAbsolutePath().normalize();
        ImageExperimentContext c = LOADED.get(k);
        if (c == null) {
            c = new ImageExperimentContext(TorchRuntime.engine(1), ImageFolder.load(dataset, folder));
            LOADED.put(k, c);
        }
        return c;
    }

    /** Registers an already loaded context (tests with toy data). */
    public static synchronized void put(String dataset, Path folder, ImageExperimentContext ctx) {
        LOADED.put(dataset + "\u0000" + folder.toAbsolutePath().normalize(), ctx);
    }
}
