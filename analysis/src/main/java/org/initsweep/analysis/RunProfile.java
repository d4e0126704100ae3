package org.initsweep.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.regime.SignalGrowth;
import org.initsweep.core.theory.NetworkPrediction;

/**
 * One run's layer profile at initialization (from the {@code profiles} query of {@link Analysis})
 * with its measured rates and its mean-field prediction. Arrays are indexed by layer l − 1,
 * l = 1..L+1.
 */
record RunProfile(String runId, String activation, String init, int width, double sigmaB2, String dataset, int depth,
        Double multiplier, long seed, double inputVar, int inputDim, double[] varA, double[] varGradA, double[] varZ) {

    /** Reads a row of the profiles query. */
    static RunProfile of(Row r) {
        List<Row> p = r.getList(r.fieldIndex("profile"));
        int depth = r.getInt(r.fieldIndex("depth"));
        if (p.size() != depth + 1) {
            throw new IllegalStateException("run " + r.getString(0) + " has " + p.size()
                    + " traced layers at epoch 0, expected " + (depth + 1));
        }
        double[] varA = new double[p.size()];
        double[] varGradA = new double[p.size()];
        double[] varZ = new double[p.size()];
        for (Row layer : p) {
            int l = layer.getInt(0);
            varA[l - 1] = layer.getDouble(1);
            varGradA[l - 1] = layer.getDouble(2);
            varZ[l - 1] = layer.getDouble(3);
        }
        int mi = r.fieldIndex("multiplier");
        return new RunProfile(r.getAs("run_id"), r.getAs("activation"), r.getAs("init"), r.<Integer>getAs("width"),
                r.<Double>getAs("sigma_b2"), r.getAs("dataset"), depth, r.isNullAt(mi) ? null : r.getDouble(mi),
                r.<Long>getAs("seed"), r.<Double>getAs("input_var"), r.<Integer>getAs("input_dim"), varA, varGradA, varZ);
    }

    double forwardRate() {
        return SignalGrowth.forwardRate(varZ);
    }

    double backwardRate() {
        return SignalGrowth.backwardRate(Arrays.copyOf(varGradA, depth));
    }

    Optional<NetworkPrediction> prediction() {
        return predict(activation, init, multiplier, sigmaB2, inputDim, width, depth, inputVar);
    }

    /** The mean-field prediction of a grid point, empty for fixed init schemes. */
    static Optional<NetworkPrediction> predict(String activation, String init, Double multiplier, double sigmaB2,
            int inputDim, int width, int depth, double inputVar) {
        if (multiplier == null) {
            return Optional.empty();
        }
        return NetworkPrediction.of(Activation.fromLabel(activation), InitSpec.fromLabel(init), multiplier, sigmaB2,
                inputDim, width, depth, inputVar);
    }

    /** Input dimension of a dataset at a width. */
    static int inputDim(String dataset, int width) {
        return DatasetKind.fromSpecName(dataset).map(d -> d.inputDim(width)).orElse(width);
    }

    /** A row of {@link Analysis#RUN_RATES}. */
    Row ratesRow() {
        Optional<NetworkPrediction> p = prediction();
        return RowFactory.create(runId, activation, init, width, sigmaB2, dataset, depth, multiplier, seed,
                forwardRate(), backwardRate(),
                p.map(NetworkPrediction::forwardRate).orElse(null), p.map(NetworkPrediction::backwardRate).orElse(null),
                p.map(NetworkPrediction::chi1).orElse(null), p.map(x -> x.regime().label()).orElse(null),
                p.map(NetworkPrediction::criticalM).orElse(null));
    }

    /** Rows of {@link Analysis#GROWTH}, one per layer. */
    List<Row> growthRows() {
        NetworkPrediction p = prediction().orElse(null);
        double lastHidden = varGradA[depth - 1];
        List<Row> out = new ArrayList<>(varA.length);
        for (int i = 0; i < varA.length; i++) {
            Double predZ = p == null ? null : p.varZ()[i];
            Double predA = p == null ? null : p.varA()[i];
            // The backward prediction is anchored at the measured gradient of the last hidden layer.
            Double predG = p == null || i >= depth ? null : p.varGradA()[i] * lastHidden;
            out.add(RowFactory.create(runId, i + 1, activation, init, width, sigmaB2, dataset, depth, multiplier, seed,
                    varZ[i], varA[i], varGradA[i], Math.log(varA[i] / inputVar), Math.log(varGradA[i] / lastHidden),
                    predZ, predA, predG));
        }
        return out;
    }
}
