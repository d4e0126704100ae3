package org.initsweep.analysis;

import java.util.Comparator;
import org.apache.spark.sql.Row;

/**
 * The key of a chart group, shared by the PNG charts, the HTML report and {@code agreement/}: one
 * activation × init × network shape × σ_b² × dataset, over depths and multipliers. A network shape
 * is a constant hidden width ({@code width}, {@code profile} null) or a width profile
 * ({@code profile} as in {@code runs/}, e.g. {@code [512,256,128]}, {@code width} null).
 *
 * @param activation activation label
 * @param init       init label
 * @param width      constant hidden width, or null for a profile
 * @param profile    the width profile, or null for a constant width
 * @param sigmaB2    σ_b²
 * @param dataset    dataset name
 */
public record ChartGroup(String activation, String init, Integer width, String profile, double sigmaB2,
        String dataset) {

    /** Activation, init, shape (constant widths before profiles), σ_b², dataset. */
    public static final Comparator<ChartGroup> ORDER = Comparator.comparing(ChartGroup::activation)
            .thenComparing(ChartGroup::init)
            .thenComparing(ChartGroup::width, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ChartGroup::profile, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingDouble(ChartGroup::sigmaB2).thenComparing(ChartGroup::dataset);

    /** Reads the key from a row with columns activation, init, width, profile, sigma_b2, dataset (by name). */
    public static ChartGroup of(Row r) {
        int w = r.fieldIndex("width");
        int p = r.fieldIndex("profile");
        return new ChartGroup(r.getAs("activation"), r.getAs("init"), r.isNullAt(w) ? null : r.getInt(w),
                r.isNullAt(p) ? null : r.getString(p), r.<Double>getAs("sigma_b2"), r.getAs("dataset"));
    }

    /**
     * fan_in·Var(W) at m = 1 of this group's hidden layers ({@link #multiplierUnit(String, Integer, String)}).
     */
    public double multiplierUnit() {
        return multiplierUnit(init, width, profile);
    }

    /**
     * fan_in·Var(W) of a hidden layer at m = 1 under an init scheme ({@code InitSpec#effectiveMultiplier}):
     * 1 for scaled_normal and LeCun, 2 for He, 1/3 for uniform_fan_in, the width for standard_normal; for a
     * width profile the σ_w² its hidden-to-hidden layers share ({@link org.initsweep.core.init.InitSpec#sharedMultiplier}),
     * as its theory columns take it (4/3 for Glorot on a halving profile).
     *
     * @param init    init label
     * @param width   constant hidden width, or null for a width profile
     * @param profile the profile label ({@code [512,256,128]}) when {@code width} is null; null when unknown
     *                (then the unit must not depend on the fans at all)
     * @return the unit; NaN for a fixed scheme, an unknown label, a profile where it changes with the fans, or
     *         a scheme whose σ_w² is not proportional to m (trunc_normal: {@link #multiplierAt} still converts)
     */
    public static double multiplierUnit(String init, Integer width, String profile) {
        org.initsweep.core.init.InitSpec spec = spec(init);
        if (spec == null || !spec.proportionalToMultiplier()) {
            return Double.NaN;
        }
        int[] widths = hiddenWidths(width, profile);
        if (widths != null) {
            return spec.sharedMultiplier(widths, 1.0);
        }
        double unit = spec.effectiveMultiplier(64, 64, 1.0);
        return unit == spec.effectiveMultiplier(128, 32, 1.0) && unit == spec.effectiveMultiplier(32, 128, 1.0)
                ? unit : Double.NaN;
    }

    /**
     * The sweep multiplier m at which a group's hidden layers have σ_w² = fan_in·Var(W) = {@code sigmaW2}:
     * {@code sigmaW2 / }{@link #multiplierUnit(String, Integer, String) unit} where there is a unit, else for
     * a constant width the scheme's own inverse ({@link org.initsweep.core.init.InitSpec#multiplierFor},
     * trunc_normal's cut law).
     *
     * @param init    init label
     * @param width   constant hidden width, or null for a width profile
     * @param profile the profile label when {@code width} is null
     * @param sigmaW2 the σ_w² (&gt; 0), e.g. theory's critical one
     * @return m, or NaN where none applies (a fixed scheme, an unknown label, a profile without one σ_w², a
     *         σ_w² the scheme never reaches)
     */
    public static double multiplierAt(String init, Integer width, String profile, double sigmaW2) {
        double unit = multiplierUnit(init, width, profile);
        if (unit > 0 && Double.isFinite(unit)) {
            return sigmaW2 / unit;
        }
        org.initsweep.core.init.InitSpec spec = spec(init);
        return width == null || spec == null ? Double.NaN : spec.multiplierFor(width, width, sigmaW2);
    }

    /** The init of a label, or null for one this version does not know (a newer sweep's, a typo in a query). */
    private static org.initsweep.core.init.InitSpec spec(String init) {
        try {
            return org.initsweep.core.init.InitSpec.fromLabel(init);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether {@link #multiplierAt(double)} converts σ_w² to m here at all: a scheme scaled by m, at a constant
     * width or on a profile whose hidden layers share a unit.
     */
    public boolean hasMultiplierScale() {
        double unit = multiplierUnit();
        if (unit > 0 && Double.isFinite(unit)) {
            return true;
        }
        org.initsweep.core.init.InitSpec spec = spec(init);
        return width != null && spec != null && spec.scheme().scaledByMultiplier();
    }

    /**
     * Whether this group's init draws weights of non-zero mean
     * ({@link org.initsweep.core.init.InitSpec#drawsNonZeroMean()}).
     */
    public boolean drawsNonZeroMean() {
        org.initsweep.core.init.InitSpec spec = spec(init);
        return spec != null && spec.drawsNonZeroMean();
    }

    /** {@link #multiplierAt(String, Integer, String, double)} of this group. */
    public double multiplierAt(double sigmaW2) {
        return multiplierAt(init, width, profile, sigmaW2);
    }

    /**
     * σ_w² = fan_in·Var(W) of a group's hidden layers at multiplier m
     * ({@link org.initsweep.core.init.InitSpec#sharedMultiplier}): 2m for He, m for LeCun and for Glorot at a
     * constant width.
     *
     * @return σ_w², or NaN for a fixed scheme, an unknown label, no width nor profile, or a profile whose hidden
     *         layers differ
     */
    public static double sigmaW2(String init, Integer width, String profile, double m) {
        int[] widths = hiddenWidths(width, profile);
        org.initsweep.core.init.InitSpec spec = spec(init);
        return widths == null || spec == null || !spec.scheme().scaledByMultiplier() ? Double.NaN
                : spec.sharedMultiplier(widths, m);
    }

    /**
     * The hidden widths whose fans a cell's σ_w² takes ({@link org.initsweep.core.init.InitSpec#sharedMultiplier}):
     * {@code [width]} for a constant width (fan_in = fan_out = width), else the profile's.
     *
     * @param width   constant hidden width, or null for a width profile
     * @param profile the profile label ({@code [512,256,128]}) when {@code width} is null
     * @return the widths, or null when neither is given
     */
    public static int[] hiddenWidths(Integer width, String profile) {
        return width != null ? new int[] {width}
                : profile != null ? org.initsweep.core.spec.Widths.fromLabel(profile).profile() : null;
    }

    /**
     * {@code 16} for a constant width, {@code 512-256-128} for a profile, {@code [32]} for a profile of one
     * layer (whose text would otherwise be the constant width 32's, in chart names too: {@code w_32_}).
     */
    public String shapeText() {
        return shapeText(width, profile);
    }

    /**
     * {@link #shapeText()} of a constant width or a profile label ({@code [512,256,128]}), for tables printed
     * beside the charts: one way of writing a shape everywhere.
     */
    public static String shapeText(Integer width, String profile) {
        if (width != null) {
            return width.toString();
        }
        int[] widths = org.initsweep.core.spec.Widths.fromLabel(profile).profile();
        return widths.length == 1 ? "[" + widths[0] + "]"
                : java.util.Arrays.stream(widths).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining("-"));
    }

    /** The stem of this group's chart file names, e.g. {@code tanh_he_normal_w16_sb0.0_gaussian}. */
    public String fileStem() {
        return sanitize(activation + "_" + init + "_w" + shapeText() + "_sb" + sigmaB2 + "_" + dataset);
    }

    /** The group as a chart title. */
    public String title() {
        return activation + ", " + init + ", " + shapeTitle() + ", σ_b² = " + sigmaB2 + ", " + dataset;
    }

    /** {@code width 16} or {@code widths [512,256,128]}. */
    public String shapeTitle() {
        return width != null ? "width " + width : "widths " + profile;
    }

    /** A string safe in a file name: everything but letters, digits, '.', '_' and '-' becomes '_'. */
    public static String sanitize(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
