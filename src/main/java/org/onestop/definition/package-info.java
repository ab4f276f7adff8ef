/**
 * The network as code: one YAML (or JSON) document declaring organisations, agreements and
 * services, imported in one transaction after every rule is checked, and exported back.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network definition")
package org.onestop.definition;
