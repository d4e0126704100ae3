/**
 * The analysis of a finished sweep: Spark SQL views over its Parquet tables, measured signal
 * growth per run and layer, the regime of every grid cell ({@code regions/}), and the charts.
 */
package org.initsweep.analysis;
