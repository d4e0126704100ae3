package org.initsweep.core.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The activations a spec can name, each with its parameters: the one place that maps spec names to
 * classes. A new activation is its class plus one {@link #register} line here.
 */
public final class Activations {

    /**
     * A parameter of an activation.
     *
     * @param field       JSON field and label name, e.g. {@code slope}
     * @param dflt        value when the spec leaves it out
     * @param min         smallest allowed value (inclusive unless {@code minExclusive})
     * @param minExclusive whether {@code min} itself is refused
     */
    public record Parameter(String field, double dflt, double min, boolean minExclusive) {
        /** Whether {@code v} is allowed (finite, and above the minimum). */
        public boolean accepts(double v) {
            return Double.isFinite(v) && (minExclusive ? v > min : v >= min);
        }

        /** The rule in words, for messages: "a finite number", "> 0". */
        public String rule() {
            return Double.isInfinite(min) ? "a finite number" : (minExclusive ? "> " : "≥ ") + min + " and finite";
        }
    }

    /**
     * One registered activation.
     *
     * @param name       spec name
     * @param parameters its parameters, in label order
     * @param make       builds it from parameter values in that order
     */
    public record Entry(String name, List<Parameter> parameters, Function<double[], Activation> make) {
        /** The activation with these parameter values (in {@link #parameters()} order). */
        public Activation create(double... values) {
            return make.apply(values);
        }

        /** The activation with every parameter at its default. */
        public Activation withDefaults() {
            return make.apply(parameters.stream().mapToDouble(Parameter::dflt).toArray());
        }
    }

    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();

    static {
        register("linear", List.of(), p -> Activation.LINEAR);
        register("tanh", List.of(), p -> Activation.TANH);
        register("relu", List.of(), p -> Activation.RELU);
        register("sigmoid", List.of(), p -> Activation.SIGMOID);
        register("leaky_relu", List.of(new Parameter("slope", LeakyRelu.DEFAULT_SLOPE, Double.NEGATIVE_INFINITY, false)),
                p -> new LeakyRelu(p[0]));
        register("selu", List.of(), p -> new Selu());
        register("gelu", List.of(), p -> new Gelu());
        register("silu", List.of(), p -> new Silu());
        register("swish", List.of(), p -> new Silu());
        register("elu", List.of(new Parameter("alpha", Elu.DEFAULT_ALPHA, 0, true)), p -> new Elu(p[0]));
        register("softplus", List.of(), p -> new Softplus());
    }

    private Activations() {
    }

    private static void register(String name, List<Parameter> parameters, Function<double[], Activation> make) {
        BY_NAME.put(name, new Entry(name, List.copyOf(parameters), make));
    }

    /** Spec names, in registration order. */
    public static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** The entry of a spec name, if registered. */
    public static Optional<Entry> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * Parses a {@link Activation#label()}: {@code tanh}, {@code leaky_relu(0.01)}.
     *
     * @throws IllegalArgumentException if the text is not a label an activation writes
     */
    public static Activation fromLabel(String label) {
        int open = label.indexOf('(');
        String name = open >= 0 && label.endsWith(")") ? label.substring(0, open) : label;
        Entry e = BY_NAME.get(name);
        if (e == null) {
            throw new IllegalArgumentException("not an activation label: " + label);
        }
        if (open < 0) {
            return e.withDefaults();
        }
        String[] parts = label.substring(open + 1, label.length() - 1).split(",");
        if (parts.length != e.parameters().size()) {
            throw new IllegalArgumentException("not an activation label: " + label);
        }
        double[] v = new double[parts.length];
        try {
            for (int i = 0; i < parts.length; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
            return e.create(v);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("not an activation label: " + label, ex);
        }
    }
}
