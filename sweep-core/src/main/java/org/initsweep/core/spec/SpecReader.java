package org.initsweep.core.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import org.initsweep.core.MessageLines;
import org.initsweep.core.Quantities;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.init.TruncatedNormal;
import org.initsweep.core.optim.Hyperparameter;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.Optimizers;

/**
 * Reads a sweep spec from JSON and validates every field before anything runs.
 *
 * <p>The document is read as a tree (never bound to classes, so no polymorphic typing can be
 * triggered by a file) with read limits, then walked field by field. All problems are collected
 * and thrown together as a {@link SpecException}, each naming its JSON path and the value.
 *
 * <p>Fields (defaults in brackets): {@code name}, {@code depths}, {@code widths},
 * {@code activations}, {@code inits} are required; {@code multipliers} [[1.0]], {@code sigma_b2}
 * [[0.0]], {@code datasets} [["gaussian"]], {@code seeds} [[0]], {@code samples} [256 generated, all
 * of a real dataset's training split], {@code epochs} [10], {@code learning_rate} [0.1],
 * {@code batch_size} [= samples], {@code test_fraction} [0.2 for real data without a test split],
 * {@code preprocessing} ["standardize"],
 * {@code record_epochs} [[0, epochs]], {@code precision} ["float32"], {@code histograms} [false],
 * {@code boundaries} [false], {@code description} [none], {@code target_accuracy} [0.9 × the best
 * cell's accuracy on {@code target_split} within each dataset; a number for all datasets, or an object by
 * dataset name ({@link TargetAccuracy})], {@code target_split} ["test"; "test" needs a test split].
 */
public final class SpecReader {

    /** Largest spec file read, in bytes. */
    public static final int MAX_BYTES = 1 << 20;
    /** Hard upper bound on a grid's size (a soft, overridable limit is checked before a run starts). */
    public static final long MAX_GRID = 1_000_000_000_000L;
    /** Largest number of values on one axis. */
    public static final int MAX_AXIS_VALUES = 10_000;

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Fields that are not grid axes. */
    /** The most generated examples a spec may ask for: {@code samples}, and the test split beside them. */
    static final int MAX_SAMPLES = 10_000_000;

    private static final List<String> SETTINGS = List.of("name", "description", "samples", "epochs",
            "learning_rate", "batch_size", "record_epochs", "precision", "histograms", "boundaries", "jacobian", "test_fraction",
            "preprocessing", "target_accuracy", "target_split");
    private static final List<String> FIELDS = fields();

