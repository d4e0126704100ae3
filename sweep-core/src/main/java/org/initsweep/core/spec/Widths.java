package org.initsweep.core.spec;

import java.io.Serializable;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One entry of a spec's {@code widths}: a constant hidden width (as many layers as the run's depth), or
 * a profile of hidden widths whose length is the depth, e.g. {@code [512, 256, 128, 64]}.
 *
 * @param constant the constant width, or 0 for a profile
 * @param profile  the hidden widths n^[1..L] of a profile, or null for a constant width
 */
public record Widths(int constant, int[] profile) implements Serializable {

    /** @throws IllegalArgumentException unless exactly one of the two is given, all ≥ 1 */
    public Widths {
        if ((profile == null) == (constant < 1)) {
            throw new IllegalArgumentException("a width entry is a constant ≥ 1 or a profile, got " + constant + ", "
                    + Arrays.toString(profile));
        }
        if (profile != null) {
            profile = profile.clone();
            if (profile.length == 0 || Arrays.stream(profile).anyMatch(w -> w < 1)) {
                throw new IllegalArgumentException("a width profile needs widths ≥ 1, got " + Arrays.toString(profile));
            }
        }
    }

    /** A constant width. */
    public static Widths of(int width) {
        return new Widths(width, null);
    }

    /** A profile of hidden widths. */
    public static Widths profile(int... widths) {
        return new Widths(0, widths);
    }

    /** Whether this is a profile (its length sets the depth). */
    public boolean isProfile() {
        return profile != null;
    }

    /** The hidden widths n^[1..L] of a network of {@code depth} hidden layers (a profile's own length). */
    public int[] hidden(int depth) {
        if (profile != null) {
            return profile.clone();
        }
        int[] h = new int[depth];
        Arrays.fill(h, constant);
        return h;
    }

    /** The first hidden width n^[1]. */
    public int first() {
        return profile != null ? profile[0] : constant;
    }

    /** The profile (a copy), or null. */
    @Override
    public int[] profile() {
        return profile == null ? null : profile.clone();
    }

    /** {@code 64}, or {@code [512,256,128,64]} for a profile: the text of run ids and result tables. */
    public String label() {
        return profile == null ? Integer.toString(constant)
                : Arrays.stream(profile).mapToObj(Integer::toString).collect(Collectors.joining(",", "[", "]"));
    }

    /**
     * Reads {@link #label()}'s text back, as the result tables hold it ({@code runs.width}, {@code runs.profile}).
     *
     * @param label {@code 64}, or {@code [512,256,128,64]} (spaces allowed)
     * @throws IllegalArgumentException if it is neither, or a width is below 1
     */
    public static Widths fromLabel(String label) {
        String s = label.strip();
        try {
            if (s.startsWith("[") && s.endsWith("]")) {
                return profile(Arrays.stream(s.substring(1, s.length() - 1).split(",")).map(String::strip)
                        .mapToInt(Integer::parseInt).toArray());
            }
            return of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a width or a width profile: " + label, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Widths w && constant == w.constant && Arrays.equals(profile, w.profile);
    }

    @Override
    public int hashCode() {
        return 31 * constant + Arrays.hashCode(profile);
    }

    @Override
    public String toString() {
        return label();
    }
}
