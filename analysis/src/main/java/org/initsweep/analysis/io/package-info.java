/**
 * Publishing the analysis' outputs so that a reader, or a rerun after a kill at any moment, sees
 * either the previous complete output or the new complete one: each table, chart and page is written
 * beside its place under a hidden {@code .name-<random>.tmp} name and then renamed into it. Charts are
 * drawn first into a {@link org.initsweep.analysis.io.LocalScratch} folder on the driver's disk, which
 * is removed after publishing, after a failure, and when an interrupted JVM exits.
 */
package org.initsweep.analysis.io;
