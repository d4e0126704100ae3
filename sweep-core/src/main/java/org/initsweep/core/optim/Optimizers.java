package org.initsweep.core.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The optimizers a spec can name, each with its hyperparameters: a new update rule is one class
 * implementing {@link Optimizer} plus one {@code register} line here; the spec reader, the spec
 * writer and the help text take names, fields, ranges and defaults from this table.
 */
public final class Optimizers {

    /** What a spec without {@code optimizers} trains with; its runs keep the ids of versions without the axis. */
    public static final Optimizer DEFAULT = new Sgd();

    /**
     * One registered optimizer.
     *
     * @param name       spec name, as {@link Optimizer#name()} returns it
     * @param parameters its hyperparameters, in the order of {@link Optimizer#hyperparameters()}
     * @param make       builds it from values in that order
     */
    public record Entry(String name, List<Hyperparameter> parameters, Function<double[], Optimizer> make) {

        /**
         * The optimizer with these hyperparameter values.
         *
         * @param values one per parameter, in order, each in its range
         * @return the optimizer
         * @throws IllegalArgumentException if a value is out of range or their number is wrong
         */
        public Optimizer create(double... values) {
            if (values.length != parameters.size()) {
                throw new IllegalArgumentException(name + " takes " + parameters.size() + " values, got " + values.length);
            }
            for (int i = 0; i < values.length; i++) {
                Hyperparameter p = parameters.get(i);
                if (!p.range().accepts(values[i])) {
                    throw new IllegalArgumentException(name + ": " + p.name() + " " + p.range().requirement()
                            + ", got " + values[i]);
                }
            }
            return make.apply(values.clone());
        }

        /** The spec fields an object form of this optimizer may have: {@code name} and its parameters. */
        public List<String> fields() {
            List<String> f = new ArrayList<>();
            f.add("name");
            parameters.forEach(p -> f.add(p.name()));
            return f;
        }
    }

    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();

    static {
        register("sgd", List.of(), v -> new Sgd());
        register("momentum", List.of(new Hyperparameter("beta", Hyperparameter.Range.FRACTION, Momentum.DEFAULT_BETA),
                new Hyperparameter("nesterov", Hyperparameter.Range.FLAG, 0)), v -> new Momentum(v[0], v[1] != 0));
        register("adam", List.of(new Hyperparameter("beta1", Hyperparameter.Range.FRACTION, Adam.DEFAULT_BETA1),
                new Hyperparameter("beta2", Hyperparameter.Range.FRACTION, Adam.DEFAULT_BETA2),
                new Hyperparameter("eps", Hyperparameter.Range.POSITIVE, Adam.DEFAULT_EPS)),
                v -> new Adam(v[0], v[1], v[2]));
        register("rmsprop", List.of(new Hyperparameter("alpha", Hyperparameter.Range.FRACTION, RmsProp.DEFAULT_ALPHA),
                new Hyperparameter("eps", Hyperparameter.Range.POSITIVE, RmsProp.DEFAULT_EPS),
                new Hyperparameter("centered", Hyperparameter.Range.FLAG, 0)), v -> new RmsProp(v[0], v[1], v[2] != 0));
    }

    private Optimizers() {
    }

    private static void register(String name, List<Hyperparameter> parameters, Function<double[], Optimizer> make) {
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

    /** Every name with its hyperparameters, for help text: {@code sgd, momentum (beta, nesterov), …}. */
    public static String describe() {
        List<String> parts = new ArrayList<>();
        for (Entry e : BY_NAME.values()) {
            parts.add(e.parameters().isEmpty() ? e.name()
                    : e.name() + " (" + String.join(", ", e.parameters().stream().map(Hyperparameter::name).toList()) + ")");
        }
        return String.join(", ", parts);
    }
}
