/**
 * {@code collapselab serve}: the Javalin server, its JSON API and the explorer page.
 */
package org.collapselab.server;
