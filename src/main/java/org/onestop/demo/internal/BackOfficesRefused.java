package org.onestop.demo.internal;

/** The simulated back offices were switched on where they must not run; the application does not start. */
final class BackOfficesRefused extends IllegalStateException {

    BackOfficesRefused(String reason) {
        super("The simulated demo back offices are switched on (onestop.demo.back-offices.enabled=true), but " + reason
                + ". Switch them off with ONESTOP_DEMO_BACK_OFFICES=false, or force them with "
                + "onestop.demo.back-offices.force=true if this really is a demo.");
    }
}
