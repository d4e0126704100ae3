/** The {@code initsweep} command line (picocli): run, analyze, sql, validate, data. */
package org.initsweep.cli;
