/**
 * Bad input as one line naming the field, the value and the allowed range ({@code ParameterException}, {@code
 * InputProblem}).
 */
package org.collapselab.validation;
