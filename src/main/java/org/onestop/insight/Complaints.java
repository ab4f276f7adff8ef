package org.onestop.insight;

import java.util.List;

/** Complaints and appeals, newest first, for the people who answer them. */
public interface Complaints {

    /** The most recent complaints and appeals of the whole network (for managers and auditors). */
    List<Complaint> recent(int limit);

    /** The most recent appeals against the steps of one organisation (for its operators). */
    List<Complaint> appealsTo(String organisation, int limit);
}
