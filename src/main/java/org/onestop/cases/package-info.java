/**
 * One case per application across all organisations: the steps' state machine, the release of
 * steps whose dependencies are done, outputs flowing to later steps, deadlines from the
 * agreements, and the status an applicant sees.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases")
package org.onestop.cases;
