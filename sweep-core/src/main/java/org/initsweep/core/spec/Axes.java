package org.initsweep.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.initsweep.core.Quantities;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.activation.Activations;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.init.Distribution;
import org.initsweep.core.init.FanMode;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.optim.Hyperparameter;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.Optimizers;

/**
 * The grid axes of a sweep, each declared once ({@link Axis}): JSON field, parser and validation,
 * writer, canonical-key text and result columns. {@link #ALL} is their column order in the result
 * tables; {@link Grid} enumerates them in its own order. A new axis is one declaration here, a
 * component of {@link RunSpec} and its place in {@link Grid} and {@link RunSpec#canonicalKey()}.
 */
public final class Axes {

    private static final JsonNodeFactory J = JsonNodeFactory.instance;

    /**
     * PyTorch's {@code torch.nn.init} names (with or without their trailing underscore) by what they draw
     * here: {@code xavier_normal_} and {@code xavier_uniform_} are Glorot's 2/(fan_in + fan_out), not this
     * project's {@code xavier_normal} (the article's 1/fan_in), which an edit distance would suggest.
     */
    private static final java.util.Map<String, String> PYTORCH_INIT_NAMES = java.util.Map.of(
            "kaiming_normal_", "he_normal", "kaiming_uniform_", "he_uniform", "xavier_normal_", "glorot_normal",
            "xavier_uniform_", "glorot_uniform", "orthogonal_", "orthogonal", "trunc_normal_", "trunc_normal",
            "kaiming_normal", "he_normal", "kaiming_uniform", "he_uniform", "xavier_uniform", "glorot_uniform");

    /**
     * Family names without a variant, said in full: an edit distance would take {@code xavier} to this
     * project's {@code xavier_normal} (the article's 1/fan_in), where PyTorch and Keras mean Glorot's.
     */
    private static final java.util.Map<String, String> INIT_FAMILY_HINTS = java.util.Map.of(
            "xavier", " (xavier_normal here is the article's Xavier, Var(W) = 1/fan_in, as lecun_normal; PyTorch's and"
                    + " Keras's Xavier, 2/(fan_in + fan_out), is glorot_normal or glorot_uniform)",
            "kaiming", " (PyTorch's kaiming_normal_ and kaiming_uniform_ are he_normal and he_uniform here)");

    /** Largest hidden depth. */
    public static final int MAX_DEPTH = 10_000;
    /** Largest hidden width. */
    public static final int MAX_WIDTH = 1 << 16;

    private Axes() {
    }

    /** Hidden layers L; a width profile's length is its depth. */
    public static final Axis<Integer> DEPTH = new Axis<>("depths",
            "hidden layers L (the network has L+1 weight layers: the output layer follows)",
            List.of(col("depth", Column.Type.INT, false)), null,
            (p, n, problems) -> integer(p, n, 1, MAX_DEPTH, problems), J::numberNode, v -> new Object[] {v},
            String::valueOf, RunSpec::depth);

    /** Hidden widths: a constant width, or a profile of widths. */
    public static final Axis<Widths> WIDTH = new Axis<>("widths",
            "hidden units per layer n, or an array of hidden widths (a profile, whose length is the depth)",
            List.of(col("width", Column.Type.INT, true), col("profile", Column.Type.STRING, true)), null,
            Axes::widths, w -> {
                if (!w.isProfile()) {
                    return J.numberNode(w.constant());
                }
                ArrayNode a = J.arrayNode();
                for (int v : w.profile()) {
                    a.add(v);
                }
                return a;
            }, w -> new Object[] {w.isProfile() ? null : w.constant(), w.isProfile() ? w.label() : null},
            Widths::label, RunSpec::widths);

    /** Hidden activation φ. */
    public static final Axis<Activation> ACTIVATION = new Axis<>("activations", "hidden activation φ",
            List.of(col("activation", Column.Type.STRING, false)), null, Axes::activation, a -> {
                if (a.parameters().isEmpty()) {
                    return J.textNode(a.name());
                }
                ObjectNode o = J.objectNode().put("name", a.name());
                a.parameters().forEach(o::put);
                return o;
            }, a -> new Object[] {a.label()}, Activation::label, RunSpec::activation);

