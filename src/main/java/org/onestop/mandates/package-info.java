/**
 * Who may act for whom: an intermediary acts for a principal (a person or a business) only
 * under an active mandate covering that service on that day, confirmed by the principal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mandates")
package org.onestop.mandates;
