/**
 * Measured signal growth and the vanishing / stable / exploding regime, with the documented
 * threshold; pure functions shared by the analysis and the tests.
 */
package org.initsweep.core.regime;
