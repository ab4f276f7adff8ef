package org.onestop.intake.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.catalog.Step;
import org.onestop.intake.Application;
import org.onestop.intake.CorrectingApplications;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
import org.onestop.platform.JsonPaths;
import org.onestop.platform.JsonSchemas;
import org.onestop.platform.NotFound;
import org.onestop.platform.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

@Component
class ApplicationCorrections implements CorrectingApplications {

    private final JdbcApplications applications;
    private final Catalog catalog;
    private final EventLog log;
    private final Clock clock;

    ApplicationCorrections(JdbcApplications applications, Catalog catalog, EventLog log, Clock clock) {
        this.applications = applications;
        this.catalog = catalog;
        this.log = log;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Violation> correct(UUID applicationId, JsonNode form, List<String> changedFields, String actor) {
        Application application = applications.find(applicationId)
                .orElseThrow(() -> new NotFound("No application " + applicationId));
        Service service = catalog.find(application.serviceId())
                .orElseThrow(() -> new NotFound("No service of application " + applicationId));
        if (form == null || !form.isObject()) {
            return List.of(new Violation("form", "must be an object with the answers"));
        }
        List<Violation> violations = new ArrayList<>(JsonSchemas.validate(service.definition().form(), form, "form"));
        if (violations.isEmpty()) {
            for (Step step : service.definition().steps()) {
                if (step.organisationFor(form).isEmpty()) {
                    violations.add(new Violation(JsonPaths.join("form", step.routing().field()),
                            "no organisation handles '" + step.name() + "' for this value"));
                }
            }
        }
        if (!violations.isEmpty()) {
            return violations;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int revision = applications.keepRevision(applicationId, actor, now);
        applications.replaceForm(applicationId, form);
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("revision", revision + 1);
        attributes.put("fields", List.copyOf(changedFields));
        log.append(new Event(Ids.newId(clock), now, "application-corrected", applicationId, applicationId, null, null,
                application.channel().name().toLowerCase(java.util.Locale.ROOT), actor, attributes));
        return List.of();
    }
}
