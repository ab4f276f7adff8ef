package org.onestop.insight;

import java.io.OutputStream;

/**
 * The event log as an OCEL 2.0 object-centric event log (JSON), for process mining tools such as
 * PM4Py, Celonis or ProM: cases, steps, deliveries and organisations are the objects, and every
 * event relates to the objects it touched.
 */
public interface OcelExport {

    /** Streams the whole log; nothing is held in memory beyond one row and the small type lists. */
    void write(OutputStream out);

    /**
     * The same log in the OCEL 2.0 SQLite format. The file is written to a temporary file from a
     * stream of rows (nothing held in memory beyond a batch of rows), then copied to {@code out} and deleted.
     */
    void writeSqlite(OutputStream out);
}
