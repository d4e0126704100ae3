/**
 * The benchmark behind {@code benchmarks/bench} (Maven profile {@code bench}): training speed of
 * initsweep's kernels against DL4J, PyTorch (a per-run loop and a batched ensemble) and single-thread
 * sgemm, MNIST epochs, data loading and Spark sweeps in local mode. Method and figures:
 * docs/benchmarks.md. Speed targets live here, never in unit tests.
 */
package org.initsweep.bench;
