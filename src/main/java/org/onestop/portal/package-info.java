/**
 * The applicant portal: GOV.UK-style pages generated from a service's form schema, check answers,
 * submission, the status of the case, withdrawal and a satisfaction question. No account needed.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package org.onestop.portal;
