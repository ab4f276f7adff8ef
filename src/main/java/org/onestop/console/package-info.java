/**
 * The staff console: pages for network managers, operators and auditors over the other
 * modules' public APIs, plus the staff sign-in page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package org.onestop.console;