    /** Weight init scheme. */
    public static final Axis<InitSpec> INIT = new Axis<>("inits", "weight init scheme",
            List.of(col("init", Column.Type.STRING, false)), null, Axes::init, Axes::initJson,
            i -> new Object[] {i.label()}, InitSpec::label, RunSpec::init);

    /** Variance multiplier m = fan_in·Var(W); NaN (null in tables) for the fixed schemes. */
    public static final Axis<Double> MULTIPLIER = new Axis<>("multipliers", "variance multiplier m = fan_in·Var(W), > 0",
            List.of(col("multiplier", Column.Type.DOUBLE, true)), List.of(1.0),
            (p, n, problems) -> variance(p, n, false, problems), J::numberNode,
            m -> new Object[] {Double.isNaN(m) ? null : m}, String::valueOf, RunSpec::multiplier);

    /** Bias variance σ_b². */
    public static final Axis<Double> SIGMA_B2 = new Axis<>("sigma_b2", "bias variance σ_b² ≥ 0 (0: biases start at 0)",
            List.of(col("sigma_b2", Column.Type.DOUBLE, false)), List.of(0.0),
            (p, n, problems) -> variance(p, n, true, problems), J::numberNode, v -> new Object[] {v}, String::valueOf,
            RunSpec::sigmaB2);

    /** Training set: generated, built in (digits, mnist), or files. */
    public static final Axis<DatasetSource> DATASET = new Axis<>("datasets",
            "training set: a name (gaussian, moons, …, digits, mnist) or files (idx, csv, parquet)",
            List.of(col("dataset", Column.Type.STRING, false)), List.of(new DatasetSource.Generated(DatasetKind.GAUSSIAN)),
            (p, n, problems) -> DatasetSource.parse(n, p, problems::add), DatasetSource::toJson,
            d -> new Object[] {d.name()}, DatasetSource::name, RunSpec::dataset);

    /** Seed of a run's data and initial weights. */
    public static final Axis<Long> SEED = new Axis<>("seeds", "seed of a run's data and initial weights",
            List.of(col("seed", Column.Type.LONG, false)), List.of(0L), Axes::seed, J::numberNode,
            v -> new Object[] {v}, String::valueOf, RunSpec::seed);

    /** Learning rate η of the optimizer ({@code learning_rate}, a single value, is also read). */
    public static final Axis<Double> LEARNING_RATE = new Axis<>("learning_rates", "learning rate η > 0",
            List.of(col("learning_rate", Column.Type.DOUBLE, false)), List.of(0.1),
            (p, n, problems) -> number(p, n, false, problems), J::numberNode, v -> new Object[] {v}, String::valueOf,
            RunSpec::learningRate);

    /**
     * The optimizer's update rule (SGD, momentum, Adam) with its hyperparameters; an optimizer's object may
     * also give its own learning rates ({@link SweepSpec#learningRates(Optimizer)}).
     */
    public static final Axis<Optimizer> OPTIMIZER = new Axis<>("optimizers", "update rule: " + Optimizers.describe()
            + "; an object may give its own learning_rate or learning_rates, swept for it instead of the spec's",
            List.of(col("optimizer", Column.Type.STRING, false)), List.of(Optimizers.DEFAULT), Axes::optimizer,
            Axes::optimizerJson, o -> new Object[] {o.label()}, Optimizer::label, RunSpec::optimizer);

    /** Every axis, in the column order of the result tables. */
    public static final List<Axis<?>> ALL = List.of(DEPTH, WIDTH, ACTIVATION, INIT, MULTIPLIER, SIGMA_B2, DATASET,
            SEED, OPTIMIZER, LEARNING_RATE);

