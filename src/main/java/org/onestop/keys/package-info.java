/**
 * The platform's own signing keys: generated on first start, kept owner-only on disk, rotated on
 * demand, and published (public parts only) so members can verify what the platform signs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform keys")
package org.onestop.keys;
