/**
 * Shared kernel: identifiers, clock, problem details and request correlation.
 * Kept tiny on purpose; every module may use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform kernel")
package org.onestop.platform;
