package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded property test: valid specs mutated thousands of ways (fields dropped, duplicated, retyped,
 * pushed out of range, bytes garbled or cut) must always end in a valid spec or a clean
 * {@link SpecException} — one line per problem, no other exception.
 */
class SpecFuzzTest {

    static final int MUTATIONS = 5000;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void everyMutationEndsInASpecOrACleanError() throws Exception {
        Random rnd = new Random(20261129);
        List<String> seeds = List.of(SpecReaderTest.FULL,
                "{\"name\": \"min\", \"depths\": [3], \"widths\": [8], \"activations\": [\"relu\"], \"inits\": [\"he_normal\"]}",
                "{\"name\": \"judged\", \"depths\": [3], \"widths\": [8], \"activations\": [\"tanh\"], \"inits\": [\"lecun_normal\"],"
                        + " \"datasets\": [\"moons\", \"xor\"], \"test_fraction\": 0.25, \"target_split\": \"test\","
                        + " \"target_accuracy\": {\"moons\": 0.8, \"xor\": 0.9}}");
        int valid = 0;
        int errors = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String base = seeds.get(rnd.nextInt(seeds.size()));
            String mutated = rnd.nextInt(4) == 0 ? garble(base, rnd) : mutateTree(base, rnd);
            try {
                SweepSpec spec = SpecReader.parse(mutated, "fuzz.json");
                assertTrue(new Grid(spec).size() >= 1);
                valid++;
            } catch (SpecException e) {
                errors++;
                assertFalse(e.problems().isEmpty());
                assertEquals(e.problems().size(), e.getMessage().lines().count(), "one line per problem: " + e.getMessage());
                for (String line : e.getMessage().lines().toList()) {
                    assertTrue(line.startsWith("fuzz.json: "), line);
                    assertTrue(line.length() < 400, "short line: " + line);
                }
            } catch (RuntimeException e) {
                fail("mutation " + i + " threw " + e + " for input:\n" + mutated);
            }
        }
        assertEquals(MUTATIONS, valid + errors);
        assertTrue(errors > MUTATIONS / 2 && valid > 50, "both outcomes exercised: " + valid + " valid, " + errors + " errors");
        System.out.printf("spec fuzz: %d mutations, %d valid specs, %d clean errors%n", MUTATIONS, valid, errors);
    }

    private static String garble(String s, Random rnd) {
        StringBuilder b = new StringBuilder(s);
        switch (rnd.nextInt(4)) {
            case 0 -> b.setLength(rnd.nextInt(b.length())); // truncated file
            case 1 -> b.insert(rnd.nextInt(b.length()), (char) rnd.nextInt(0x2FF));
            case 2 -> b.deleteCharAt(rnd.nextInt(b.length()));
            default -> {
                int at = rnd.nextInt(b.length());
                b.replace(at, Math.min(b.length(), at + 3), "\u0000\uFFFD{");
            }
        }
        return b.toString();
    }

    private static String mutateTree(String s, Random rnd) throws Exception {
        ObjectNode root = (ObjectNode) MAPPER.readTree(s);
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            List<String> fields = new ArrayList<>();
            root.fieldNames().forEachRemaining(fields::add);
            String field = fields.get(rnd.nextInt(fields.size()));
            switch (rnd.nextInt(6)) {
                case 0 -> root.remove(field);
                case 1 -> root.set(field, randomValue(rnd));
                case 2 -> {
                    JsonNode v = root.get(field);
                    if (v instanceof ArrayNode a && !a.isEmpty()) {
                        a.set(rnd.nextInt(a.size()), randomValue(rnd));
                    } else {
                        root.set(field, randomValue(rnd));
                    }
                }
                case 3 -> {
                    JsonNode v = root.get(field);
                    if (v instanceof ArrayNode a && !a.isEmpty()) {
                        a.add(a.get(rnd.nextInt(a.size())).deepCopy()); // duplicate axis value
                    }
                }
                case 4 -> root.set(field + (rnd.nextBoolean() ? "s" : "_x"), randomValue(rnd)); // unknown field
                default -> {
                    JsonNode v = root.get(field);
                    if (v instanceof ArrayNode a) {
                        a.removeAll();
                    }
                }
            }
        }
        return MAPPER.writeValueAsString(root);
    }

    private static JsonNode randomValue(Random rnd) {
        return switch (rnd.nextInt(14)) {
            case 0 -> F.numberNode(-1);
            case 1 -> F.numberNode(0);
            case 2 -> F.numberNode(1e308);
            case 3 -> F.numberNode(Long.MAX_VALUE);
            case 4 -> F.numberNode(0.5);
            case 5 -> F.textNode("tanh");
            case 6 -> F.textNode("NaN");
            case 7 -> F.nullNode();
            case 8 -> F.booleanNode(rnd.nextBoolean());
            case 9 -> F.objectNode().put("scheme", "identity_scaled").put("alpha", rnd.nextGaussian());
            case 10 -> F.arrayNode().add(1 + rnd.nextInt(64)).add(F.textNode("x"));
            case 11 -> F.objectNode().put(rnd.nextBoolean() ? "moons" : "gaussian", rnd.nextBoolean() ? 0.5 : 2);
            case 12 -> F.objectNode();
            default -> F.arrayNode().add(1 + rnd.nextInt(8));
        };
    }
}
