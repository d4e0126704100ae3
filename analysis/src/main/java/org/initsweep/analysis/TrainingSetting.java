package org.initsweep.analysis;

import java.util.Comparator;
import org.apache.spark.sql.Row;

/**
 * What a run was trained with beyond its network and data: the optimizer's label as in {@code runs/}
 * ({@code sgd}, {@code momentum(beta=0.9)}, {@code adam(…)}) and the learning rate η. A chart group
 * ({@link ChartGroup}) does not name it, so curves after training are drawn per setting: two
 * learning rates averaged into one line would be a network nobody trained.
 *
 * @param optimizer    the optimizer's label
 * @param learningRate η
 */
public record TrainingSetting(String optimizer, double learningRate) implements Comparable<TrainingSetting> {

    private static final Comparator<TrainingSetting> ORDER = Comparator.comparing(TrainingSetting::optimizer)
            .thenComparingDouble(TrainingSetting::learningRate);

    /** Reads the setting from a row with columns {@code optimizer} and {@code learning_rate}. */
    public static TrainingSetting of(Row r) {
        return new TrainingSetting(r.getAs("optimizer"), r.<Double>getAs("learning_rate"));
    }

    /** {@code sgd η = 0.05}, {@code adam η = 0.0001}, {@code sgd η = 20}: how every chart names a setting. */
    public String label() {
        return optimizer + " \u03b7 = " + NumberText.of(learningRate);
    }

    /**
     * {@code sgd_lr0.05}, {@code adam_lr0.0001}: the setting in a chart's file name, η written as in
     * {@link #label()} (callers sanitize the whole name: an optimizer label may hold parentheses).
     */
    public String fileText() {
        return optimizer + "_lr" + NumberText.of(learningRate);
    }

    /** Optimizer label, then learning rate. */
    @Override
    public int compareTo(TrainingSetting o) {
        return ORDER.compare(this, o);
    }
}
