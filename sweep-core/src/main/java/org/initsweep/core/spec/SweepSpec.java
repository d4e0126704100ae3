package org.initsweep.core.spec;

import java.util.List;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitSpec;

/**
 * A validated sweep: the grid axes and the training settings shared by every run.
 * Built by {@link SpecReader}, which reports every invalid field; the canonical constructor only
 * copies the lists.
 *
 * @param name          sweep name ({@code [A-Za-z0-9._-]}, 1–64 chars), also the default output folder
 * @param depths        numbers of hidden layers L, each ≥ 1
 * @param widths        hidden layer widths n, each ≥ 1
 * @param activations   hidden-layer activations φ (the output unit is always a sigmoid)
 * @param inits         weight init schemes
 * @param multipliers   variance multipliers m = fan_in·Var(W), each &gt; 0
 * @param sigmaB2       bias variances σ_b², each ≥ 0 (0 means biases start at 0)
 * @param datasets      training sets
 * @param seeds         seeds; a run's data depend on the seed, its weights on seed and run id
 * @param samples       training-set size
 * @param epochs        training epochs (0 = only look at the network at initialization)
 * @param learningRate  SGD step size
 * @param batchSize     mini-batch size, 1 ≤ batchSize ≤ samples (= samples: full-batch gradient descent)
 * @param recordEpochs  epochs whose layer traces are kept, each in [0, epochs]; 0 = at initialization
 * @param precision     float32 or float64
 * @param outputs       optional outputs: activation histograms, decision boundaries
 */
public record SweepSpec(
        String name,
        List<Integer> depths,
        List<Integer> widths,
        List<Activation> activations,
        List<InitSpec> inits,
        List<Double> multipliers,
        List<Double> sigmaB2,
        List<DatasetKind> datasets,
        List<Long> seeds,
        int samples,
        int epochs,
        double learningRate,
        int batchSize,
        List<Integer> recordEpochs,
        Precision precision,
        Outputs outputs) implements java.io.Serializable {

    /** Copies every list, so a spec never changes after construction. */
    public SweepSpec {
        depths = List.copyOf(depths);
        widths = List.copyOf(widths);
        activations = List.copyOf(activations);
        inits = List.copyOf(inits);
        multipliers = List.copyOf(multipliers);
        sigmaB2 = List.copyOf(sigmaB2);
        datasets = List.copyOf(datasets);
        seeds = List.copyOf(seeds);
        recordEpochs = List.copyOf(recordEpochs);
    }
}