    /** The result columns of every axis, in order. */
    public static List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (Axis<?> a : ALL) {
            out.addAll(a.columns());
        }
        return out;
    }

    /** The columns that identify a grid cell: every axis' but the seed's. */
    public static List<Column> cellColumns() {
        List<Column> out = new ArrayList<>();
        for (Axis<?> a : ALL) {
            if (a != SEED) {
                out.addAll(a.columns());
            }
        }
        return out;
    }

    /** The column values of a run, in {@link #columns()} order. */
    public static List<Object> columnValues(RunSpec run) {
        List<Object> out = new ArrayList<>();
        for (Axis<?> a : ALL) {
            for (Object v : a.columnValues(run)) {
                out.add(v);
            }
        }
        return out;
    }

    private static Column col(String name, Column.Type type, boolean nullable) {
        return new Column(name, type, nullable);
    }

    // ------------------------------------------------------------------------------------------ readers

    /** A whole number in [min, max]; {@code 3.0} and {@code 1e2} are whole numbers as JSON does not tell them apart. */
    static Integer integer(String path, JsonNode n, int min, int max, Problems problems) {
        if (!JsonText.isWhole(n)) {
            problems.add(path, "must be a whole number, got " + JsonText.kind(n));
            return null;
        }
        boolean fits = n.canConvertToInt();
        if (!fits || n.asInt() < min || n.asInt() > max) {
            // an int can only miss an open-ended range from below
            problems.add(path, "must be " + (max == Integer.MAX_VALUE && fits ? "≥ " + min : "in [" + min + ", " + max + "]")
                    + ", got " + JsonText.show(n));
            return null;
        }
        return n.asInt();
    }

    /**
     * A finite number, &gt; 0 (or ≥ 0 where zero is allowed); −0.0 is read as 0.0 so that it and 0 are
     * one value, as 1, 1.0 and 1e0 are.
     */
    static Double number(String path, JsonNode n, boolean zeroAllowed, Problems problems) {
        if (!n.isNumber()) {
            problems.add(path, "must be a number, got " + JsonText.kind(n));
            return null;
        }
        double v = n.asDouble();
        if (!Double.isFinite(v) || v < 0 || (!zeroAllowed && v == 0)) {
            problems.add(path, "must be " + (zeroAllowed ? "≥ 0" : "> 0") + " and finite, got "
                    + (Double.isFinite(v) ? JsonText.show(n) : JsonText.kind(n)));
            return null;
        }
        return v == 0 ? 0.0 : v;
    }

    /**
     * The largest multiplier or σ_b² a spec may sweep: a layer then scales the signal's variance by up to 10⁶, past
     * float32's range within a few layers, while mean-field theory's quadrature holds to lengths of 10²⁰
     * ({@link org.initsweep.core.theory.GaussHermite}); far beyond, a bounded φ's χ₁ would come out wrong.
     */
    public static final double MAX_VARIANCE_FACTOR = 1e6;

    /**
     * {@link #number}, at most {@link #MAX_VARIANCE_FACTOR}: a multiplier, a bias variance, or variance_scaling's
     * {@code scale} (a factor on Var(W) as m is). trunc_normal's {@code std} needs no cap: its bounds hold
     * fan_in·Var(W) below fan_in·(b − a)²/12.
     */
    static Double variance(String path, JsonNode n, boolean zeroAllowed, Problems problems) {
        Double v = number(path, n, zeroAllowed, problems);
        if (v != null && v > MAX_VARIANCE_FACTOR) {
            problems.add(path, JsonText.show(n) + " is beyond 10⁶: the signal would leave float32's range within a few"
                    + " layers, and mean-field theory's quadrature its accurate range");
            return null;
        }
        return v;
    }

    private static Long seed(String path, JsonNode n, Problems problems) {
        if (!JsonText.isWhole(n)) {
            problems.add(path, "must be a whole number, got " + JsonText.kind(n));
            return null;
        }
        if (!n.canConvertToLong()) {
            problems.add(path, "must be a 64-bit whole number, in [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "], got "
                    + JsonText.show(n));
            return null;
        }
        return n.asLong();
    }

    private static Widths widths(String path, JsonNode n, Problems problems) {
        if (n.isArray()) {
            if (n.isEmpty()) {
                problems.add(path, "a width profile must not be empty");
                return null;
            }
            if (n.size() > MAX_DEPTH) {
                problems.add(path, "a width profile has at most " + MAX_DEPTH + " layers, got " + n.size());
                return null;
            }
            int[] p = new int[n.size()];
            for (int i = 0; i < p.length; i++) {
                Integer w = integer(path + "[" + i + "]", n.get(i), 1, MAX_WIDTH, problems);
                if (w == null) {
                    return null;
                }
                p[i] = w;
            }
            return Widths.profile(p);
        }
        if (!n.isNumber()) {
            problems.add(path, "must be a width or an array of widths (a profile), got " + JsonText.kind(n));
            return null;
        }
        Integer w = integer(path, n, 1, MAX_WIDTH, problems);
        return w == null ? null : Widths.of(w);
    }

    private static Activation activation(String path, JsonNode n, Problems problems) {
        String name;
        JsonNode obj = null;
        if (n.isTextual()) {
            name = n.asText();
        } else if (n.isObject()) {
            JsonNode nn = n.get("name");
            if (nn == null || !nn.isTextual()) {
                problems.add(path + ".name", nn == null ? "missing" : "must be a string, got " + JsonText.kind(nn));
                return null;
            }
            name = nn.asText();
            obj = n;
        } else {
            problems.add(path, "must be a name or an object {\"name\": ...}, got " + JsonText.kind(n));
            return null;
        }
        var entry = Activations.byName(name);
        if (entry.isEmpty()) {
            problems.add(path, "unknown activation \"" + name + "\"" + Suggestions.hint(name, Activations.names())
                    + "; known: " + String.join(", ", Activations.names()));
            return null;
        }
        List<Activations.Parameter> params = entry.get().parameters();
        double[] values = params.stream().mapToDouble(Activations.Parameter::dflt).toArray();
        if (obj != null) {
            List<String> allowed = new ArrayList<>(List.of("name"));
            params.forEach(p -> allowed.add(p.field()));
            if (params.isEmpty() && obj.size() > 1) {
                problems.add(path, name + " takes no parameters");
                return null;
            }
            if (!JsonText.onlyFields(path, obj, allowed, problems)) {
                return null;
            }
            for (int i = 0; i < params.size(); i++) {
                JsonNode v = obj.get(params.get(i).field());
                if (v == null) {
                    continue;
                }
                if (!v.isNumber() || !params.get(i).accepts(v.asDouble())) {
                    problems.add(path + "." + params.get(i).field(), "must be " + params.get(i).rule() + ", got "
                            + JsonText.kind(v));
                    return null;
                }
                values[i] = v.asDouble();
            }
        }
        return entry.get().create(values);
    }

    private static InitSpec init(String path, JsonNode n, Problems all) {
        int[] found = {0};
        Problems problems = (p, message) -> {
            found[0]++;
            all.add(p, message);
        };
        String name;
        JsonNode obj = null;
        if (n.isTextual()) {
            name = n.asText();
        } else if (n.isObject()) {
            JsonNode s = n.get("scheme");
            if (s == null || !s.isTextual()) {
                problems.add(path + ".scheme", s == null ? "missing" : "must be a string, got " + JsonText.kind(s));
                return null;
            }
            name = s.asText();
            obj = n;
        } else {
            problems.add(path, "must be a scheme name or an object {\"scheme\": ...}, got " + JsonText.kind(n));
            return null;
        }
        var scheme = InitScheme.fromSpecName(name);
        if (scheme.isEmpty()) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            String ours = PYTORCH_INIT_NAMES.get(lower);
            String hint = ours != null ? " (PyTorch's " + (lower.endsWith("_") ? lower : lower + "_") + " is " + ours + " here)"
                    : INIT_FAMILY_HINTS.containsKey(lower) ? INIT_FAMILY_HINTS.get(lower)
                    : Suggestions.hint(name, InitScheme.specNames());
            problems.add(path, "unknown init scheme \"" + name + "\"" + hint + "; known: "
                    + String.join(", ", InitScheme.specNames()));
            return null;
        }
        InitScheme sc = scheme.get();
        if (obj == null) {
            return InitSpec.of(sc);
        }
        List<String> allowed = new ArrayList<>(List.of("scheme"));
        sc.parameterName().ifPresent(allowed::add);
        if (sc.defaultMode() != null) {
            allowed.add("mode");
        }
        if (sc == InitScheme.VARIANCE_SCALING) {
            allowed.add("distribution");
        }
        if (sc == InitScheme.TRUNC_NORMAL) {
            allowed.addAll(List.of("a", "b"));
        }
        if (!JsonText.onlyFields(path, obj, allowed, problems)) {
            return null;
        }
        double param = sc.defaultParameter();
        if (sc.parameterName().isPresent() && obj.has(sc.parameterName().get())) {
            String name2 = sc.parameterName().get();
            JsonNode v = obj.get(name2);
            boolean positive = sc == InitScheme.VARIANCE_SCALING || sc == InitScheme.TRUNC_NORMAL;
            if (!v.isNumber() || !Double.isFinite(v.asDouble()) || positive && !(v.asDouble() > 0)) {
                problems.add(path + "." + name2, "must be a finite number" + (positive ? " > 0" : "") + ", got "
                        + JsonText.kind(v));
            } else if (sc == InitScheme.VARIANCE_SCALING) {
                Double scale = variance(path + "." + name2, v, false, problems);
                param = scale == null ? param : scale;
            } else {
                param = v.asDouble();
            }
        }
        FanMode mode = obj.has("mode") ? named(path + ".mode", obj.get("mode"), FanMode.specNames(),
                FanMode::fromSpecName, problems) : null;
        Distribution distribution = obj.has("distribution") ? named(path + ".distribution", obj.get("distribution"),
                Distribution.specNames(), Distribution::fromSpecName, problems) : null;
        double a = bound(path + ".a", obj.get("a"), problems);
        double b = bound(path + ".b", obj.get("b"), problems);
        if (found[0] > 0) {
            return null;
        }
        if (sc == InitScheme.TRUNC_NORMAL && !((Double.isNaN(a) ? -2 : a) < (Double.isNaN(b) ? 2 : b))) {
            problems.add(path, "trunc_normal needs a < b, got a = " + Quantities.number(Double.isNaN(a) ? -2.0 : a)
                    + ", b = " + Quantities.number(Double.isNaN(b) ? 2.0 : b));
            return null;
        }
        return new InitSpec(sc, param, mode, distribution, a, b);
    }

    private static <T> T named(String path, JsonNode n, List<String> names,
            java.util.function.Function<String, java.util.Optional<T>> lookup, Problems problems) {
        if (!n.isTextual()) {
            problems.add(path, "must be one of " + String.join(", ", names) + ", got " + JsonText.kind(n));
            return null;
        }
        var v = lookup.apply(n.asText());
        if (v.isEmpty()) {
            problems.add(path, "unknown value \"" + n.asText() + "\"" + Suggestions.hint(n.asText(), names) + "; known: "
                    + String.join(", ", names));
            return null;
        }
        return v.get();
    }

    /** An absolute bound of trunc_normal: a number, or NaN when absent. */
    private static double bound(String path, JsonNode n, Problems problems) {
        if (n == null) {
            return Double.NaN;
        }
        if (!n.isNumber() || Double.isNaN(n.asDouble())) {
            problems.add(path, "must be a number, got " + JsonText.kind(n));
            return Double.NaN;
        }
        return n.asDouble();
    }

    /** The spec entry of an init: its name, or an object with the non-default settings. */
    private static JsonNode initJson(InitSpec i) {
        InitScheme s = i.scheme();
        boolean plain = i.mode() == s.defaultMode() && i.distribution() == s.defaultDistribution()
                && (s.parameterName().isEmpty() || (s == InitScheme.VARIANCE_SCALING || s == InitScheme.TRUNC_NORMAL)
                        && i.param() == s.defaultParameter())
                && (s != InitScheme.TRUNC_NORMAL || i.lower() == -2 && i.upper() == 2);
        if (plain) {
            return J.textNode(s.specName());
        }
        ObjectNode o = J.objectNode().put("scheme", s.specName());
        s.parameterName().ifPresent(p -> o.put(p, i.param()));
        if (i.mode() != s.defaultMode()) {
            o.put("mode", i.mode().specName());
        }
        if (i.distribution() != s.defaultDistribution()) {
            o.put("distribution", i.distribution().specName());
        }
        if (s == InitScheme.TRUNC_NORMAL) {
            o.put("a", i.lower()).put("b", i.upper());
        }
        return o;
    }

    private static Optimizer optimizer(String path, JsonNode n, Problems problems) {
        String name;
        JsonNode obj = null;
        if (n.isTextual()) {
            name = n.asText();
        } else if (n.isObject()) {
            JsonNode nn = n.get("name");
            if (nn == null || !nn.isTextual()) {
                problems.add(path + ".name", nn == null ? "missing" : "must be a string, got " + JsonText.kind(nn));
                return null;
            }
            name = nn.asText();
            obj = n;
        } else {
            problems.add(path, "must be an optimizer name or an object {\"name\": ...}, got " + JsonText.kind(n));
            return null;
        }
        Optional<Optimizers.Entry> entry = Optimizers.byName(name);
        if (entry.isEmpty()) {
            problems.add(path, "unknown optimizer \"" + name + "\"" + Suggestions.hint(name, Optimizers.names())
                    + "; known: " + String.join(", ", Optimizers.names()));
            return null;
        }
        if (obj != null && !JsonText.onlyFields(path, obj, optimizerFields(entry.get()), problems)) {
            return null;
        }
        List<Hyperparameter> parameters = entry.get().parameters();
        double[] values = new double[parameters.size()];
        boolean bad = false;
        for (int i = 0; i < values.length; i++) {
            Hyperparameter h = parameters.get(i);
            values[i] = h.dflt();
            JsonNode v = obj == null ? null : obj.get(h.name());
            if (v == null) {
                continue;
            }
            boolean flag = h.range() == Hyperparameter.Range.FLAG;
            double x = flag ? (v.isBoolean() ? (v.asBoolean() ? 1 : 0) : Double.NaN) : v.isNumber() ? v.asDouble() : Double.NaN;
            if (!h.range().accepts(x)) {
                problems.add(path + "." + h.name(), h.range().requirement() + ", got " + JsonText.kind(v));
                bad = true;
            } else {
                values[i] = x;
            }
        }
        return bad ? null : entry.get().create(values);
    }

    /**
     * The fields of an optimizer's object: its rule's, and its own learning rates ({@code learning_rate} or
     * {@code learning_rates}, read by {@link SpecReader} beside the rule, as PyTorch's and Keras's optimizers
     * take theirs).
     */
    private static List<String> optimizerFields(Optimizers.Entry entry) {
        List<String> fields = new ArrayList<>(entry.fields());
        fields.add("learning_rate");
        fields.add("learning_rates");
        return fields;
    }

    /** An optimizer as a spec gives it: its name alone when it has no hyperparameters, else an object (flags only when set). */
    private static JsonNode optimizerJson(Optimizer o) {
        List<Hyperparameter> parameters = Optimizers.byName(o.name()).orElseThrow().parameters();
        if (parameters.isEmpty()) {
            return J.textNode(o.name());
        }
        ObjectNode n = J.objectNode().put("name", o.name());
        double[] values = o.hyperparameters();
        for (int i = 0; i < values.length; i++) {
            Hyperparameter h = parameters.get(i);
            if (h.range() != Hyperparameter.Range.FLAG) {
                n.put(h.name(), values[i]);
            } else if (values[i] != 0) {
                n.put(h.name(), true);
            }
        }
        return n;
    }

}
