/**
 * How the network performs: service KPIs, process metrics, partner scorecards, governance
 * alignment and exports, all measured from the event log (never from other modules' tables),
 * the catalogue and the agreements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.onestop.insight;
