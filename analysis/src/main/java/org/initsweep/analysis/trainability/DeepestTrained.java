package org.initsweep.analysis.trainability;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measurement beside Schoenholz et al. 2017 (Fig. 5): for every σ_w² (every cell group that differs
 * only in depth), the deepest depth whose mean judged accuracy ({@link CellResult#trained}: test or
 * train) reached the target, beside theory's bound L ≲ 6·ξ_c. Pure function of its arguments.
 */
public final class DeepestTrained {

    private DeepestTrained() {
    }

    /**
     * One row of {@code trainability_bound/}.
     *
     * @param group                    the cell key without its depth (the other key columns, in order)
     * @param sigmaW2                  σ_w² of the hidden layers, or null (no mean-field σ_w²)
     * @param depths                   depths swept
     * @param deepestDepth             the largest depth swept
     * @param deepestTrainedDepth      the largest depth that trained, or null if none did
     * @param shallowestUntrainedDepth the smallest depth that did not train, or null if all did
     * @param target                   the group's target accuracy ({@link CellResult#target()}; one dataset per group)
     * @param xiC                      ξ_c in layers (+∞ on the critical line and where q* = 0), or null
     * @param bound                    {@link TheoryColumns#bound()}: 6·ξ_c, 6·ξ_∇ where q* = 0, or null
     * @param depthsAgreeing           depths where "trained" equals theory's "depth ≤ 6·ξ_c", or null
     *                                 without a bound
     * @param note                     theory's note ({@link TheoryColumns#note()}), or null
     */
    public record Row(List<Object> group, Double sigmaW2, int depths, int deepestDepth, Integer deepestTrainedDepth,
            Integer shallowestUntrainedDepth, double target, Double xiC, Double bound, Integer depthsAgreeing,
            String note)
            implements Serializable {
    }

    /**
     * @param cells      the cells, each with its theory ({@code theory.get(i)} for {@code cells.get(i)})
     * @param theory     the theory columns of each cell
     * @param depthIndex where the depth (an Integer) is in a cell key
     * @return one row per group, in the order groups first appear
     */
    public static List<Row> rows(List<CellResult> cells, List<TheoryColumns> theory, int depthIndex) {
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            List<Object> g = new ArrayList<>(cells.get(i).cell());
            g.remove(depthIndex);
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(i);
        }
        List<Row> out = new ArrayList<>();
        for (Map.Entry<List<Object>, List<Integer>> e : groups.entrySet()) {
            int deepest = Integer.MIN_VALUE;
            Integer trained = null;
            Integer untrained = null;
            TheoryColumns t = theory.get(e.getValue().get(0));
            int agreeing = 0;
            for (int i : e.getValue()) {
                CellResult c = cells.get(i);
                int depth = (Integer) c.cell().get(depthIndex);
                deepest = Math.max(deepest, depth);
                boolean ok = c.trained();
                if (ok && (trained == null || depth > trained)) {
                    trained = depth;
                }
                if (!ok && (untrained == null || depth < untrained)) {
                    untrained = depth;
                }
                if (t.bound() != null && ok == (depth <= t.bound())) {
                    agreeing++;
                }
            }
            out.add(new Row(e.getKey(), t.sigmaW2(), e.getValue().size(), deepest, trained, untrained,
                    cells.get(e.getValue().get(0)).target(), t.xiC(), t.bound(),
                    t.bound() == null ? null : agreeing, t.note()));
        }
        return out;
    }
}
