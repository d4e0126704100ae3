package org.initsweep.core.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initsweep.core.nn.LaneNetwork;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.RunResult;

/**
 * Splits runs into batches trained in one call: runs that can share a {@link LaneNetwork} (equal
 * {@link LaneTrainer.Key}) go together, up to {@link LaneNetwork#lanes()} per batch, in the order their
 * first run appears; every other run is a batch of its own ({@link Trainer#train}). A run's result does
 * not depend on its batch (see {@link LaneNetwork}), so any split of a sweep, by Spark partitions, slots or
 * a resume, gives the same values.
 */
public final class RunBatches {

    private RunBatches() {
    }

    /**
     * @return batches of runs, each list non-empty; together every run once
     * @throws IllegalStateException if a run's dataset was not loaded into {@code datasets}
     */
    public static List<List<RunSpec>> plan(List<RunSpec> runs, RunDatasets datasets) {
        Map<Object, List<RunSpec>> open = new LinkedHashMap<>();
        List<List<RunSpec>> batches = new ArrayList<>();
        int lanes = LaneNetwork.available() ? LaneNetwork.lanes() : 1;
        for (RunSpec run : runs) {
            LaneTrainer.Key key = LaneTrainer.mayShare(run, datasets.shape(run)) ? LaneTrainer.key(run, datasets.of(run))
                    : null;
            if (key == null) {
                batches.add(List.of(run));
                continue;
            }
            List<RunSpec> batch = open.computeIfAbsent(key, k -> {
                List<RunSpec> b = new ArrayList<>(lanes);
                batches.add(b);
                return b;
            });
            batch.add(run);
            if (batch.size() == lanes) {
                open.remove(key);
            }
        }
        return batches;
    }

    /**
     * Trains one batch of {@link #plan}: in lanes when its runs share a lane key, else alone.
     *
     * @return the runs' results, in order
     */
    public static List<RunResult> train(List<RunSpec> batch, Outputs outputs, RunDatasets datasets) {
        RunSpec first = batch.get(0);
        if (batch.size() == 1 && (!LaneTrainer.mayShare(first, datasets.shape(first))
                || LaneTrainer.key(first, datasets.of(first)) == null)) {
            return List.of(Trainer.train(first, outputs, datasets, net -> { }));
        }
        return LaneTrainer.train(batch, outputs, datasets);
    }
}
