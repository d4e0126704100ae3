package org.initsweep.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.initsweep.core.Quantities;

/** How spec messages name JSON values, and checks shared by the readers of spec fields. */
public final class JsonText {

    private JsonText() {
    }

    /** "an array", "the number 42", "a string \"x\"", … */
    public static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string " + show(n);
            case NUMBER -> n.isFloatingPointNumber() && !Double.isFinite(n.asDouble())
                    ? "a number beyond a double's range (±1.8e308)" : "the number " + show(n);
            case BOOLEAN -> "the boolean " + n.asText();
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    /** Whether {@code n} is a number with a whole value, however written: {@code 3}, {@code 3.0}, {@code 1e10}. */
    public static boolean isWhole(JsonNode n) {
        if (n.isIntegralNumber()) {
            return true;
        }
        double d = n.asDouble();
        return n.isFloatingPointNumber() && Double.isFinite(d) && d == Math.rint(d);
    }

    /**
     * An object key as a problem's path shows it: as written, or as a JSON string where it holds a control
     * character (a newline would break the one line a problem is).
     */
    public static String key(String key) {
        return key.chars().anyMatch(Character::isISOControl)
                ? com.fasterxml.jackson.databind.node.TextNode.valueOf(key).toString() : key;
    }

    /**
     * The value as JSON text, shortened to 60 characters; a number with a fraction or an exponent as a
     * user writes it ({@link Quantities#number}), not in Java's form.
     */
    public static String show(JsonNode n) {
        String s = n.isFloatingPointNumber() ? Quantities.number(n.asDouble()) : n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /**
     * Reports every field of {@code obj} not in {@code allowed} (with a "did you mean").
     *
     * @return whether all fields are allowed
     */
    public static boolean onlyFields(String path, JsonNode obj, List<String> allowed, Problems problems) {
        boolean ok = true;
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                problems.add(path + "." + f, "unknown field" + Suggestions.fieldHint(f, allowed) + "; allowed: "
                        + String.join(", ", allowed));
                ok = false;
            }
        }
        return ok;
    }

    /** " (did you mean 'x'?)" or "". */
    public static String didYouMean(String word, List<String> candidates) {
        return Suggestions.hint(word, candidates);
    }
}
