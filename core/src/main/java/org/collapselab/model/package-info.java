/**
 * The fitted models (ridge regression, random-projection ridge) and their test error.
 */
package org.collapselab.model;
