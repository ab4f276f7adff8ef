/**
 * The members of the network: organisations (their kind, keys and how they receive work) and the
 * agreements that say which organisation does which steps of which service, on what terms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network")
package org.onestop.network;
