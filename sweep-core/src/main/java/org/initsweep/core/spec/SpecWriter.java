package org.initsweep.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Writes a spec back as JSON with every default filled in: the provenance stored beside results,
 * and readable again by {@link SpecReader} into an equal spec.
 */
public final class SpecWriter {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SpecWriter() {
    }

    /** The spec as a JSON document (pretty-printed). */
    public static String toJson(SweepSpec spec) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", spec.name());
        if (spec.description() != null) {
            o.put("description", spec.description());
        }
        for (Axis<?> a : Axes.ALL) {
            if (spec.values(a).isEmpty()) {
                continue; // depths when every width is a profile; learning rates when every optimizer gives its own
            }
            write(o.putArray(a.field()), a, spec);
        }
        ArrayNode optimizers = (ArrayNode) o.get(Axes.OPTIMIZER.field());
        for (int i = 0; i < spec.optimizers().size(); i++) {
            List<Double> own = spec.optimizerLearningRates().get(spec.optimizers().get(i));
            if (own != null) {
                JsonNode rule = optimizers.get(i);
                ObjectNode withRates = rule.isObject() ? (ObjectNode) rule
                        : MAPPER.createObjectNode().put("name", rule.asText());
                own.forEach(withRates.putArray("learning_rates")::add);
                optimizers.set(i, withRates);
            }
        }
        if (spec.samples() > 0) {
            o.put("samples", spec.samples());
        }
        o.put("epochs", spec.epochs());
        if (spec.batchSize() > 0) {
            o.put("batch_size", spec.batchSize());
        }
        if (spec.testFraction() != null) {
            o.put("test_fraction", spec.testFraction());
        }
        o.put("preprocessing", spec.preprocessing().specName());
        spec.recordEpochs().forEach(o.putArray("record_epochs")::add);
        o.put("precision", spec.precision().specName());
        o.put("histograms", spec.outputs().histograms());
        o.put("boundaries", spec.outputs().boundaries());
        o.put("jacobian", spec.outputs().jacobian());
        if (spec.targetAccuracy() != null && spec.targetAccuracy().all() != null) {
            o.put("target_accuracy", spec.targetAccuracy().all());
        } else if (spec.targetAccuracy() != null) {
            ObjectNode byDataset = o.putObject("target_accuracy");
            spec.targetAccuracy().byDataset().forEach(byDataset::put);
        }
        // Only the non-default split: an explicit "test" is refused on generated data without a test split,
        // which the default is not, so writing it would make a sweep's own spec.json unreadable.
        if (spec.targetSplit() != TargetSplit.TEST) {
            o.put("target_split", spec.targetSplit().specName());
        }
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    private static <T> void write(ArrayNode out, Axis<T> axis, SweepSpec spec) {
        for (T v : spec.values(axis)) {
            out.add(axis.write(v));
        }
    }
}
