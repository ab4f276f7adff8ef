package org.onestop.cases;

import java.util.UUID;

/** A case ended: completed, rejected or withdrawn. */
public record CaseClosed(UUID caseId, CaseStatus status) {
}
