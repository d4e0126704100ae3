package org.initsweep.core.spec;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for unknown names: the closest known name within a small edit distance, else the
 * names that extend it ({@code glorot} → {@code glorot_normal} or {@code glorot_uniform}).
 */
public final class Suggestions {

    private Suggestions() {
    }

    /** The closest candidate to {@code word} with edit distance ≤ max(2, len/3), if any. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int limit = Math.max(2, word.length() / 3);
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /**
     * @param word       the unknown name
     * @param candidates the known names
     * @return " (did you mean 'x'?)", " (did you mean 'x' or 'y'?)" or ""
     */
    public static String hint(String word, Collection<String> candidates) {
        Optional<String> close = closest(word, candidates);
        if (close.isPresent()) {
            return " (did you mean '" + close.get() + "'?)";
        }
        String prefix = word.toLowerCase(java.util.Locale.ROOT) + "_";
        java.util.List<String> longer = candidates.stream().filter(c -> c.startsWith(prefix)).map(c -> "'" + c + "'").toList();
        if (longer.isEmpty() || word.isEmpty()) {
            return "";
        }
        int last = longer.size() - 1;
        return " (did you mean " + (last == 0 ? longer.get(0)
                : String.join(", ", longer.subList(0, last)) + " or " + longer.get(last)) + "?)";
    }

    /**
     * Fields a PyTorch or Keras user writes, said as what they are here; no edit distance finds them
     * ({@code lr} is three edits from nothing useful).
     */
    private static final java.util.Map<String, String> FOREIGN_FIELDS = java.util.Map.of(
            "lr", " (the learning rate is \"learning_rate\", one value, or \"learning_rates\", a list: the spec's, for"
                    + " every optimizer, or an optimizer object's own, e.g. {\"name\": \"adam\","
                    + " \"learning_rate\": 0.001})",
            "gain", " (a gain g is the multiplier m = g² of a fan_in-scaled scheme, e.g. 25/9 for tanh's 5/3: the"
                    + " spec's \"multipliers\")",
            "momentum", " (momentum is an optimizer of its own: \"optimizers\": [{\"name\": \"momentum\", \"beta\":"
                    + " 0.9}]; adam and rmsprop here take none)",
            "weight_decay", " (initsweep trains without weight decay)",
            "rho", " (RMSprop's decay is \"alpha\", PyTorch's name for Keras's rho: {\"name\": \"rmsprop\", \"alpha\":"
                    + " 0.9})");

    /**
     * For an unknown field: what a PyTorch or Keras name means here, else {@link #hint}.
     *
     * @return " (…)" or ""
     */
    public static String fieldHint(String field, Collection<String> allowed) {
        String note = FOREIGN_FIELDS.get(field.toLowerCase(java.util.Locale.ROOT));
        return note != null ? note : hint(field, allowed);
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