    private static List<String> fields() {
        List<String> f = new ArrayList<>(SETTINGS.subList(0, 2));
        Axes.ALL.forEach(a -> f.add(a.field()));
        f.addAll(SETTINGS.subList(2, SETTINGS.size()));
        return List.copyOf(f);
    }
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
            if (Files.isDirectory(file)) {
                throw one(source, "", "is a directory; give the spec's JSON file");
            }
            if (!Files.isRegularFile(file)) {
                throw one(source, "", Files.exists(file) ? "not a regular file (a FIFO, device or socket); give the"
                        + " spec's JSON file" : "no such spec file");
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
     * Jackson's parse message in the user's terms: its first line, without the advice on Jackson's
     * own settings ("enable `JsonReadFeature…` to allow", "from `StreamReadConstraints…`"), which a
     * spec's author cannot act on.
     */
    static String plainParseError(String jackson) {
        String first = MessageLines.firstLine(jackson);
        if (first.startsWith("Non-standard token 'NaN'") || first.startsWith("Non-standard token 'Infinity'")
                || first.startsWith("Non-standard token '-Infinity'") || first.startsWith("Non-standard token '+Infinity'")) {
            return "NaN and Infinity are not JSON numbers; write a finite number";
        }
        java.util.regex.Matcher depth = java.util.regex.Pattern
                .compile("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)").matcher(first);
        if (depth.find()) {
            return "arrays and objects nested " + depth.group(1) + " deep, more than the limit of " + depth.group(2);
        }
        return first.replaceAll("\\(start marker at \\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]\\)",
                        "(opened at line $1, column $2)")
                .replaceAll(":? *enable `[^`]*` to allow.*$", "").replaceAll(" *\\(?,? *from `[^`]*`\\)?", "").strip();
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
            throw one(source, "", where + "invalid JSON: " + plainParseError(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw one(source, "", "a spec must be a JSON object, got " + (root == null ? "nothing" : JsonText.kind(root)));
        }
        List<SpecProblem> tiny = underflows(json);
        if (!tiny.isEmpty()) {
            throw new SpecException(source, tiny);
        }
        Walker w = new Walker(root);
        SweepSpec spec = w.spec();
        if (!w.problems.isEmpty()) {
            throw new SpecException(source, w.problems);
        }
        return spec;
    }

    /**
     * Numbers written with a non-zero digit that a double rounds to 0 ({@code 1e-400}): the tree holds them as
     * 0, so a seed or a σ_b² would silently become 0. Found on the text's tokens, each named by its field.
     */
    private static List<SpecProblem> underflows(String json) {
        List<SpecProblem> found = new ArrayList<>();
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == 0) {
                    String text = p.getText();
                    int exponent = text.toLowerCase(Locale.ROOT).indexOf('e');
                    if ((exponent < 0 ? text : text.substring(0, exponent)).matches(".*[1-9].*")) {
                        found.add(new SpecProblem(path(p.getParsingContext().pathAsPointer()), text
                                + " is too small for a double (the smallest is 4.9e-324): write 0 or a larger number"));
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("the spec parsed once already", e);
        }
        return found;
    }

    /** {@code /seeds/0} as {@code seeds[0]}, {@code /optimizers/1/beta} as {@code optimizers[1].beta}. */
    private static String path(JsonPointer pointer) {
        StringBuilder s = new StringBuilder();
        for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
            if (at.mayMatchElement()) {
                s.append('[').append(at.getMatchingIndex()).append(']');
            } else {
                s.append(s.length() == 0 ? "" : ".").append(at.getMatchingProperty());
            }
        }
        return s.toString();
    }

    private static SpecException one(String source, String path, String message) {
        return new SpecException(source, List.of(new SpecProblem(path, message)));
    }

    /** Walks the tree, collecting problems instead of stopping at the first. */
    private static final class Walker implements Problems {
        private final JsonNode root;
        private final List<SpecProblem> problems = new ArrayList<>();
        /** The learning rates optimizers give themselves, read with the optimizer axis. */
        private Map<Optimizer, List<Double>> optimizerRates = Map.of();
        /** Whether every optimizer trains at rates of its own or at its own default: the spec's then apply to none. */
        private boolean everyOptimizerRated;

        Walker(JsonNode root) {
            this.root = root;
        }

        @Override
        public void add(String path, String message) {
            problems.add(new SpecProblem(path, message));
        }

        SweepSpec spec() {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    add(f, "unknown field" + Suggestions.fieldHint(f, FIELDS));
                }
            }
            String name = name();
            String description = null;
            if (root.has("description")) {
                if (root.get("description").isTextual()) {
                    description = root.get("description").asText();
                } else {
                    add("description", "must be a string, got " + JsonText.kind(root.get("description")));
                }
            }
            Map<String, List<?>> axes = new LinkedHashMap<>();
            for (Axis<?> a : Axes.ALL) {
                axes.put(a.name(), readAxis(a));
                if (a == Axes.OPTIMIZER) {
                    optimizerRates = withDefaultRates(optimizerLearningRates(axes.get(a.name())), axes.get(a.name()));
                    everyOptimizerRated = !axes.get(a.name()).isEmpty()
                            && optimizerRates.keySet().containsAll(axes.get(a.name()));
                }
            }
            truncationsHoldMass(axes);
            int samples = scalarInt("samples", 0, 2, MAX_SAMPLES);
            int epochs = scalarInt("epochs", 10, 0, 1_000_000);
            int batch = scalarInt("batch_size", 0, 1, Integer.MAX_VALUE);
            if (samples > 0 && batch > samples) {
                add("batch_size", "must be ≤ samples (" + samples + "), got " + batch);
            } else if (samples == 0 && batch > Grid.DEFAULT_GENERATED_SAMPLES && axes.get(Axes.DATASET.name()).stream()
                    .anyMatch(d -> d instanceof org.initsweep.core.data.DatasetSource.Generated)) {
                // a real dataset's size is known only once it is read: SweepData checks it there
                add("batch_size", "must be ≤ samples (" + Grid.DEFAULT_GENERATED_SAMPLES + ", the default of a generated"
                        + " dataset), got " + batch);
            }
            Double testFraction = null;
            if (root.has("test_fraction")) {
                JsonNode t = root.get("test_fraction");
                if (!t.isNumber() || !(t.asDouble() > 0 && t.asDouble() < 1)) {
                    add("test_fraction", "must be a number in (0, 1), got " + JsonText.kind(t));
                } else {
                    testFraction = t.asDouble();
                    if (axes.get(Axes.DATASET.name()).stream()
                            .anyMatch(d -> d instanceof org.initsweep.core.data.DatasetSource.Generated)) {
                        generatedTestSplit(samples > 0 ? samples : Grid.DEFAULT_GENERATED_SAMPLES, testFraction);
                    }
                }
            }
            org.initsweep.core.data.Preprocessing preprocessing = org.initsweep.core.data.Preprocessing.STANDARDIZE;
            if (root.has("preprocessing")) {
                JsonNode p = root.get("preprocessing");
                var mode = p.isTextual() ? org.initsweep.core.data.Preprocessing.fromSpecName(p.asText())
                        : java.util.Optional.<org.initsweep.core.data.Preprocessing>empty();
                if (mode.isEmpty()) {
                    add("preprocessing", "must be one of " + String.join(", ",
                            org.initsweep.core.data.Preprocessing.specNames()) + ", got " + JsonText.kind(p));
                } else {
                    preprocessing = mode.get();
                }
            }
            List<Integer> record = list("record_epochs", epochs == 0 ? List.of(0) : List.of(0, epochs),
                    (p, n) -> Axes.integer(p, n, 0, Integer.MAX_VALUE, this));
            for (int i = 0; i < record.size(); i++) {
                if (record.get(i) != null && record.get(i) > epochs) {
                    add("record_epochs[" + i + "]", "must be within [0, epochs=" + epochs + "], got " + record.get(i));
                }
            }
            Precision precision = Precision.FLOAT32;
            if (root.has("precision")) {
                JsonNode p = root.get("precision");
                if (!p.isTextual() || !PRECISIONS.contains(p.asText())) {
                    add("precision", "must be \"float32\" or \"float64\", got " + JsonText.kind(p));
                } else {
                    precision = Precision.valueOf(p.asText().toUpperCase(java.util.Locale.ROOT));
                }
            }
            if (precision == Precision.FLOAT32) {
                hyperparametersFitFloat32(axes.get(Axes.OPTIMIZER.name()));
            }
            Outputs outputs = new Outputs(flag("histograms"), flag("boundaries"), flag("jacobian"));
            TargetSplit split = targetSplit();
            TargetAccuracy target = targetAccuracy(axes.get(Axes.DATASET.name()));
            testSplitWhereJudged(axes, testFraction, split, target);
            if (!problems.isEmpty()) {
                return null;
            }
            SweepSpec spec = new SweepSpec(name, description, axes, optimizerRates, samples, epochs, batch,
                    record.stream().sorted().toList(), precision, outputs,
                    testFraction, preprocessing, target, split == null ? TargetSplit.TEST : split);
            java.math.BigInteger size = java.math.BigInteger.valueOf(spec.trainingSettings());
            for (Map.Entry<String, List<?>> e : axes.entrySet()) {
                if (!e.getKey().equals(Axes.OPTIMIZER.name()) && !e.getKey().equals(Axes.LEARNING_RATE.name())) {
                    size = size.multiply(java.math.BigInteger.valueOf(Math.max(1, e.getValue().size())));
                }
            }
            if (size.compareTo(java.math.BigInteger.valueOf(MAX_GRID)) > 0) {
                add("", "the grid has up to " + size + " runs, more than any sweep can hold (" + MAX_GRID
                        + "); split it into several specs");
                return null;
            }
            return spec;
        }

