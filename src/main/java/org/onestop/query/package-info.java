/**
 * Registry queries, asked once and reused: organisations offer query services (a register's
 * look-up), agreements grant their use, and the platform forwards each call signed, guarded by a
 * timeout and a circuit breaker per provider, and returns the provider's answer signed by itself.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry queries")
package org.onestop.query;
