package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An optimizer's own learning rates ({@code {"name": "adam", "learning_rate": 0.001}}): which (optimizer, η)
 * pairs the grid trains, in which order, with which run ids, how many runs preflight counts, and the spec
 * written back.
 */
class OptimizerLearningRatesTest {

    private static final String BASE = "{\"name\": \"o\", \"depths\": [2], \"widths\": [4], \"activations\": [\"tanh\"],"
            + " \"inits\": [\"lecun_normal\"], \"seeds\": [1, 2], %s}";

    private static SweepSpec spec(String fields) throws SpecException {
        return SpecReader.parse(BASE.formatted(fields), "o.json");
    }

    /** The (optimizer label, η) of every run, in index order. */
    private static List<String> settings(Grid grid) {
        List<String> out = new ArrayList<>();
        for (RunSpec r : grid) {
            out.add(r.seed() + ":" + r.optimizer().label() + "@" + r.learningRate());
        }
        return out;
    }

    @Test
    void eachOptimizerSweepsItsOwnRatesInsteadOfTheSpecs() throws SpecException {
        SweepSpec s = spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rate\": 0.001},"
                + " {\"name\": \"momentum\", \"beta\": 0.9, \"learning_rates\": [0.05, 0.01]}], \"learning_rates\": [0.1, 0.5]");
        Grid grid = new Grid(s);
        // sgd takes the spec's two rates, adam its one, momentum its two: 5 settings × 2 seeds, optimizer outermost
        assertEquals(List.of("1:sgd@0.1", "1:sgd@0.5", "1:adam@0.001", "1:momentum(beta=0.9)@0.05",
                "1:momentum(beta=0.9)@0.01", "2:sgd@0.1", "2:sgd@0.5", "2:adam@0.001", "2:momentum(beta=0.9)@0.05",
                "2:momentum(beta=0.9)@0.01"), settings(grid));
        assertEquals(5, s.trainingSettings());
        assertEquals(10, Preflight.of(s).runs());
        assertEquals(List.of(0.1, 0.5), s.learningRates(s.optimizers().get(0)));
        assertEquals(List.of(0.001), s.learningRates(s.optimizers().get(1)));
    }

    @Test
    void aRunKeepsItsIdWhateverAnotherOptimizerSweeps() throws SpecException {
        RunSpec alone = new Grid(spec("\"learning_rate\": 0.1")).run(0);
        Grid mixed = new Grid(spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rates\": [0.01, 0.001]}],"
                + " \"learning_rate\": 0.1"));
        assertEquals(3 * 2, mixed.size());
        assertEquals(alone.canonicalKey(), mixed.run(0).canonicalKey());
        assertEquals(alone.runId(), mixed.run(0).runId());
        // and an optimizer's own η is keyed as the learning_rate of any run: adam at 0.01 is the same run
        // whether 0.01 is its own or the spec's
        RunSpec shared = new Grid(spec("\"optimizers\": [\"adam\"], \"learning_rate\": 0.01")).run(0);
        assertEquals(shared.runId(), mixed.run(1).runId());
    }

    @Test
    void withoutAnyLearningRateEachOptimizerTrainsAtPyTorchsDefault() throws Exception {
        // torch.optim.Adam(lr=1e-3), torch.optim.RMSprop(lr=1e-2); SGD has none there: 0.1 here
        SweepSpec s = spec("\"optimizers\": [\"sgd\", \"adam\", {\"name\": \"rmsprop\", \"centered\": true},"
                + " {\"name\": \"momentum\", \"beta\": 0.9}]");
        assertEquals(List.of("1:sgd@0.1", "1:adam@0.001", "1:rmsprop(centered)@0.01", "1:momentum(beta=0.9)@0.1",
                "2:sgd@0.1", "2:adam@0.001", "2:rmsprop(centered)@0.01", "2:momentum(beta=0.9)@0.1"), settings(new Grid(s)));
        assertEquals(s, SpecReader.parse(SpecWriter.toJson(s), "spec.json"), "spec.json says the rates it trained at");
        // a rate the spec gives is every optimizer's that gives none of its own, Adam's too
        assertEquals(List.of("1:sgd@0.05", "1:adam@0.05", "2:sgd@0.05", "2:adam@0.05"),
                settings(new Grid(spec("\"optimizers\": [\"sgd\", \"adam\"], \"learning_rate\": 0.05"))));
        assertEquals(List.of("1:sgd@0.1", "1:adam@0.01", "2:sgd@0.1", "2:adam@0.01"),
                settings(new Grid(spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rate\": 0.01}]"))));
        // Adam and RMSprop alone, each at its default: spec.json gives each its rate and no rate of its own
        SweepSpec adaptive = spec("\"optimizers\": [\"adam\", \"rmsprop\"]");
        String json = SpecWriter.toJson(adaptive);
        assertFalse(new ObjectMapper().readTree(json).has("learning_rates"), json);
        assertEquals(adaptive, SpecReader.parse(json, "spec.json"), "a resume reads its own spec.json");
        assertEquals(List.of("1:adam@0.001", "1:rmsprop@0.01", "2:adam@0.001", "2:rmsprop@0.01"), settings(new Grid(adaptive)));
        assertTrue(adaptive.sameRuns(spec("\"optimizers\": [{\"name\": \"adam\", \"learning_rate\": 0.001},"
                + " {\"name\": \"rmsprop\", \"learning_rate\": 0.01}]")), "the same runs as the rates written out");
        // SGD alone, as before: the plain product at 0.1
        assertEquals(List.of("1:sgd@0.1", "2:sgd@0.1"), settings(new Grid(spec("\"optimizers\": [\"sgd\"]"))));
    }

    @Test
    void aSpecWhoseOptimizersGiveNoRatesKeepsThePlainProductsOrder() throws SpecException {
        Grid grid = new Grid(spec("\"optimizers\": [\"sgd\", \"adam\"], \"learning_rates\": [0.1, 0.01]"));
        assertEquals(List.of("1:sgd@0.1", "1:sgd@0.01", "1:adam@0.1", "1:adam@0.01", "2:sgd@0.1", "2:sgd@0.01",
                "2:adam@0.1", "2:adam@0.01"), settings(grid));
    }

    @Test
    void whenEveryOptimizerGivesItsOwnTheSpecsRatesDoNotApply() throws Exception {
        SweepSpec s = spec("\"optimizers\": [{\"name\": \"sgd\", \"learning_rate\": 0.1},"
                + " {\"name\": \"adam\", \"learning_rates\": [0.001]}]");
        assertEquals(List.of(), s.learningRates());
        assertEquals(List.of("1:sgd@0.1", "1:adam@0.001", "2:sgd@0.1", "2:adam@0.001"), settings(new Grid(s)));
        for (String field : List.of("\"learning_rates\": [0.1]", "\"learning_rate\": 0.1")) {
            SpecException e = assertThrows(SpecException.class, () -> spec("\"optimizers\": [{\"name\": \"sgd\","
                    + " \"learning_rate\": 0.1}], " + field));
            String name = field.substring(1, field.indexOf('"', 1));
            assertEquals("o.json: " + name + ": does not apply: every entry of optimizers gives its own learning rate;"
                    + " remove " + name + " or leave an optimizer without its own", e.getMessage());
        }
    }

    @Test
    void twoEntriesOfOneOptimizerAreOneOptimizerWithTwoRates() {
        SpecException e = assertThrows(SpecException.class, () -> spec("\"optimizers\": [{\"name\": \"sgd\","
                + " \"learning_rate\": 0.1}, \"adam\", {\"name\": \"sgd\", \"learning_rate\": 0.01}]"));
        assertEquals("o.json: optimizers[2]: duplicate value {\"name\":\"sgd\",\"learning_rate\":0.01}: the same optimizer"
                + " as optimizers[0], whose learning rates go in one entry's \"learning_rates\": [...]", e.getMessage());
        e = assertThrows(SpecException.class, () -> spec("\"optimizers\": [{\"name\": \"sgd\", \"learning_rate\": 0.1},"
                + " \"sgd\"]"));
        assertEquals("o.json: optimizers[1]: duplicate value \"sgd\": the same optimizer as optimizers[0], whose learning"
                + " rates go in one entry's \"learning_rates\": [...]", e.getMessage());
        e = assertThrows(SpecException.class, () -> spec("\"optimizers\": [\"adam\", \"adam\"]"));
        assertEquals("o.json: optimizers[1]: duplicate value \"adam\"", e.getMessage());
    }

    @Test
    void theSpecWrittenBackHoldsEachOptimizersRatesAndReadsBackEqual() throws Exception {
        SweepSpec s = spec("\"optimizers\": [{\"name\": \"sgd\", \"learning_rate\": 0.1},"
                + " {\"name\": \"adam\", \"beta2\": 0.99, \"learning_rates\": [0.01, 0.001]}]");
        String json = SpecWriter.toJson(s);
        var tree = new ObjectMapper().readTree(json);
        assertEquals(new ObjectMapper().readTree("""
                [{"name": "sgd", "learning_rates": [0.1]},
                 {"name": "adam", "beta1": 0.9, "beta2": 0.99, "eps": 1e-8, "learning_rates": [0.01, 0.001]}]
                """), tree.get("optimizers"));
        assertFalse(tree.has("learning_rates"), json);
        SweepSpec back = SpecReader.parse(json, "spec.json");
        assertEquals(s, back);
        assertEquals(settings(new Grid(s)), settings(new Grid(back)));

        SweepSpec mixed = spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rate\": 0.001}],"
                + " \"learning_rate\": 0.1");
        assertEquals(mixed, SpecReader.parse(SpecWriter.toJson(mixed), "spec.json"));
        SweepSpec otherRate = spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rate\": 0.0001}],"
                + " \"learning_rate\": 0.1");
        assertFalse(mixed.sameRuns(otherRate));
        assertEquals(List.of("optimizers"), mixed.fieldsDifferentFrom(otherRate));
    }

    @Test
    void aRateMovedIntoItsOptimizerKeepsTheSameRunsInTheSameOrder() throws SpecException {
        SweepSpec shared = spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rate\": 0.001}],"
                + " \"learning_rates\": [0.1, 0.05]");
        SweepSpec moved = spec("\"optimizers\": [{\"name\": \"sgd\", \"learning_rates\": [0.1, 0.05]},"
                + " {\"name\": \"adam\", \"learning_rate\": 0.001}]");
        assertEquals(settings(new Grid(shared)), settings(new Grid(moved)));
        assertTrue(shared.sameRuns(moved) && moved.sameRuns(shared), "a resume may take either form");
        SweepSpec other = spec("\"optimizers\": [{\"name\": \"sgd\", \"learning_rates\": [0.05, 0.2]},"
                + " {\"name\": \"adam\", \"learning_rate\": 0.001}]");
        assertFalse(shared.sameRuns(other));
        assertEquals(List.of("optimizers"), shared.fieldsDifferentFrom(other), "sgd's rates changed in its entry");
    }

    @Test
    void aRefusalNamesWhereRatesTakeEffectNotWhereTheyAreWritten() throws SpecException {
        SweepSpec shared = spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rate\": 0.001}],"
                + " \"learning_rates\": [0.1, 0.05]");
        SweepSpec movedAndMoreSeeds = SpecReader.parse(BASE.replace("[1, 2]", "[2, 1, 3]").formatted(
                "\"optimizers\": [{\"name\": \"adam\", \"learning_rate\": 0.001},"
                        + " {\"name\": \"sgd\", \"learning_rates\": [0.05, 0.1]}], \"target_split\": \"train\","
                        + " \"target_accuracy\": 0.8"),
                "o.json");
        assertEquals(List.of("seeds"), shared.fieldsDifferentFrom(movedAndMoreSeeds),
                "not the rates' new place, nor the target fields, which change no run");
        SweepSpec sharedChanged = spec("\"optimizers\": [\"sgd\", {\"name\": \"adam\", \"learning_rate\": 0.001}],"
                + " \"learning_rates\": [0.1, 0.2]");
        assertEquals(List.of("learning_rates"), shared.fieldsDifferentFrom(sharedChanged));
        SweepSpec anotherRule = spec("\"optimizers\": [\"sgd\", {\"name\": \"rmsprop\", \"learning_rate\": 0.001}],"
                + " \"learning_rates\": [0.1, 0.05]");
        assertEquals(List.of("optimizers"), shared.fieldsDifferentFrom(anotherRule));
    }

    @Test
    void aBadRateIsSaidBesideItsOptimizersOtherProblems() {
        SpecException e = assertThrows(SpecException.class, () -> spec("\"optimizers\": [{\"name\": \"adam\","
                + " \"beta1\": 2, \"learning_rate\": -1}, {\"name\": \"adamm\", \"learning_rates\": [0]}]"));
        assertEquals(List.of("o.json: optimizers[0].beta1: must be in [0, 1), got the number 2",
                "o.json: optimizers[1]: unknown optimizer \"adamm\" (did you mean 'adam'?); known: sgd, momentum, adam, rmsprop",
                "o.json: optimizers[0].learning_rate: must be > 0 and finite, got -1",
                "o.json: optimizers[1].learning_rates[0]: must be > 0 and finite, got 0"), e.getMessage().lines().toList());
    }
}
