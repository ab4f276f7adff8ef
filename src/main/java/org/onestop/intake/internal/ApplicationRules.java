package org.onestop.intake.internal;

import java.util.ArrayList;
import java.util.List;

import org.onestop.catalog.Service;
import org.onestop.catalog.Step;
import org.onestop.intake.NewApplication;
import org.onestop.platform.JsonPaths;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.Violation;

/** What an application must meet: a principal, a form valid against the service's schema, and a form every step can be routed by. */
final class ApplicationRules {

    private ApplicationRules() {
    }

    static List<Violation> check(Service service, NewApplication application) {
        List<Violation> violations = new ArrayList<>();
        if (application.principal() == null) {
            violations.add(new Violation("principal", "must be given"));
        } else {
            violations.addAll(application.principal().violations("principal"));
        }
        if (application.form() == null || !application.form().isObject()) {
            violations.add(new Violation("form", "must be an object with the answers"));
            return violations;
        }
        List<Violation> formViolations = JsonSchemas.validate(service.definition().form(), application.form(), "form");
        violations.addAll(formViolations);
        if (formViolations.isEmpty()) {
            for (Step step : service.definition().steps()) {
                if (step.organisationFor(application.form()).isEmpty()) {
                    violations.add(new Violation(JsonPaths.join("form", step.routing().field()),
                            "no organisation handles '" + step.name() + "' for this value"));
                }
            }
        }
        return violations;
    }
}
