package org.initsweep.core.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitSpec;

/**
 * A validated sweep: the values of every grid axis ({@link Axes}) and the training settings shared by
 * every run. Built by {@link SpecReader}, which reports every invalid field; the canonical
 * constructor only copies.
 *
 * @param name         sweep name ({@code [A-Za-z0-9._-]}, 1–64 chars), also the default output folder
 * @param description  free text, or null; not part of any run
 * @param axes         each axis' values by {@link Axis#name()}, for every axis of {@link Axes#ALL}
 *                     ({@code depth} may be empty when every width is a profile, {@code learning_rate}
 *                     when every optimizer gives its own)
 * @param optimizerLearningRates the learning rates an optimizer of the {@code optimizer} axis gives itself
 *                     ({@code {"name": "adam", "learning_rate": 0.001}}), swept for it instead of the
 *                     {@code learning_rate} axis; an optimizer not in the map takes that axis
 * @param samples      training examples per run; 0 = each dataset's default (256 generated, all of a real
 *                     dataset's training split)
 * @param epochs       training epochs (0 = only look at the network at initialization)
 * @param batchSize    mini-batch size ≥ 1, ≤ samples; 0 = the whole training set (full-batch gradient descent)
 * @param recordEpochs epochs whose layer traces are kept, each in [0, epochs]; 0 = at initialization
 * @param precision    float32 or float64
 * @param outputs      optional outputs: activation histograms, decision boundaries
 * @param testFraction share of a dataset held out for testing where it has no test split of its own, in
 *                     (0, 1); null: the default (0.2 for real data, none for generated data)
 * @param preprocessing how features are scaled (statistics of the training split)
 * @param targetAccuracy accuracy on {@code targetSplit} at or above which a cell counts as trained in
 *                     {@code trainability/}, for all datasets or by dataset; null (and a dataset it leaves out):
 *                     0.9 × the best cell's of each dataset (not part of any run)
 * @param targetSplit  the split whose accuracy is compared with the target (not part of any run)
 */
