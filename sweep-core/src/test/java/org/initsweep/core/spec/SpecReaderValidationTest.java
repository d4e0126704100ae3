package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Invalid specs: every problem reported, one line each, naming the JSON path and the value. */
class SpecReaderValidationTest {

    private static final String BASE = """
            {"name": "v", "depths": [3], "widths": [8], "activations": ["relu"], "inits": ["he_normal"] %s}
            """;

    private static List<String> problems(String json) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(json, "s.json"));
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(e.problems().size(), lines.size(), "one line per problem");
        lines.forEach(l -> assertTrue(l.startsWith("s.json: "), l));
        return lines;
    }

    private static String only(String extra) {
        List<String> p = problems(BASE.formatted(extra));
        assertEquals(1, p.size(), p.toString());
        return p.get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        ", \"widht\": [4]                 | s.json: widht: unknown field (did you mean 'widths'?)",
        ", \"seeds\": []                  | s.json: seeds: must not be empty",
        ", \"seeds\": [1, 1]              | s.json: seeds[1]: duplicate value 1",
        ", \"multipliers\": [1, -2]       | s.json: multipliers[1]: must be > 0 and finite, got -2",
        ", \"multipliers\": [0]           | s.json: multipliers[0]: must be > 0 and finite, got 0",
        ", \"sigma_b2\": [-0.1]           | s.json: sigma_b2[0]: must be ≥ 0 and finite, got -0.1",
        ", \"multipliers\": [1, 1e24]     | s.json: multipliers[1]: 1e24 is beyond 10⁶: the signal would leave",
        ", \"sigma_b2\": [1000001]        | s.json: sigma_b2[0]: 1000001 is beyond 10⁶",
        ", \"learning_rate\": 0           | s.json: learning_rate: must be > 0 and finite, got 0",
        ", \"learning_rate\": \"fast\"      | s.json: learning_rate: must be a number, got a string \"fast\"",
        ", \"epochs\": 5, \"record_epochs\": [7] | s.json: record_epochs[0]: must be within [0, epochs=5], got 7",
        ", \"samples\": 64, \"batch_size\": 65  | s.json: batch_size: must be ≤ samples (64), got 65",
        ", \"batch_size\": 257              | s.json: batch_size: must be ≤ samples (256, the default of a generated dataset), got 257",
        ", \"datasets\": [\"digits\", \"xor\"], \"batch_size\": 1000 | s.json: batch_size: must be ≤ samples (256, the default",
        ", \"samples\": 10000000, \"test_fraction\": 0.99999 | s.json: test_fraction: 0.99999 of 10000000 generated samples holds out 999990000",
        ", \"test_fraction\": 0.001      | s.json: test_fraction: must hold out at least one test example: 0.001 of 256 generated samples (the default) leaves none",
        ", \"datasets\": [\"moon\"]       | s.json: datasets[0]: unknown dataset \"moon\" (did you mean 'moons'?)",
        ", \"precision\": \"half\"        | s.json: precision: must be \"float32\" or \"float64\", got a string \"half\"",
        ", \"optimizers\": [{\"name\": \"adam\", \"learning_rate\": 0}] | s.json: optimizers[0].learning_rate: must be > 0 and finite, got 0",
        ", \"optimizers\": [{\"name\": \"adam\", \"learning_rate\": \"fast\"}] | s.json: optimizers[0].learning_rate: must be a number, got a string \"fast\"",
        ", \"optimizers\": [{\"name\": \"adam\", \"learning_rates\": []}] | s.json: optimizers[0].learning_rates: must not be empty",
        ", \"optimizers\": [{\"name\": \"adam\", \"learning_rates\": [0.1, 0.1]}] | s.json: optimizers[0].learning_rates[1]: duplicate value 0.1",
        ", \"optimizers\": [{\"name\": \"adam\", \"learning_rates\": 0.1}] | s.json: optimizers[0].learning_rates: must be an array, got the number 0.1",
        ", \"optimizers\": [{\"name\": \"adam\", \"learning_rate\": 0.1, \"learning_rates\": [0.1]}] | s.json: optimizers[0].learning_rate: give learning_rate (one value) or learning_rates (a list), not both",
    })
    void oneClearLine(String extra, String expectedStart) {
        String line = only(extra);
        assertTrue(line.startsWith(expectedStart), line);
    }

    /** A test split is checked where it is generated: real data's share comes from its file's rows. */
    @Test
    void aTestFractionOfRealDataIsLeftToItsFile() throws SpecException {
        assertEquals(0.001, SpecReader.parse(BASE.formatted(", \"datasets\": [{\"name\": \"digits\"}],"
                + " \"test_fraction\": 0.001"), "s.json").testFraction());
        assertEquals(0.5, SpecReader.parse(BASE.formatted(", \"samples\": 10000000, \"test_fraction\": 0.5"),
                "s.json").testFraction());
    }

    @Test
    void twoDatasetsGivenOneNameAreRefused() {
        // runs record a dataset by its name only: these two would train under one run id each
        assertEquals("s.json: datasets[1]: is recorded as \"x\", as datasets[0] is, so their runs could not be told"
                + " apart: give each its own name", only(", \"datasets\": [" + csv("a.csv") + ", " + csv("b.csv") + "]"));
        // the same entry twice is the plain duplicate, said once
        assertEquals("s.json: datasets[1]: duplicate value {\"name\":\"x\",\"format\":\"csv\",\"path\":\"a.csv\"}",
                only(", \"datasets\": [" + csv("a.csv") + ", " + csv("a.csv") + "]"));
    }

    private static String csv(String path) {
        return "{\"name\": \"x\", \"format\": \"csv\", \"path\": \"" + path + "\"}";
    }

    @Test
    void varianceScalingsScaleIsCappedAsAMultiplierIs() {
        // scale multiplies Var(W) as m does: 2·10⁶ would put σ_w² beyond the range m is held to
        String line = problems("""
                {"name": "v", "depths": [3], "widths": [8], "activations": ["tanh"],
                 "inits": [{"scheme": "variance_scaling", "scale": 2e6}]}
                """).get(0);
        assertTrue(line.startsWith("s.json: inits[0].scale: 2000000.0 is beyond 10⁶: the signal would leave"), line);
        assertEquals(1e6, SpecReader.parse("""
                {"name": "v", "depths": [3], "widths": [8], "activations": ["tanh"],
                 "inits": [{"scheme": "variance_scaling", "scale": 1e6}]}
                """, "s.json").inits().get(0).param());
    }

    @Test
    void widthAtMostZeroNamesTheFieldAndValue() {
        assertEquals("s.json: widths[1]: must be in [1, 65536], got 0", problems("""
                {"name": "v", "depths": [3], "widths": [8, 0], "activations": ["relu"], "inits": ["he_normal"]}
                """).get(0));
    }

    @Test
    void activationParametersAreChecked() {
        assertEquals(List.of("s.json: activations[1].alpha: must be > 0.0 and finite, got the number 0",
                "s.json: activations[2].alpa: unknown field (did you mean 'alpha'?); allowed: name, alpha"), problems("""
                {"name": "v", "depths": [3], "widths": [8], "inits": ["lecun_normal"],
                 "activations": ["selu", {"name": "elu", "alpha": 0}, {"name": "elu", "alpa": 2}, "swish", "gelu"]}
                """));
    }

    @Test
    void unknownNamesGetSuggestions() {
        List<String> p = problems("""
                {"name": "v", "depths": [3], "widths": [8], "activations": ["tahn"],
                 "inits": ["he_normall", {"scheme": "identity_scaled", "alpa": 2}]}
                """);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).contains("activations[0]: unknown activation \"tahn\" (did you mean 'tanh'?)"), p.get(0));
        assertTrue(p.get(1).contains("inits[0]: unknown init scheme \"he_normall\" (did you mean 'he_normal'?)"), p.get(1));
        assertTrue(p.get(2).contains("inits[1].alpa: unknown field (did you mean 'alpha'?)"), p.get(2));
    }

    @Test
    void pytorchAndShortInitNamesPointToOurs() {
        List<String> p = problems("""
                {"name": "v", "depths": [3], "widths": [8], "activations": ["tanh"],
                 "inits": ["glorot", "he", "kaiming_normal", "xavier_uniform", "xavier_normal_", "orthogonal_", "Xavier",
                           "kaiming"]}
                """);
        assertEquals(8, p.size(), p.toString());
        assertTrue(p.get(0).contains("inits[0]: unknown init scheme \"glorot\" (did you mean 'glorot_normal' or"
                + " 'glorot_uniform'?); known: "), p.get(0));
        assertTrue(p.get(1).contains("inits[1]: unknown init scheme \"he\" (did you mean 'he_normal' or 'he_uniform'?)"),
                p.get(1));
        assertTrue(p.get(2).contains("inits[2]: unknown init scheme \"kaiming_normal\" (PyTorch's kaiming_normal_ is"
                + " he_normal here)"), p.get(2));
        // not xavier_normal, two edits away: here that is the article's 1/fan_in, PyTorch's is Glorot's
        assertTrue(p.get(3).contains("\"xavier_uniform\" (PyTorch's xavier_uniform_ is glorot_uniform here)"), p.get(3));
        assertTrue(p.get(4).contains("\"xavier_normal_\" (PyTorch's xavier_normal_ is glorot_normal here)"), p.get(4));
        assertTrue(p.get(5).contains("\"orthogonal_\" (PyTorch's orthogonal_ is orthogonal here)"), p.get(5));
        // a family name alone: not 'did you mean xavier_normal', which is LeCun's variance here
        assertTrue(p.get(6).contains("\"Xavier\" (xavier_normal here is the article's Xavier, Var(W) = 1/fan_in, as"
                + " lecun_normal; PyTorch's and Keras's Xavier, 2/(fan_in + fan_out), is glorot_normal or glorot_uniform);"
                + " known: "), p.get(6));
        assertTrue(p.get(7).contains("\"kaiming\" (PyTorch's kaiming_normal_ and kaiming_uniform_ are he_normal and"
                + " he_uniform here)"), p.get(7));
    }

    @Test
    void pytorchFieldNamesSayWhatTheyAreHere() {
        List<String> p = problems("""
                {"name": "v", "depths": [3], "widths": [8], "activations": ["tanh"], "lr": 0.01,
                 "inits": [{"scheme": "he_normal", "gain": 1.4}], "optimizers": [{"name": "sgd", "momentum": 0.9},
                 {"name": "rmsprop", "rho": 0.9}]}
                """);
        assertEquals(4, p.size(), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("optimizers[1].rho: unknown field (RMSprop's decay is \"alpha\","
                + " PyTorch's name for Keras's rho")), p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("lr: unknown field (the learning rate is \"learning_rate\", one value, or \"learning_rates\"")),
                p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("inits[0].gain: unknown field (a gain g is the multiplier m = g²")),
                p.toString());
        assertTrue(p.stream().anyMatch(l -> l.contains("optimizers[0].momentum: unknown field (momentum is an optimizer of its"
                + " own: \"optimizers\": [{\"name\": \"momentum\", \"beta\": 0.9}]; adam and rmsprop here take none);"
                + " allowed: name, learning_rate, learning_rates")),
                p.toString());
    }

    @Test
    void reportsAllProblemsAtOnce() {
        List<String> p = problems("""
                {"depths": [0], "widths": "8", "activations": [], "inits": [42], "epochs": -1}
                """);
        assertEquals(List.of(
                "s.json: name: missing (a name such as \"my-sweep\" is required)",
                "s.json: depths[0]: must be in [1, 10000], got 0",
                "s.json: widths: must be an array, got a string \"8\"",
                "s.json: activations: must not be empty",
                "s.json: inits[0]: must be a scheme name or an object {\"scheme\": ...}, got the number 42",
                "s.json: epochs: must be in [0, 1000000], got -1"), p);
    }

    @Test
    void jsonSyntaxErrorsGiveLineAndColumn() {
        String line = problems("{\"name\": \"v\",\n  \"depths\": [3,, 4]}").get(0);
        assertTrue(line.startsWith("s.json: line 2, column 16: invalid JSON"), line);
    }

    private static String depths(String value) {
        return BASE.formatted("").replace("\"depths\": [3]", "\"depths\": [" + value + "]");
    }

    @Test
    void anEpsThatRoundsToZeroOrInfinityInFloat32IsRefusedThereOnly() throws SpecException {
        // ε = 1e-50 is 0 in float32: a zero gradient would give 0/0 in every run
        String rest = " in float32 (the smallest float32 > 0 is 1.4e-45), the precision runs train in: give another value"
                + " or \"precision\": \"float64\"";
        assertEquals(List.of("s.json: optimizers[1].eps: 1e-50 rounds to 0" + rest,
                "s.json: optimizers[2].eps: 1e-46 rounds to 0" + rest),
                problems(BASE.formatted(", \"optimizers\": [\"adam\", {\"name\": \"adam\", \"eps\": 1e-50},"
                        + " {\"name\": \"rmsprop\", \"eps\": 1e-46}]")));
        assertEquals("s.json: optimizers[0].eps: 1e39 rounds to infinity in float32 (the largest float32 is 3.4e38), the"
                + " precision runs train in: give another value or \"precision\": \"float64\"",
                only(", \"optimizers\": [{\"name\": \"rmsprop\", \"eps\": 1e39}]"));
        // the smallest float32 and the largest are float32 values; float64 holds all three
        assertEquals(2, SpecReader.parse(BASE.formatted(", \"optimizers\": [{\"name\": \"adam\", \"eps\": 1.4e-45},"
                + " {\"name\": \"rmsprop\", \"eps\": 3.4e38}]"), "s.json").optimizers().size());
        assertEquals(List.of(1e-50, 1e39), SpecReader.parse(BASE.formatted(", \"precision\": \"float64\","
                + " \"optimizers\": [{\"name\": \"adam\", \"eps\": 1e-50}, {\"name\": \"rmsprop\", \"eps\": 1e39}]"),
                "s.json").optimizers().stream().map(o -> o.hyperparameters()[o.name().equals("adam") ? 2 : 1]).toList());
    }

    @Test
    void aNumberTooSmallForADoubleIsNotReadAsZero() throws SpecException {
        String tiny = " is too small for a double (the smallest is 4.9e-324): write 0 or a larger number";
        assertEquals(List.of("s.json: seeds[1]: 1e-400" + tiny), problems(BASE.formatted(", \"seeds\": [1, 1e-400]")));
        assertEquals(List.of("s.json: sigma_b2[0]: -2.5E-999" + tiny, "s.json: optimizers[1].eps: 0.01e-330" + tiny),
                problems(BASE.formatted(", \"sigma_b2\": [-2.5E-999], \"optimizers\": [\"sgd\", {\"name\": \"adam\","
                        + " \"eps\": 0.01e-330}]")));
        // a zero however written, and the smallest doubles, are numbers
        SweepSpec spec = SpecReader.parse(BASE.formatted(", \"sigma_b2\": [0.000e-400, 1e-320]"), "s.json");
        assertEquals(List.of(0.0, 1e-320), spec.sigmaB2());
    }

    @Test
    void aTruncatedFileSaysWhereTheUnclosedArrayOpened() {
        assertEquals(List.of("s.json: line 2, column 14: invalid JSON: Unexpected end-of-input: expected close marker for"
                + " Array (opened at line 2, column 12)"), problems("{\"name\": \"x\",\n \"depths\": [3"));
    }

    @Test
    void wholeNumbersAreReadHoweverWrittenAndOutOfRangeIsSaidSo() throws SpecException {
        assertEquals(List.of("s.json: depths[0]: must be in [1, 10000], got 1e10"), problems(depths("1e10")));
        assertEquals(List.of("s.json: depths[0]: must be in [1, 10000], got 99999999999999999999"),
                problems(depths("99999999999999999999")));
        assertEquals(List.of("s.json: depths[0]: must be a whole number, got the number 2.5"), problems(depths("2.5")));
        assertEquals(List.of("s.json: depths[0]: must be a whole number, got a number beyond a double's range (±1.8e308)"),
                problems(depths("-1e400")));
        assertEquals("s.json: multipliers[0]: must be > 0 and finite, got a number beyond a double's range (±1.8e308)",
                only(", \"multipliers\": [1e400]"));
        assertEquals("s.json: epochs: must be in [0, 1000000], got 1e7", only(", \"epochs\": 1e7"));
        assertEquals("s.json: multipliers[0]: must be > 0 and finite, got -2.5e-5", only(", \"multipliers\": [-2.5E-5]"));
        assertEquals("s.json: multipliers[0]: must be > 0 and finite, got -0.001", only(", \"multipliers\": [-1e-3]"));
        assertEquals("s.json: batch_size: must be ≥ 1, got 0", only(", \"batch_size\": 0"));
        assertEquals("s.json: batch_size: must be in [1, 2147483647], got 2147483648", only(", \"batch_size\": 2147483648"));
        assertTrue(only(", \"seeds\": [1e30]").startsWith("s.json: seeds[0]: must be a 64-bit whole number"));
        SweepSpec s = SpecReader.parse(depths("3.0").replace("}", ", \"seeds\": [1e3], \"epochs\": 2.0}"), "s.json");
        assertEquals(List.of(3), s.depths());
        assertEquals(List.of(1000L), s.seeds());
        assertEquals(2, s.epochs());
    }

    @Test
    void nanAndDeepNestingAreSaidInTheSpecsTermsNotJacksons() {
        assertEquals(List.of("s.json: line 1, column 29: invalid JSON: NaN and Infinity are not JSON numbers; write a"
                + " finite number"), problems("{\"name\": \"x\", \"depths\": [NaN], \"widths\": [4]}"));
        assertEquals("s.json: invalid JSON: NaN and Infinity are not JSON numbers; write a finite number",
                problems("{\"name\": \"x\", \"multipliers\": [-Infinity]}").get(0).replaceFirst("line 1, column \\d+: ", ""));
        String deep = problems("{\"name\": \"x\", \"depths\": " + "[".repeat(40) + "]".repeat(40) + "}").get(0);
        assertTrue(deep.endsWith("invalid JSON: arrays and objects nested 33 deep, more than the limit of 32"), deep);
        assertTrue(!deep.contains("`") && !deep.contains("StreamReadConstraints"), deep);
    }

    @Test
    void nameCannotEscapeTheOutputDirectory() {
        for (String bad : List.of("../x", "a/b", "", ".hidden", "x".repeat(65))) {
            String line = problems(BASE.replace("\"v\"", "\"" + bad + "\"").formatted("")).get(0);
            assertTrue(line.startsWith("s.json: name: must be 1-64 characters"), line);
        }
    }

    @Test
    void duplicateKeysAreRejected() {
        String line = problems("{\"name\": \"a\", \"name\": \"b\"}").get(0);
        assertTrue(line.contains("Duplicate field 'name'"), line);
    }
}
