package org.onestop.portal.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.onestop.cases.Case;
import org.onestop.cases.CaseStep;
import org.onestop.ledger.DataUse;
import org.onestop.ledger.DataUses;
import org.springframework.stereotype.Component;

/** Who has used your information: each use of the application's data in words, with its ledger entry. */
@Component
final class DataUseViews {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.UK);

    record UseView(String when, String organisation, String what, String fields, String basis, Long ledgerIndex,
            String proofUrl) {
    }

    private final DataUses uses;
    private final PublishedServices services;
    private final Clock clock;

    DataUseViews(DataUses uses, PublishedServices services, Clock clock) {
        this.uses = uses;
        this.services = services;
        this.clock = clock;
    }

    List<UseView> of(Case shown) {
        return uses.ofApplication(shown.id()).stream().map(use -> view(shown, use)).toList();
    }

    private UseView view(Case shown, DataUse use) {
        String step = use.purpose() == null ? "" : shown.step(use.purpose()).map(CaseStep::name).orElse(use.purpose());
        String what;
        switch (use.kind()) {
            case DELIVERY:
                what = "Sent to their system for: " + step;
                break;
            case OPERATOR_VIEW:
                what = "Viewed by a member of staff for: " + step;
                break;
            case PREFILL_QUERY:
                what = "Looked up while you applied" + (use.purpose() == null ? "" : ", for: " + use.purpose());
                break;
            default:
                what = "Asked a registry" + (use.purpose() == null ? "" : " for: " + use.purpose());
        }
        String basis = use.agreement() == null ? "" : "Agreement " + use.agreement();
        if (use.legalBasis() != null) {
            basis = basis.isEmpty() ? use.legalBasis() : basis + " (" + use.legalBasis() + ")";
        }
        return new UseView(WHEN.format(use.at().atZone(clock.getZone())), services.organisationName(use.organisation()), what,
                use.fields().isEmpty() ? "None" : String.join(", ", use.fields()), basis, use.ledgerIndex(), use.proofPath());
    }
}
