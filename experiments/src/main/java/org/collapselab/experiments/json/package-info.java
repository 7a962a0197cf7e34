/**
 * The one theory JSON writer, shared by the command line and the server.
 */
package org.collapselab.experiments.json;
