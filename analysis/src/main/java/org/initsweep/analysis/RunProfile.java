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
 * l = 1..L+1; {@code units} holds n^[0..L+1] as the traces recorded them (fan_in of layer 1, then
 * each layer's fan_out), so a width profile and the output's K units are predicted as trained.
 */
record RunProfile(String runId, String activation, String init, Integer width, String profile, double sigmaB2,
        String dataset, int depth, Double multiplier, long seed, double inputVar, int[] units, double[] varA,
        double[] varGradA, double[] varZ) {

    /** Reads a row of the profiles query. */
    static RunProfile of(Row r) {
        List<Row> p = r.getList(r.fieldIndex("layers"));
        int depth = r.<Integer>getAs("depth");
        String runId = r.getAs("run_id");
        if (p.size() != depth + 1) {
            throw new IllegalStateException("run " + runId + " has " + p.size()
                    + " traced layers at epoch 0, expected " + (depth + 1));
        }
        double[] varA = new double[p.size()];
        double[] varGradA = new double[p.size()];
        double[] varZ = new double[p.size()];
        int[] units = new int[p.size() + 1];
        for (Row layer : p) {
            int l = layer.<Integer>getAs("layer");
            varA[l - 1] = layer.<Double>getAs("var_a");
            varGradA[l - 1] = layer.<Double>getAs("var_grad_a");
            varZ[l - 1] = layer.<Double>getAs("var_z");
            units[l - 1] = layer.<Integer>getAs("fan_in");
            units[l] = layer.<Integer>getAs("fan_out");
        }
        int mi = r.fieldIndex("multiplier");
        int wi = r.fieldIndex("width");
        int pi = r.fieldIndex("profile");
        return new RunProfile(runId, r.getAs("activation"), r.getAs("init"), r.isNullAt(wi) ? null : r.getInt(wi),
                r.isNullAt(pi) ? null : r.getString(pi), r.<Double>getAs("sigma_b2"), r.getAs("dataset"), depth,
                r.isNullAt(mi) ? null : r.getDouble(mi), r.<Long>getAs("seed"), r.<Double>getAs("input_var"), units,
                varA, varGradA, varZ);
    }

    double forwardRate() {
        return SignalGrowth.forwardRate(varZ);
    }

    double backwardRate() {
        return SignalGrowth.backwardRate(Arrays.copyOf(varGradA, depth));
    }

    Optional<NetworkPrediction> prediction() {
        return predict(activation, init, multiplier, sigmaB2, units, inputVar);
    }

    /**
     * The mean-field prediction of a network ({@link NetworkPrediction#of}): empty for fixed init schemes
     * (multiplier null) but identity_scaled in a linear network, whose maps are exact.
     */
    static Optional<NetworkPrediction> predict(String activation, String init, Double multiplier, double sigmaB2,
            int[] units, double inputVar) {
        return NetworkPrediction.of(Activation.fromLabel(activation), InitSpec.fromLabel(init),
                multiplier == null ? Double.NaN : multiplier, sigmaB2, units, inputVar);
    }

    /**
     * Theory's finite-width spread of ln Var(a^[l]) for the hidden layers of a predicted network
     * ({@link org.initsweep.core.theory.FiniteWidthSpread}): asked for only where it is shown, not with
     * every prediction (the rates need none of it).
     */
    static double[] spread(String activation, NetworkPrediction p, int[] units) {
        return org.initsweep.core.theory.FiniteWidthSpread.lnVarianceSd(Activation.fromLabel(activation), p.varZ(), units);
    }

    /**
     * n^[0..L+1] of a chart group's networks at a depth, for theory lines drawn without a run at hand:
     * the dataset's input dimension, the hidden widths, one output unit.
     */
    static int[] units(ChartGroup g, int depth) {
        int[] hidden;
        if (g.width() != null) {
            hidden = new int[depth];
            Arrays.fill(hidden, g.width());
        } else {
            hidden = org.initsweep.core.spec.Widths.fromLabel(g.profile()).profile();
        }
        int[] units = new int[hidden.length + 2];
        units[0] = DatasetKind.fromSpecName(g.dataset()).map(d -> d.inputDim(hidden[0])).orElse(hidden[0]);
        System.arraycopy(hidden, 0, units, 1, hidden.length);
        units[hidden.length + 1] = 1;
        return units;
    }

    /** A row of {@link Analysis#RUN_RATES}. */
    Row ratesRow() {
        Optional<NetworkPrediction> p = prediction();
        return RowFactory.create(runId, activation, init, width, profile, sigmaB2, dataset, depth, multiplier, seed,
                forwardRate(), backwardRate(),
                p.map(NetworkPrediction::forwardRate).orElse(null), p.map(NetworkPrediction::backwardRate).orElse(null),
                p.map(NetworkPrediction::chi1).filter(Double::isFinite).orElse(null),
                p.map(NetworkPrediction::regime).map(x -> x.label()).orElse(null),
                p.map(NetworkPrediction::criticalM).filter(Double::isFinite).orElse(null));
    }

    /** Rows of {@link Analysis#GROWTH}, one per layer. */
    List<Row> growthRows() {
        NetworkPrediction p = prediction().orElse(null);
        // the spread is that of random Gaussian weights: a fixed scheme's net has none to show
        double[] lnVarASd = p == null || multiplier == null ? null : spread(activation, p, units);
        double lastHidden = varGradA[depth - 1];
        List<Row> out = new ArrayList<>(varA.length);
        for (int i = 0; i < varA.length; i++) {
            // theory's q is a unit's second moment over weight draws; the output layer's few units make its
            // measured variance the spread across inputs instead (q·(1 − c) with one unit): nothing to compare
            Double predZ = p == null || i >= depth ? null : p.varZ()[i];
            Double predA = p == null || i >= depth ? null : p.varA()[i];
            // The backward prediction is anchored at the measured gradient of the last hidden layer.
            Double predG = p == null || i >= depth ? null : p.varGradA()[i] * lastHidden;
            Double spread = lnVarASd == null || i >= depth ? null : lnVarASd[i];
            out.add(RowFactory.create(runId, i + 1, activation, init, width, profile, sigmaB2, dataset, depth,
                    multiplier, seed, varZ[i], varA[i], varGradA[i], Math.log(varA[i] / inputVar),
                    Math.log(varGradA[i] / lastHidden), predZ, predA, predG, spread));
        }
        return out;
    }
}
