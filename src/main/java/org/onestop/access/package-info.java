/**
 * Who may do what: staff accounts and sign-in, member systems authenticated by JWTs signed
 * with their registered keys, and the security filter chains that guard every request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package org.onestop.access;
