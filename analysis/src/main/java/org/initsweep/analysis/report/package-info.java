/**
 * The sweep's HTML report: one offline page ({@code report/index.html}) drawn by Apache ECharts,
 * inlined from its webjar at build time, from a JSON data island the analysis writes.
 */
package org.initsweep.analysis.report;
