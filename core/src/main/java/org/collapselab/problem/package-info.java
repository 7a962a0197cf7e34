/**
 * The problem records: model kind, sizes, synthetic share and quality, noise, penalty, and the retraining schedules.
 */
package org.collapselab.problem;
