package org.initsweep.core.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;

/**
 * Reads a sweep spec from JSON and validates every field before anything runs.
 *
 * <p>The document is read as a tree (never bound to classes, so no polymorphic typing can be
 * triggered by a file) with read limits, then walked field by field. All problems are collected
 * and thrown together as a {@link SpecException}, each naming its JSON path and the value.
 *
 * <p>Fields (defaults in brackets): {@code name}, {@code depths}, {@code widths},
 * {@code activations}, {@code inits} are required; {@code multipliers} [[1.0]], {@code sigma_b2}
 * [[0.0]], {@code datasets} [["gaussian"]], {@code seeds} [[0]], {@code samples} [256],
 * {@code epochs} [10], {@code learning_rate} [0.1], {@code batch_size} [= samples],
 * {@code record_epochs} [[0, epochs]], {@code precision} ["float32"], {@code histograms} [false],
 * {@code boundaries} [false], {@code description} [none].
 */
public final class SpecReader {

    /** Largest spec file read, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Hard upper bound on a grid's size (a soft, overridable limit is checked before a run starts). */
    public static final long MAX_GRID = 1_000_000_000_000L;
    /** Largest number of values on one axis. */
    public static final int MAX_AXIS_VALUES = 10_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final List<String> FIELDS = List.of("name", "description", "depths", "widths",
            "activations", "inits", "multipliers", "sigma_b2", "datasets", "seeds", "samples", "epochs",
            "learning_rate", "batch_size", "record_epochs", "precision", "histograms", "boundaries");
    private static final List<String> ACTIVATION_NAMES =
            List.of("linear", "tanh", "relu", "sigmoid", "leaky_relu");
    private static final List<String> PRECISIONS = List.of("float32", "float64");

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(32).maxStringLength(10_000).maxNumberLength(64).build())
                    .build())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private SpecReader() {
    }

    /**
     * Reads and validates a spec file.
     *
     * @throws SpecException if the file is unreadable, too large, not JSON, or has any invalid field
     */
    public static SweepSpec read(Path file) throws SpecException {
        String source = file.toString();
        try {
            if (!Files.isRegularFile(file)) {
                throw one(source, "", "no such spec file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw one(source, "", "spec file is larger than " + MAX_BYTES + " bytes (" + Files.size(file) + ")");
            }
            return parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (java.nio.charset.MalformedInputException e) {
            throw one(source, "", "spec file is not UTF-8 text");
        } catch (IOException e) {
            throw one(source, "", "cannot read spec file: " + e.getMessage());
        }
    }

    /**
     * Parses and validates spec text.
     *
     * @param json   the document
     * @param source name used in messages
     * @throws SpecException listing every problem
     */
    public static SweepSpec parse(String json, String source) throws SpecException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw one(source, "", where + "invalid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw one(source, "", "a spec must be a JSON object, got " + (root == null ? "nothing" : kind(root)));
        }
        Walker w = new Walker(root);
        SweepSpec spec = w.spec();
        if (!w.problems.isEmpty()) {
            throw new SpecException(source, w.problems);
        }
        return spec;
    }

    private static SpecException one(String source, String path, String message) {
        return new SpecException(source, List.of(new SpecProblem(path, message)));
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string " + show(n);
            case NUMBER -> "the number " + show(n);
            case BOOLEAN -> "the boolean " + n.asText();
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String show(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Walks the tree, collecting problems instead of stopping at the first. */
    private static final class Walker {
        private final JsonNode root;
        private final List<SpecProblem> problems = new ArrayList<>();

        Walker(JsonNode root) {
            this.root = root;
        }

        void problem(String path, String message) {
            problems.add(new SpecProblem(path, message));
        }

        SweepSpec spec() {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    problem(f, "unknown field" + Suggestions.hint(f, FIELDS));
                }
            }
            String name = name();
            if (root.has("description") && !root.get("description").isTextual()) {
                problem("description", "must be a string, got " + kind(root.get("description")));
            }
            List<Integer> depths = ints("depths", null, 1, 10_000);
            List<Integer> widths = ints("widths", null, 1, 1 << 16);
            List<Activation> activations = axis("activations", null, this::activation);
            List<InitSpec> inits = axis("inits", null, this::init);
            List<Double> multipliers = doubles("multipliers", List.of(1.0), false);
            List<Double> sigmaB2 = doubles("sigma_b2", List.of(0.0), true);
            List<DatasetKind> datasets = axis("datasets", List.of(DatasetKind.GAUSSIAN), this::dataset);
            List<Long> seeds = axis("seeds", List.of(0L), (p, n) -> {
                if (!n.isIntegralNumber() || !n.canConvertToLong()) {
                    problem(p, "must be a whole number, got " + kind(n));
                    return null;
                }
                return n.asLong();
            });
            int samples = scalarInt("samples", 256, 2, 10_000_000);
            int epochs = scalarInt("epochs", 10, 0, 1_000_000);
            double lr = scalarDouble("learning_rate", 0.1);
            int batch = scalarInt("batch_size", samples, 1, Integer.MAX_VALUE);
            if (batch > samples && root.has("batch_size")) {
                problem("batch_size", "must be ≤ samples (" + samples + "), got " + batch);
            }
            List<Integer> record = ints("record_epochs", epochs == 0 ? List.of(0) : List.of(0, epochs), 0, Integer.MAX_VALUE);
            for (int i = 0; i < record.size(); i++) {
                if (record.get(i) != null && record.get(i) > epochs) {
                    problem("record_epochs[" + i + "]", "must be within [0, epochs=" + epochs + "], got " + record.get(i));
                }
            }
            Precision precision = Precision.FLOAT32;
            if (root.has("precision")) {
                JsonNode p = root.get("precision");
                if (!p.isTextual() || !PRECISIONS.contains(p.asText())) {
                    problem("precision", "must be \"float32\" or \"float64\", got " + kind(p));
                } else {
                    precision = Precision.valueOf(p.asText().toUpperCase(java.util.Locale.ROOT));
                }
            }
            Outputs outputs = new Outputs(flag("histograms"), flag("boundaries"));
            if (!problems.isEmpty()) {
                return null;
            }
            java.math.BigInteger size = java.math.BigInteger.valueOf(depths.size())
                    .multiply(java.math.BigInteger.valueOf(widths.size()))
                    .multiply(java.math.BigInteger.valueOf(activations.size()))
                    .multiply(java.math.BigInteger.valueOf((long) inits.size() * multipliers.size()))
                    .multiply(java.math.BigInteger.valueOf(sigmaB2.size()))
                    .multiply(java.math.BigInteger.valueOf(datasets.size()))
                    .multiply(java.math.BigInteger.valueOf(seeds.size()));
            if (size.compareTo(java.math.BigInteger.valueOf(MAX_GRID)) > 0) {
                problem("", "the grid has up to " + size + " runs, more than any sweep can hold (" + MAX_GRID
                        + "); split it into several specs");
                return null;
            }
            return new SweepSpec(name, depths, widths, activations, inits, multipliers, sigmaB2, datasets,
                    seeds, samples, epochs, lr, Math.min(batch, samples), record.stream().sorted().toList(), precision,
                    outputs);
        }

        private boolean flag(String field) {
            JsonNode n = root.get(field);
            if (n == null) {
                return false;
            }
            if (!n.isBoolean()) {
                problem(field, "must be true or false, got " + kind(n));
                return false;
            }
            return n.asBoolean();
        }

        private String name() {
            JsonNode n = root.get("name");
            if (n == null) {
                problem("name", "missing (a name such as \"my-sweep\" is required)");
                return null;
            }
            if (!n.isTextual() || !NAME.matcher(n.asText()).matches()) {
                problem("name", "must be 1-64 characters of letters, digits, '.', '_' or '-' and not start with '.', '_' or '-', got " + kind(n));
                return null;
            }
            return n.asText();
        }

        /** An axis: a non-empty array of distinct values, each parsed by {@code item}. */
        private <T> List<T> axis(String field, List<T> dflt, BiFunction<String, JsonNode, T> item) {
            JsonNode a = root.get(field);
            if (a == null) {
                if (dflt == null) {
                    problem(field, "missing (a non-empty array is required)");
                }
                return dflt == null ? List.of() : dflt;
            }
            if (!a.isArray()) {
                problem(field, "must be an array, got " + kind(a));
                return List.of();
            }
            if (a.isEmpty()) {
                problem(field, "must not be empty");
                return List.of();
            }
            if (a.size() > MAX_AXIS_VALUES) {
                problem(field, "has " + a.size() + " values, more than the limit of " + MAX_AXIS_VALUES);
                return List.of();
            }
            List<T> out = new ArrayList<>();
            Set<T> seen = new HashSet<>();
            for (int i = 0; i < a.size(); i++) {
                String path = field + "[" + i + "]";
                T v = item.apply(path, a.get(i));
                if (v != null && !seen.add(v)) {
                    problem(path, "duplicate value " + show(a.get(i)));
                }
                out.add(v);
            }
            return out;
        }

        private List<Integer> ints(String field, List<Integer> dflt, int min, int max) {
            return axis(field, dflt, (p, n) -> {
                if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                    problem(p, "must be a whole number, got " + kind(n));
                    return null;
                }
                int v = n.asInt();
                if (v < min || v > max) {
                    problem(p, "must be " + (max == Integer.MAX_VALUE ? "≥ " + min : "in [" + min + ", " + max + "]") + ", got " + v);
                    return null;
                }
                return v;
            });
        }

        private List<Double> doubles(String field, List<Double> dflt, boolean zeroAllowed) {
            return axis(field, dflt, (p, n) -> {
                if (!n.isNumber()) {
                    problem(p, "must be a number, got " + kind(n));
                    return null;
                }
                double v = n.asDouble();
                if (!Double.isFinite(v) || v < 0 || (!zeroAllowed && v == 0)) {
                    problem(p, "must be " + (zeroAllowed ? "≥ 0" : "> 0") + " and finite, got " + show(n));
                    return null;
                }
                return v;
            });
        }

        private int scalarInt(String field, int dflt, int min, int max) {
            JsonNode n = root.get(field);
            if (n == null) {
                return dflt;
            }
            if (!n.isIntegralNumber() || !n.canConvertToInt()) {
                problem(field, "must be a whole number, got " + kind(n));
                return dflt;
            }
            int v = n.asInt();
            if (v < min || v > max) {
                problem(field, "must be in [" + min + ", " + max + "], got " + v);
                return dflt;
            }
            return v;
        }

        private double scalarDouble(String field, double dflt) {
            JsonNode n = root.get(field);
            if (n == null) {
                return dflt;
            }
            if (!n.isNumber() || !Double.isFinite(n.asDouble()) || n.asDouble() <= 0) {
                problem(field, "must be a number > 0 and finite, got " + kind(n));
                return dflt;
            }
            return n.asDouble();
        }

        private Activation activation(String path, JsonNode n) {
            String name;
            JsonNode slopeNode = null;
            if (n.isTextual()) {
                name = n.asText();
            } else if (n.isObject()) {
                if (!onlyFields(path, n, List.of("name", "slope"))) {
                    return null;
                }
                JsonNode nn = n.get("name");
                if (nn == null || !nn.isTextual()) {
                    problem(path + ".name", nn == null ? "missing" : "must be a string, got " + kind(nn));
                    return null;
                }
                name = nn.asText();
                slopeNode = n.get("slope");
            } else {
                problem(path, "must be a name or an object {\"name\": ...}, got " + kind(n));
                return null;
            }
            if (!ACTIVATION_NAMES.contains(name)) {
                problem(path, "unknown activation \"" + name + "\"" + Suggestions.hint(name, ACTIVATION_NAMES)
                        + "; known: " + String.join(", ", ACTIVATION_NAMES));
                return null;
            }
            Activation.Kind kind = Activation.Kind.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            if (slopeNode != null) {
                if (kind != Activation.Kind.LEAKY_RELU) {
                    problem(path + ".slope", "only leaky_relu takes a slope");
                    return null;
                }
                if (!slopeNode.isNumber() || !Double.isFinite(slopeNode.asDouble())) {
                    problem(path + ".slope", "must be a finite number, got " + kind(slopeNode));
                    return null;
                }
                return Activation.leakyRelu(slopeNode.asDouble());
            }
            return kind == Activation.Kind.LEAKY_RELU
                    ? Activation.leakyRelu(Activation.DEFAULT_LEAKY_SLOPE) : new Activation(kind, 0);
        }

        private InitSpec init(String path, JsonNode n) {
            String name;
            JsonNode obj = null;
            if (n.isTextual()) {
                name = n.asText();
            } else if (n.isObject()) {
                JsonNode s = n.get("scheme");
                if (s == null || !s.isTextual()) {
                    problem(path + ".scheme", s == null ? "missing" : "must be a string, got " + kind(s));
                    return null;
                }
                name = s.asText();
                obj = n;
            } else {
                problem(path, "must be a scheme name or an object {\"scheme\": ...}, got " + kind(n));
                return null;
            }
            var scheme = InitScheme.fromSpecName(name);
            if (scheme.isEmpty()) {
                problem(path, "unknown init scheme \"" + name + "\"" + Suggestions.hint(name, InitScheme.specNames())
                        + "; known: " + String.join(", ", InitScheme.specNames()));
                return null;
            }
            InitScheme sc = scheme.get();
            if (obj == null) {
                return InitSpec.of(sc);
            }
            List<String> allowed = new ArrayList<>(List.of("scheme"));
            sc.parameterName().ifPresent(allowed::add);
            if (!onlyFields(path, obj, allowed)) {
                return null;
            }
            if (sc.parameterName().isEmpty() || !obj.has(sc.parameterName().get())) {
                return InitSpec.of(sc);
            }
            String param = sc.parameterName().get();
            JsonNode v = obj.get(param);
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                problem(path + "." + param, "must be a finite number, got " + kind(v));
                return null;
            }
            return new InitSpec(sc, v.asDouble());
        }

        private DatasetKind dataset(String path, JsonNode n) {
            if (!n.isTextual()) {
                problem(path, "must be a dataset name, got " + kind(n));
                return null;
            }
            var d = DatasetKind.fromSpecName(n.asText());
            if (d.isEmpty()) {
                problem(path, "unknown dataset \"" + n.asText() + "\"" + Suggestions.hint(n.asText(), DatasetKind.specNames())
                        + "; known: " + String.join(", ", DatasetKind.specNames()));
                return null;
            }
            return d.get();
        }

        private boolean onlyFields(String path, JsonNode obj, List<String> allowed) {
            boolean ok = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                String f = it.next().getKey();
                if (!allowed.contains(f)) {
                    problem(path + "." + f, "unknown field" + Suggestions.hint(f, allowed) + "; allowed: " + String.join(", ", allowed));
                    ok = false;
                }
            }
            return ok;
        }
    }
}
