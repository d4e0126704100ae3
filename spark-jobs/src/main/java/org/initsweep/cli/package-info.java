/** The {@code initsweep} command line (picocli): run, analyze, sql, validate. */
package org.initsweep.cli;
