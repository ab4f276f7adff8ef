/**
 * Apply once: applications arrive from the portal, from members' systems (alone or in bulk, as
 * agents under a mandate) or from an operator assisting someone; each is validated against the
 * published service's form, de-duplicated by its idempotency key and stored with its event.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package org.onestop.intake;
