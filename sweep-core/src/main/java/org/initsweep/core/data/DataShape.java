package org.initsweep.core.data;

/**
 * The size of what a run trains on, for estimates made before the data are prepared (the preflight's
 * work and memory, the scheduler's cost per run).
 *
 * @param features     input dimension n^[0]
 * @param trainSamples training examples
 * @param testSamples  held-out examples (0 without a test set)
 * @param classes      K ≥ 2
 */
public record DataShape(int features, int trainSamples, int testSamples, int classes) {

    /** Output units of a network for these classes: 1 for two (a sigmoid), K otherwise (softmax). */
    public int outputUnits() {
        return classes == 2 ? 1 : classes;
    }
}
