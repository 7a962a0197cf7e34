# Sourced by bin/collapselab and .ci/run: BLAS settings that must be in place before the JVM starts.
# Debian's OpenBLAS 0.3.21 mis-detects recent Xeons as "Prescott" (5x slower); pick the right kernel set.
if [ -z "${OPENBLAS_CORETYPE:-}" ]; then
  if grep -qw avx512f /proc/cpuinfo 2>/dev/null; then export OPENBLAS_CORETYPE=SkylakeX
  elif grep -qw avx2 /proc/cpuinfo 2>/dev/null; then export OPENBLAS_CORETYPE=Haswell; fi
fi
# Parallelism lives in Java (runs and cells in parallel); each BLAS call stays on one thread.
export OPENBLAS_NUM_THREADS="${OPENBLAS_NUM_THREADS:-1}"
export DJL_OFFLINE=true
# PyTorch's OpenMP threads sleep instead of spinning while they wait (4-8x faster steps when cores are shared).
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
# oneMKL (linked into PyTorch's CPU library) picks code paths at run time, so without a conditional-numerical-
# reproducibility mode two runs of one cell with the same thread count may differ in the last bits; AUTO keeps the
# best code path for this CPU and makes runs with the same thread count reproducible.
export MKL_CBWR="${MKL_CBWR:-AUTO}"
