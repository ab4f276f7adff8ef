/**
 * The services the network delivers: versions, forms (JSON Schema 2020-12) and steps, each done
 * by one organisation (fixed, or routed from a form field), with the dependencies between steps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.onestop.catalog;
