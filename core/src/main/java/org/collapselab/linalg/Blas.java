package org.collapselab.linalg;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;

/**
 * Access point to the BLAS/LAPACK implementation chosen by dev.ludovic.netlib: native OpenBLAS when
 * {@code libblas.so.3}/{@code liblapack.so.3} are installed, otherwise the pure-Java fallback (20–70× slower).
 * The first use reports a fallback once on stderr so that a slow run is never a mystery.
 */
public final class Blas {
    private static volatile boolean warned;

    private Blas() {}

    /** The BLAS instance (native when available). */
    public static BLAS blas() {
        BLAS b = BLAS.getInstance();
        warnOnceIfFallback(b.getClass().getName());
        return b;
    }

    /** The LAPACK instance (native when available). */
    public static LAPACK lapack() {
        return LAPACK.getInstance();
    }

    /** True when BLAS calls go to a native library through JNI. */
    public static boolean isNative() {
        return BLAS.getInstance().getClass().getSimpleName().startsWith("JNI");
    }

    /** Human-readable description, e.g. {@code "native JNIBLAS (OPENBLAS_CORETYPE=SkylakeX)"}. */
    public static String describe() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        String threads = System.getenv("OPENBLAS_NUM_THREADS");
        return (isNative() ? "native " : "pure-Java fallback ")
                + BLAS.getInstance().getClass().getSimpleName() + " / "
                + LAPACK.getInstance().getClass().getSimpleName()
                + " (OPENBLAS_CORETYPE=" + (core == null ? "unset" : core)
                + ", OPENBLAS_NUM_THREADS=" + (threads == null ? "unset" : threads) + ")";
    }

    private static void warnOnceIfFallback(String implementation) {
        if (warned) {
            return;
        }
        warned = true;
        if (!isNative()) {
            System.err.println("collapselab: native BLAS not found, using the pure-Java fallback " + implementation
                    + " (20-70x slower); install it with: apt-get install -y libopenblas0");
        }
    }
}