        /**
         * A generated dataset's test split: round(n/(1 − f)) − n examples beside its n training ones
         * ({@code RunDatasets}), at least one and at most {@value SpecReader#MAX_SAMPLES} (as many as {@code samples}
         * may ask for), refused here rather than as a failed or overflowing run.
         */
        private void generatedTestSplit(int samples, double testFraction) {
            long test = org.initsweep.core.data.Splits.generatedTestCount(samples, testFraction);
            String of = " of " + samples + " generated samples" + (root.has("samples") ? "" : " (the default)");
            if (test < 1) {
                add("test_fraction", "must hold out at least one test example: " + Quantities.number(testFraction)
                        + of + " leaves none");
            } else if (test > MAX_SAMPLES) {
                add("test_fraction", Quantities.number(testFraction) + of + " holds out " + test
                        + " test examples; at most " + MAX_SAMPLES + " (the largest samples)");
            }
        }

        /**
         * A trunc_normal init whose [a, b] holds almost nothing of N(0, std²·m) at some multiplier m could
         * never be sampled: said here, not as a failed run.
         */
        private void truncationsHoldMass(Map<String, List<?>> axes) {
            List<?> inits = axes.get(Axes.INIT.name());
            List<?> multipliers = axes.get(Axes.MULTIPLIER.name());
            for (int i = 0; i < inits.size(); i++) {
                if (!(inits.get(i) instanceof InitSpec init)
                        || init.scheme() != InitScheme.TRUNC_NORMAL) {
                    continue;
                }
                for (Object m : multipliers) {
                    if (!(m instanceof Double mult)) {
                        continue;
                    }
                    double sigma = init.param() * Math.sqrt(mult);
                    double mass = TruncatedNormal.mass(sigma, init.lower(), init.upper());
                    if (!(mass >= TruncatedNormal.MIN_MASS)) {
                        add("inits[" + i + "]", "trunc_normal's [" + Quantities.number(init.lower()) + ", "
                                + Quantities.number(init.upper()) + "] holds " + String.format(java.util.Locale.ROOT, "%.2g", mass)
                                + " of N(0, σ²) with σ = std·√m = " + String.format(java.util.Locale.ROOT, "%.3g", sigma)
                                + " at multiplier " + Quantities.number(mult) + ", less than "
                                + Quantities.number(TruncatedNormal.MIN_MASS)
                                + ": weights could not be drawn; widen [a, b] toward 0 or raise std");
                        break;
                    }
                }
            }
        }