public record SweepSpec(
        String name,
        String description,
        Map<String, List<?>> axes,
        Map<org.initsweep.core.optim.Optimizer, List<Double>> optimizerLearningRates,
        int samples,
        int epochs,
        int batchSize,
        List<Integer> recordEpochs,
        Precision precision,
        Outputs outputs,
        Double testFraction,
        org.initsweep.core.data.Preprocessing preprocessing,
        TargetAccuracy targetAccuracy,
        TargetSplit targetSplit) implements java.io.Serializable {

    /** Copies every list, so a spec never changes after construction. */
    public SweepSpec {
        Map<String, List<?>> copy = new LinkedHashMap<>();
        for (Axis<?> a : Axes.ALL) {
            List<?> v = axes.get(a.name());
            if (v == null) {
                throw new IllegalArgumentException("no values for axis " + a.name());
            }
            copy.put(a.name(), List.copyOf(v));
        }
        axes = Collections.unmodifiableMap(copy);
        Map<org.initsweep.core.optim.Optimizer, List<Double>> rates = new LinkedHashMap<>();
        optimizerLearningRates.forEach((o, v) -> rates.put(o, List.copyOf(v)));
        optimizerLearningRates = Collections.unmodifiableMap(rates);
        recordEpochs = List.copyOf(recordEpochs);
        java.util.Objects.requireNonNull(targetSplit, "targetSplit");
    }

    /** The values of one axis. */
    @SuppressWarnings("unchecked")
    public <T> List<T> values(Axis<T> axis) {
        return (List<T>) axes.get(axis.name());
    }

    /**
     * Whether the two specs compute the same runs, in any order: everything but the description, the target
     * accuracy and its split equal, each axis' values the same in any order, and each optimizer's learning
     * rates the same wherever they were given (its own or the spec's). A sweep resumes by run id, and a run's
     * values do not depend on its place in the grid, so another order resumes the same sweep.
     */
    public boolean sameRuns(SweepSpec other) {
        return name.equals(other.name) && axisSets().equals(other.axisSets()) && samples == other.samples
                && epochs == other.epochs && batchSize == other.batchSize && recordEpochs.equals(other.recordEpochs)
                && precision == other.precision && outputs.equals(other.outputs)
                && java.util.Objects.equals(testFraction, other.testFraction) && preprocessing == other.preprocessing;
    }

    /** Each axis' values as a set, the learning rates by optimizer: what {@link #sameRuns} compares. */
    private Map<String, java.util.Set<?>> axisSets() {
        Map<String, java.util.Set<?>> sets = new LinkedHashMap<>();
        axes.forEach((axis, values) -> sets.put(axis, java.util.Set.copyOf(values)));
        Map<org.initsweep.core.optim.Optimizer, java.util.Set<Double>> rates = new LinkedHashMap<>();
        optimizers().forEach(o -> rates.put(o, java.util.Set.copyOf(learningRates(o))));
        sets.put(Axes.LEARNING_RATE.name(), rates.entrySet());
        return sets;
    }

    /**
     * The spec fields (JSON names, in the spec's order) whose values differ between the two specs as
     * {@link SpecWriter} writes them, an axis' values in any order, the fields {@link #sameRuns} ignores left
     * out: what makes {@link #sameRuns} false. Learning rates count where they take effect, not where they are
     * written: {@code optimizers} when the rules differ or one whose own rates changed, {@code learning_rates}
     * when the spec's rates changed for a rule that takes them in both.
     */
    public List<String> fieldsDifferentFrom(SweepSpec other) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode a = json.readTree(SpecWriter.toJson(this));
            com.fasterxml.jackson.databind.JsonNode b = json.readTree(SpecWriter.toJson(other));
            java.util.LinkedHashSet<String> fields = new java.util.LinkedHashSet<>();
            a.fieldNames().forEachRemaining(fields::add);
            b.fieldNames().forEachRemaining(fields::add);
            fields.add(Axes.LEARNING_RATE.field());
            fields.removeAll(List.of("description", "target_accuracy", "target_split"));
            boolean rules = !java.util.Set.copyOf(optimizers()).equals(java.util.Set.copyOf(other.optimizers()));
            boolean ownRates = false;
            boolean sharedRates = false;
            for (org.initsweep.core.optim.Optimizer o : optimizers()) {
                java.util.Set<Double> mine = java.util.Set.copyOf(learningRates(o));
                if (other.optimizers().contains(o) && !mine.equals(java.util.Set.copyOf(other.learningRates(o)))) {
                    boolean own = optimizerLearningRates.containsKey(o) || other.optimizerLearningRates.containsKey(o);
                    ownRates |= own;
                    sharedRates |= !own;
                }
            }
            boolean optimizersDiffer = rules || ownRates;
            boolean ratesDiffer = sharedRates;
            return fields.stream().filter(f -> switch (f) {
                case "optimizers" -> optimizersDiffer;
                case "learning_rates" -> ratesDiffer;
                default -> !java.util.Objects.equals(valuesOf(a.get(f)), valuesOf(b.get(f)));
            }).toList();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("SpecWriter wrote JSON that does not parse", e);
        }
    }

    /** A field's JSON value; an array (an axis, or {@code record_epochs}, which is sorted) as its entries' set. */
    private static Object valuesOf(com.fasterxml.jackson.databind.JsonNode field) {
        if (field == null || !field.isArray()) {
            return field;
        }
        java.util.Set<com.fasterxml.jackson.databind.JsonNode> entries = new java.util.HashSet<>();
        field.forEach(entries::add);
        return entries;
    }

    /** Hidden depths L (for constant widths; a profile's depth is its length). */
    public List<Integer> depths() {
        return values(Axes.DEPTH);
    }

    /** Hidden widths: constant widths and profiles. */
    public List<Widths> widths() {
        return values(Axes.WIDTH);
    }

    /** Hidden activations φ. */
    public List<Activation> activations() {
        return values(Axes.ACTIVATION);
    }

    /** Weight init schemes. */
    public List<InitSpec> inits() {
        return values(Axes.INIT);
    }

    /** Variance multipliers m = fan_in·Var(W). */
    public List<Double> multipliers() {
        return values(Axes.MULTIPLIER);
    }

    /** Bias variances σ_b². */
    public List<Double> sigmaB2() {
        return values(Axes.SIGMA_B2);
    }

    /** Training sets. */
    public List<org.initsweep.core.data.DatasetSource> datasets() {
        return values(Axes.DATASET);
    }

    /** Seeds. */
    public List<Long> seeds() {
        return values(Axes.SEED);
    }

    /** Optimizers (update rules; their learning rates: {@link #learningRates(org.initsweep.core.optim.Optimizer)}). */
    public List<org.initsweep.core.optim.Optimizer> optimizers() {
        return values(Axes.OPTIMIZER);
    }

    /** The spec's learning rates, for every optimizer that gives none of its own (empty when each gives its own). */
    public List<Double> learningRates() {
        return values(Axes.LEARNING_RATE);
    }

    /** The learning rates swept for one of {@link #optimizers()}: its own, else the spec's. */
    public List<Double> learningRates(org.initsweep.core.optim.Optimizer optimizer) {
        return optimizerLearningRates.getOrDefault(optimizer, learningRates());
    }

    /** The number of (optimizer, learning rate) pairs a grid point trains with: Σ over optimizers of their rates. */
    public int trainingSettings() {
        int n = 0;
        for (org.initsweep.core.optim.Optimizer o : optimizers()) {
            n += learningRates(o).size();
        }
        return n;
    }
}
