/**
 * Running any study's cells on a Hazelcast cluster: the executor, the cell shipped to members, the cluster's
 * settings and nodes.
 */
package org.collapselab.distributed;
