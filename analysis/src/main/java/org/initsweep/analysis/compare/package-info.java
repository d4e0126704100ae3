/**
 * "Does init A beat init B?" answered on paired runs: {@link org.initsweep.analysis.compare.InitComparison}
 * writes the {@code compare/} table, one row per pair of init schemes and grid cell, from runs that share
 * every other grid value, seed included (so both nets saw the same data in the same order).
 */
package org.initsweep.analysis.compare;