        /**
         * {@code target_accuracy}: an accuracy in (0, 1], or an object of them keyed by the names of
         * {@code datasets} (those left out get the default); null when absent or invalid.
         *
         * @param datasets the {@code datasets} axis (null, or with null entries, where it was invalid: its names are
         *                 then unchecked)
         */
        private TargetAccuracy targetAccuracy(List<?> datasets) {
            JsonNode t = root.get("target_accuracy");
            if (t == null) {
                return null;
            }
            if (!t.isObject() && !t.isNumber()) {
                add("target_accuracy", "must be an accuracy in (0, 1], or an object of them by dataset name, got "
                        + JsonText.kind(t));
                return null;
            }
            if (!t.isObject()) {
                return accuracy("target_accuracy", t) ? TargetAccuracy.of(t.asDouble()) : null;
            }
            List<String> names = datasets == null || datasets.isEmpty()
                    || datasets.stream().anyMatch(java.util.Objects::isNull) ? null
                    : datasets.stream().map(d -> ((org.initsweep.core.data.DatasetSource) d).name()).toList();
            if (t.isEmpty()) {
                add("target_accuracy", "names no dataset: give one accuracy for all, or one per dataset name, e.g. {\""
                        + (names == null ? "digits" : names.get(0)) + "\": 0.85}");
                return null;
            }
            Map<String, Double> byDataset = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = t.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "target_accuracy." + JsonText.key(e.getKey());
                if (names != null && !names.contains(e.getKey())) {
                    add(path, "names no dataset of this sweep" + Suggestions.hint(e.getKey(), names) + "; its datasets: "
                            + String.join(", ", names));
                } else if (accuracy(path, e.getValue())) {
                    byDataset.put(e.getKey(), e.getValue().asDouble());
                }
            }
            return byDataset.size() == t.size() ? TargetAccuracy.byDataset(byDataset) : null;
        }

        /** Whether {@code v} is an accuracy in (0, 1]; a problem at {@code path} if not. */
        private boolean accuracy(String path, JsonNode v) {
            if (!v.isNumber() || !(v.asDouble() > 0 && v.asDouble() <= 1)) {
                add(path, "must be an accuracy in (0, 1], got " + JsonText.kind(v));
                return false;
            }
            return true;
        }

        /** {@code target_split}: "train" or "test"; null when absent (test) or invalid. */
        private TargetSplit targetSplit() {
            JsonNode s = root.get("target_split");
            if (s == null) {
                return null;
            }
            java.util.Optional<TargetSplit> split = s.isTextual() ? TargetSplit.fromSpecName(s.asText())
                    : java.util.Optional.empty();
            if (split.isEmpty()) {
                add("target_split", "must be \"train\" or \"test\", got " + JsonText.kind(s) + (s.isTextual()
                        ? Suggestions.hint(s.asText(), List.of(TargetSplit.TRAIN.specName(), TargetSplit.TEST.specName()))
                        : ""));
                return null;
            }
            return split.get();
        }

        /**
         * A target judged on test accuracy, asked for by {@code target_accuracy} or an explicit
         * {@code "target_split": "test"}, needs a test split in every dataset it judges: all of them, or
         * those a {@code target_accuracy} object names (generated data has one only with
         * {@code test_fraction}). Without either field a sweep without test data simply has no
         * {@code trainability/} table.
         */
        private void testSplitWhereJudged(Map<String, List<?>> axes, Double testFraction, TargetSplit split,
                TargetAccuracy target) {
            // an invalid target_split or target_accuracy was reported already: what was meant is unknown
            boolean explicit = split == TargetSplit.TEST;
            boolean asked = explicit || (split == null && !root.has("target_split") && target != null);
            if (!asked || testFraction != null) {
                return;
            }
            List<?> datasets = axes.get(Axes.DATASET.name());
            for (int i = 0; i < datasets.size(); i++) {
                if (datasets.get(i) instanceof org.initsweep.core.data.DatasetSource.Generated g
                        && (explicit || target.of(g.name()) != null)) {
                    String field = explicit ? "target_split"
                            : target.all() != null ? "target_accuracy" : "target_accuracy." + g.name();
                    add(field, "needs test accuracy, but datasets[" + i + "] (" + g.name()
                            + ") has no test split; set test_fraction, or judge on the training set with"
                            + " \"target_split\": \"train\"");
                    return;
                }
            }
        }

        /**
         * The values of one axis, with the rules that tie two fields together: {@code depths} is required
         * unless every width is a profile, and does not apply when every one is; {@code learning_rate}
         * (one value) may stand for {@code learning_rates}, which do not apply when every optimizer gives its
         * own.
         */
        @SuppressWarnings("unchecked")
        private <T> List<T> readAxis(Axis<T> a) {
            if (a == Axes.DEPTH) {
                boolean allProfiles = root.get("widths") != null && root.get("widths").isArray()
                        && !root.get("widths").isEmpty()
                        && java.util.stream.StreamSupport.stream(root.get("widths").spliterator(), false)
                                .allMatch(JsonNode::isArray);
                if (allProfiles) {
                    if (root.has("depths")) {
                        add("depths", "does not apply: every entry of widths is a profile, whose length is its depth;"
                                + " remove depths or give a constant width");
                    }
                    return List.of();
                }
            }
            if (a == Axes.LEARNING_RATE && everyOptimizerHasItsOwnRates()) {
                for (String f : List.of("learning_rates", "learning_rate")) {
                    if (root.has(f)) {
                        add(f, "does not apply: every entry of optimizers gives its own learning rate; remove " + f
                                + " or leave an optimizer without its own");
                    }
                }
                return List.of();
            }
            if (a == Axes.LEARNING_RATE && !root.has("learning_rate") && !root.has("learning_rates")
                    && everyOptimizerRated) {
                return List.of(); // Adam and RMSprop alone, each at its default: no rate of the spec's is used
            }
            if (a == Axes.LEARNING_RATE && root.has("learning_rate")) {
                if (root.has("learning_rates")) {
                    add("learning_rate", "give learning_rate (one value) or learning_rates (a list), not both");
                    return List.of();
                }
                Double v = Axes.number("learning_rate", root.get("learning_rate"), false, this);
                return v == null ? List.of() : (List<T>) List.of(v);
            }
            List<T> values = list(a.field(), a.defaults(), (p, n) -> a.read(p, n, this));
            distinctColumns(a, values);
            return values;
        }

        private boolean everyOptimizerHasItsOwnRates() {
            JsonNode entries = root.get(Axes.OPTIMIZER.field());
            if (entries == null || !entries.isArray() || entries.isEmpty()) {
                return false;
            }
            for (JsonNode e : entries) {
                if (!givesRates(e)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A float32 run rounds its optimizer's ε to float32, where 1e-50 is 0 and 1e39 infinite: every run would
         * divide 0 by 0 on a zero gradient (as PyTorch's Adam and RMSprop do in float32), so such a value is
         * refused at {@code float32} and kept at {@code float64}.
         */
        private void hyperparametersFitFloat32(List<?> optimizers) {
            JsonNode entries = root.get(Axes.OPTIMIZER.field());
            for (int i = 0; entries != null && i < entries.size() && i < optimizers.size(); i++) {
                if (!(optimizers.get(i) instanceof Optimizer o)) {
                    continue;
                }
                List<Hyperparameter> parameters = Optimizers.byName(o.name()).orElseThrow().parameters();
                double[] values = o.hyperparameters();
                for (int k = 0; k < values.length; k++) {
                    float f = (float) values[k];
                    if (parameters.get(k).range() == Hyperparameter.Range.POSITIVE && (f == 0 || Float.isInfinite(f))) {
                        add(Axes.OPTIMIZER.field() + "[" + i + "]." + parameters.get(k).name(),
                                Quantities.number(values[k])
                                + (f == 0 ? " rounds to 0 in float32 (the smallest float32 > 0 is 1.4e-45)"
                                        : " rounds to infinity in float32 (the largest float32 is 3.4e38)")
                                + ", the precision runs train in: give another value or \"precision\": \"float64\"");
                    }
                }
            }
        }

        /**
         * Where the spec gives no learning rate at all, each optimizer trains at its own default, as PyTorch's do
         * ({@link Optimizer#defaultLearningRate()}: Adam 1e-3, not the 0.1 of SGD); one whose default is the
         * spec's 0.1 keeps the plain product's order of the grid.
         */
        private Map<Optimizer, List<Double>> withDefaultRates(Map<Optimizer, List<Double>> own, List<?> optimizers) {
            if (root.has("learning_rates") || root.has("learning_rate")) {
                return own;
            }
            Map<Optimizer, List<Double>> rates = new LinkedHashMap<>(own);
            for (Object o : optimizers) {
                if (o instanceof Optimizer opt && !rates.containsKey(opt)
                        && !Axes.LEARNING_RATE.defaults().equals(List.of(opt.defaultLearningRate()))) {
                    rates.put(opt, List.of(opt.defaultLearningRate()));
                }
            }
            return rates;
        }

        /** Whether an optimizer entry gives learning rates of its own. */
        private static boolean givesRates(JsonNode entry) {
            return entry.isObject() && (entry.has("learning_rate") || entry.has("learning_rates"));
        }

        /**
         * The learning rates of the optimizer entries that give their own, {@code learning_rate} (one value) or
         * {@code learning_rates} (a list), by optimizer; the entries themselves are read by {@link Axes#OPTIMIZER},
         * which accepts both fields.
         */
        private Map<Optimizer, List<Double>> optimizerLearningRates(List<?> optimizers) {
            JsonNode entries = root.get(Axes.OPTIMIZER.field());
            Map<Optimizer, List<Double>> rates = new LinkedHashMap<>();
            if (entries == null || !entries.isArray()) {
                return rates;
            }
            for (int i = 0; i < entries.size() && i < optimizers.size(); i++) {
                JsonNode e = entries.get(i);
                if (!e.isObject()) {
                    continue;
                }
                String path = Axes.OPTIMIZER.field() + "[" + i + "]";
                List<Double> own = null;
                if (e.has("learning_rate") && e.has("learning_rates")) {
                    add(path + ".learning_rate", "give learning_rate (one value) or learning_rates (a list), not both");
                } else if (e.has("learning_rate")) {
                    Double v = Axes.number(path + ".learning_rate", e.get("learning_rate"), false, this);
                    own = v == null ? null : List.of(v);
                } else if (e.has("learning_rates")) {
                    List<Double> v = list(path + ".learning_rates", e.get("learning_rates"), null,
                            (p, n) -> Axes.number(p, n, false, this));
                    own = v.isEmpty() || v.contains(null) ? null : v;
                }
                if (own != null && optimizers.get(i) instanceof Optimizer o) { // else its entry's problem is said
                    rates.put(o, own);
                }
            }
            return rates;
        }

        /**
         * Two values a run records alike (two file datasets given one name) would give their runs one id and
         * rows no query could tell apart: refused, naming both entries.
         */
        private <T> void distinctColumns(Axis<T> a, List<T> values) {
            Map<List<Object>, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                T v = values.get(i);
                if (v == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(java.util.Arrays.asList(a.columnValues(v)), i);
                if (first != null && !v.equals(values.get(first))) {
                    add(a.field() + "[" + i + "]", "is recorded as \"" + a.keyText(v) + "\", as " + a.field() + "["
                            + first + "] is, so their runs could not be told apart: give each its own name");
                }
            }
        }

        private boolean flag(String field) {
            JsonNode n = root.get(field);
            if (n == null) {
                return false;
            }
            if (!n.isBoolean()) {
                add(field, "must be true or false, got " + JsonText.kind(n));
                return false;
            }
            return n.asBoolean();
        }

        private String name() {
            JsonNode n = root.get("name");
            if (n == null) {
                add("name", "missing (a name such as \"my-sweep\" is required)");
                return null;
            }
            if (!n.isTextual() || !NAME.matcher(n.asText()).matches()) {
                add("name", "must be 1-64 characters of letters, digits, '.', '_' or '-' and not start with '.', '_' or '-', got " + JsonText.kind(n));
                return null;
            }
            return n.asText();
        }

        /** A non-empty array of distinct values, each parsed by {@code item}. */
        private <T> List<T> list(String field, List<T> dflt, BiFunction<String, JsonNode, T> item) {
            return list(field, root.get(field), dflt, item);
        }

        /** {@code a}, the field at {@code field} (null if absent), as a non-empty array of distinct values. */
        private <T> List<T> list(String field, JsonNode a, List<T> dflt, BiFunction<String, JsonNode, T> item) {
            if (a == null) {
                if (dflt == null) {
                    add(field, "missing (a non-empty array is required)");
                }
                return dflt == null ? List.of() : dflt;
            }
            if (!a.isArray()) {
                add(field, "must be an array, got " + JsonText.kind(a));
                return List.of();
            }
            if (a.isEmpty()) {
                add(field, "must not be empty");
                return List.of();
            }
            if (a.size() > MAX_AXIS_VALUES) {
                add(field, "has " + a.size() + " values, more than the limit of " + MAX_AXIS_VALUES);
                return List.of();
            }
            List<T> out = new ArrayList<>();
            Map<T, Integer> seen = new java.util.HashMap<>();
            for (int i = 0; i < a.size(); i++) {
                String path = field + "[" + i + "]";
                T v = item.apply(path, a.get(i));
                Integer first = v == null ? null : seen.putIfAbsent(v, i);
                if (first != null) {
                    add(path, "duplicate value " + JsonText.show(a.get(i))
                            + sameRuleHint(field, first, a.get(first), a.get(i)));
                }
                out.add(v);
            }
            return out;
        }

        /**
         * Two entries of one optimizer told apart only by their learning rates are one optimizer: said so, since
         * the values shown differ.
         */
        private static String sameRuleHint(String field, int first, JsonNode firstEntry, JsonNode entry) {
            if (!field.equals(Axes.OPTIMIZER.field()) || !givesRates(firstEntry) && !givesRates(entry)) {
                return "";
            }
            return ": the same optimizer as " + field + "[" + first + "], whose learning rates go in one entry's"
                    + " \"learning_rates\": [...]";
        }

        private int scalarInt(String field, int dflt, int min, int max) {
            JsonNode n = root.get(field);
            if (n == null) {
                return dflt;
            }
            Integer v = Axes.integer(field, n, min, max, this);
            return v == null ? dflt : v;
        }
    }
}
