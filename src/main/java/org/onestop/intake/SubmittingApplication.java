package org.onestop.intake;

import java.util.List;

/** Apply once: checks an application and, when it passes, stores it and opens its case in one transaction. */
public interface SubmittingApplication {

    /**
     * @throws org.onestop.platform.NotFound when the service has no published version
     */
    Submission submit(NewApplication application);

    /**
     * Judges each application on its own; all accepted ones are stored in one transaction, so
     * they are durable together when this returns.
     */
    List<Submission> submitAll(String serviceCode, List<NewApplication> applications);
}
