/**
 * Simulated back offices for the demo network: the demo organisations' systems, served by the
 * application itself, which take pushed work and report outcomes through the real API, and answer
 * the address register's queries. Off unless switched on, and never on over PostgreSQL or in a
 * production profile unless forced.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo back offices")
package org.onestop.demo;
