package org.initsweep.analysis.chart;

/**
 * How one line of a chart is told apart when two variables share it: its colour by one variable
 * (e.g. m: colour {@code colour} of {@code colours}, as {@link ChartStyle#lineColour}) and its dash
 * pattern by the other (e.g. the init scheme: {@code dash} 0 solid, 1 dashed, 2 dotted, 3 dash-dot,
 * 4 long dashes, then again), so a reader who cannot tell the colours apart still can the dashes.
 *
 * @param colour  index of the line's colour, 0 ≤ colour &lt; colours, or −1 for black
 * @param colours how many colours the chart uses
 * @param dash    index of the dash pattern, ≥ 0
 */
public record LineStyle(int colour, int colours, int dash) {

    /** @throws IllegalArgumentException if an index is out of range */
    public LineStyle {
        if (colour < -1 || colours < 1 || colour >= colours || dash < 0) {
            throw new IllegalArgumentException("line style colour " + colour + " of " + colours + ", dash " + dash);
        }
    }
}
