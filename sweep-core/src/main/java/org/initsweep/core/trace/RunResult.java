package org.initsweep.core.trace;

import java.io.Serializable;
import java.util.List;
import org.initsweep.core.spec.RunSpec;

/**
 * Everything one run produced.
 *
 * @param spec          the run
 * @param runId         {@code spec.runId()}
 * @param status        ok or diverged
 * @param divergedEpoch epoch at which NaN/Inf appeared, or −1
 * @param divergedLayer first layer (1..L+1) whose z held NaN/Inf at that epoch, 0 if only the
 *                      update overflowed, or −1
 * @param finalLoss     loss at the last epoch reached
 * @param finalAccuracy accuracy at the last epoch reached
 * @param durationMs    wall time of data generation, init and training, milliseconds
 * @param kernel        what computed the matrix products ({@link org.initsweep.core.nn.Network#kernelName()}),
 *                      provenance: results agree across kernels to float32 rounding, not bit for bit
 * @param inputVar      population variance of the training inputs (1 after standardization)
 * @param data          what the run trained on: input dimension, classes, example counts, dataset digest
 * @param layers        traces, by recorded epoch then layer
 * @param epochs        cost and accuracy of every epoch reached
 * @param histograms    activation histograms per recorded epoch and layer (empty unless asked for)
 * @param boundary      decision boundary after training, or null (not asked for, or not 2-D)
 * @param jacobian      the input–output Jacobian's spectrum per recorded epoch (empty unless asked for)
 */
public record RunResult(RunSpec spec, String runId, RunStatus status, int divergedEpoch, int divergedLayer,
        double finalLoss, double finalAccuracy, long durationMs, String kernel, double inputVar, DataSummary data,
        List<LayerTrace> layers, List<EpochMetrics> epochs, List<ActivationHistogram> histograms,
        DecisionBoundary boundary, List<JacobianStats> jacobian) implements Serializable {

    /**
     * What a run trained on.
     *
     * @param inputDim     n^[0]
     * @param classes      K
     * @param trainSamples training examples
     * @param testSamples  held-out examples, 0 without a test set
     * @param sha256       digest of the dataset's files, or null for generated data
     * @param testFraction share of the examples held out as the test set, as applied (the spec's, or the
     *                     default for real data); null when the dataset has a test split of its own or
     *                     the run has no test set
     */
    public record DataSummary(int inputDim, int classes, int trainSamples, int testSamples, String sha256,
            Double testFraction) implements Serializable {
    }

    /** Test loss at the last epoch reached (NaN without a test set). */
    public double finalTestLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testLoss();
    }

    /** Test accuracy at the last epoch reached (NaN without a test set). */
    public double finalTestAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
    }

    public RunResult {
        layers = List.copyOf(layers);
        epochs = List.copyOf(epochs);
        histograms = List.copyOf(histograms);
        jacobian = List.copyOf(jacobian);
    }
}
