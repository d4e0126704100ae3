package org.initsweep.core.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.init.InitSpec;

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
        spec.depths().forEach(o.putArray("depths")::add);
        spec.widths().forEach(o.putArray("widths")::add);
        ArrayNode acts = o.putArray("activations");
        for (Activation a : spec.activations()) {
            if (a.kind() == Activation.Kind.LEAKY_RELU) {
                acts.addObject().put("name", a.kind().specName()).put("slope", a.slope());
            } else {
                acts.add(a.kind().specName());
            }
        }
        ArrayNode inits = o.putArray("inits");
        for (InitSpec i : spec.inits()) {
            if (i.scheme().parameterName().isPresent()) {
                inits.addObject().put("scheme", i.scheme().specName()).put(i.scheme().parameterName().get(), i.param());
            } else {
                inits.add(i.scheme().specName());
            }
        }
        spec.multipliers().forEach(o.putArray("multipliers")::add);
        spec.sigmaB2().forEach(o.putArray("sigma_b2")::add);
        ArrayNode ds = o.putArray("datasets");
        spec.datasets().forEach(d -> ds.add(d.specName()));
        spec.seeds().forEach(o.putArray("seeds")::add);
        o.put("samples", spec.samples());
        o.put("epochs", spec.epochs());
        o.put("learning_rate", spec.learningRate());
        o.put("batch_size", spec.batchSize());
        spec.recordEpochs().forEach(o.putArray("record_epochs")::add);
        o.put("precision", spec.precision().specName());
        o.put("histograms", spec.outputs().histograms());
        o.put("boundaries", spec.outputs().boundaries());
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}
