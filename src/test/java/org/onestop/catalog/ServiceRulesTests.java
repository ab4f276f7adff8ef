package org.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.onestop.network.ActivityProfile;
import org.onestop.network.Agreement;
import org.onestop.network.GovernanceMode;
import org.onestop.network.Money;
import org.onestop.network.Organisation;
import org.onestop.network.OrganisationKind;
import org.onestop.network.OrganisationStatus;
import org.onestop.network.ReceivingMode;
import org.onestop.platform.Violation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ServiceRulesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final JsonNode FORM = JSON.readTree("""
            {"type": "object", "properties": {
              "name": {"type": "string"},
              "address": {"type": "object", "properties": {"town": {"enum": ["north", "south"]}}}}}""");
    private static final JsonNode REGISTRY_OUTPUT = JSON.readTree("""
            {"type": "object", "properties": {"registryNumber": {"type": "string"}}}""");

    private final List<Organisation> organisations = new ArrayList<>(List.of(
            organisation("registry"), organisation("tax"), organisation("north-town"), organisation("south-town")));
    private final List<Agreement> agreements = new ArrayList<>(List.of(
            agreement("registry", "register"), agreement("tax", "tax-number"),
            agreement("north-town", "licence"), agreement("south-town", "licence")));

    private final NetworkView network = new NetworkView() {
        @Override
        public Optional<Organisation> organisation(String code) {
            return organisations.stream().filter(o -> o.code().equals(code)).findFirst();
        }

        @Override
        public List<Agreement> agreementsFor(String serviceCode) {
            return agreements.stream().filter(a -> a.service().equals(serviceCode)).toList();
        }
    };

    private final ServiceRules rules = new ServiceRules(network, TODAY);

    @Test
    void accepts_a_well_formed_service() {
        assertThat(rules.check(service(register(), taxNumber(), licence()), "services[0]")).isEmpty();
    }

    @Test
    void rejects_a_dependency_cycle() {
        Step register = new Step("register", "Register", "registry", null, List.of("tax-number"), null, REGISTRY_OUTPUT, null);
        assertThat(rules.check(service(register, taxNumber()), "services[0]"))
                .contains(new Violation("services[0].steps", "dependency cycle: register -> tax-number -> register"));
    }

    @Test
    void rejects_a_dependency_on_an_unknown_step() {
        Step tax = new Step("tax-number", "Tax", "tax", null, List.of("registr"), null, null, null);
        assertThat(rules.check(service(register(), tax), "services[0]"))
                .contains(new Violation("services[0].steps[1].dependsOn", "unknown step 'registr'"));
    }

    @Test
    void rejects_an_unknown_organisation() {
        Step register = new Step("register", "Register", "registri", null, List.of(), null, REGISTRY_OUTPUT, null);
        assertThat(rules.check(service(register), "services[0]"))
                .contains(new Violation("services[0].steps[0].organisation", "unknown organisation 'registri'"));
    }

    @Test
    void rejects_an_unknown_organisation_in_a_routing_rule() {
        Step licence = new Step("licence", "Licence", null,
                new Routing("address.town", Map.of("north", "north-town", "south", "west-town"), null),
                List.of(), null, null, null);
        assertThat(rules.check(service(register(), licence), "services[0]"))
                .contains(new Violation("services[0].steps[1].routing.organisations", "unknown organisation 'west-town'"));
    }

    @Test
    void rejects_an_invalid_form_schema() {
        JsonNode invalid = JSON.readTree("{\"type\": \"objekt\"}");
        ServiceDefinition service = new ServiceDefinition("start", "Start", null, ServiceStatus.PUBLISHED, invalid,
                List.of(register()));
        assertThat(rules.check(service, "services[0]")).anySatisfy(v -> assertThat(v.path()).startsWith("services[0].form"));
    }

    @Test
    void rejects_an_invalid_output_schema() {
        Step register = new Step("register", "Register", "registry", null, List.of(), null,
                JSON.readTree("{\"type\": \"object\", \"required\": \"registryNumber\"}"), null);
        assertThat(rules.check(service(register), "services[0]"))
                .anySatisfy(v -> assertThat(v.path()).startsWith("services[0].steps[0].output"));
    }

    @Test
    void rejects_an_input_field_the_form_does_not_have() {
        Step register = new Step("register", "Register", "registry", null, List.of(),
                new StepInput(List.of("name", "address.street"), List.of()), REGISTRY_OUTPUT, null);
        assertThat(rules.check(service(register), "services[0]"))
                .containsExactly(new Violation("services[0].steps[0].input.form", "the form has no field 'address.street'"));
    }

    @Test
    void rejects_a_routing_field_the_form_does_not_have() {
        Step licence = new Step("licence", "Licence", null,
                new Routing("address.city", Map.of("north", "north-town"), null), List.of(), null, null, null);
        assertThat(rules.check(service(licence), "services[0]"))
                .contains(new Violation("services[0].steps[0].routing.field", "the form has no field 'address.city'"));
    }

    @Test
    void rejects_an_output_input_from_a_step_it_does_not_depend_on() {
        Step licence = new Step("licence", "Licence", null, new Routing("address.town", Map.of("north", "north-town"), null),
                List.of(), new StepInput(List.of(), List.of("register.registryNumber")), null, null);
        assertThat(rules.check(service(register(), licence), "services[0]"))
                .contains(new Violation("services[0].steps[1].input.outputs",
                        "step 'register' is not one this step depends on"));
    }

    @Test
    void rejects_an_output_input_the_earlier_step_does_not_return() {
        Step tax = new Step("tax-number", "Tax", "tax", null, List.of("register"),
                new StepInput(List.of(), List.of("register.vatNumber")), null, null);
        assertThat(rules.check(service(register(), tax), "services[0]"))
                .contains(new Violation("services[0].steps[1].input.outputs", "step 'register' does not output 'vatNumber'"));
    }

    @Test
    void rejects_a_step_that_no_agreement_in_force_covers() {
        agreements.removeIf(a -> a.organisation().equals("tax"));
        agreements.add(new Agreement("tax-old", "tax", "start", List.of("tax-number"), GovernanceMode.IN_HOUSE, null, null,
                List.of(), null, LocalDate.of(2020, 1, 1), LocalDate.of(2025, 12, 31), null));
        assertThat(rules.check(service(register(), taxNumber()), "services[0]"))
                .contains(new Violation("services[0].steps[1].organisation",
                        "no agreement in force covers step 'tax-number' for organisation 'tax'"));
    }

    @Test
    void rejects_duplicate_step_codes() {
        assertThat(rules.check(service(register(), register()), "services[0]"))
                .contains(new Violation("services[0].steps[1].code", "duplicate step code 'register'"));
    }

    @Test
    void rejects_a_step_with_both_or_neither_organisation_and_routing() {
        Step neither = new Step("register", "Register", null, null, List.of(), null, REGISTRY_OUTPUT, null);
        assertThat(rules.check(service(neither), "services[0]"))
                .contains(new Violation("services[0].steps[0]", "must name either an organisation or a routing rule"));
    }

    @Test
    void routing_picks_the_organisation_from_the_form() {
        JsonNode form = JSON.readTree("{\"address\": {\"town\": \"south\"}}");
        assertThat(licence().organisationFor(form)).contains("south-town");
        assertThat(licence().organisationFor(JSON.readTree("{\"address\": {\"town\": \"east\"}}"))).isEmpty();
    }

    private static Step register() {
        return new Step("register", "Register", "registry", null, List.of(), new StepInput(List.of("name"), List.of()),
                REGISTRY_OUTPUT, Duration.ofDays(3));
    }

    private static Step taxNumber() {
        return new Step("tax-number", "Tax number", "tax", null, List.of("register"),
                new StepInput(List.of(), List.of("register.registryNumber")), null, Duration.ofDays(5));
    }

    private static Step licence() {
        return new Step("licence", "Licence", null,
                new Routing("address.town", Map.of("north", "north-town", "south", "south-town"), null),
                List.of(), new StepInput(List.of("address"), List.of()), null, Duration.ofDays(10));
    }

    private static ServiceDefinition service(Step... steps) {
        return new ServiceDefinition("start", "Start", null, ServiceStatus.PUBLISHED, FORM, List.of(steps));
    }

    private static Organisation organisation(String code) {
        return new Organisation(code, code, OrganisationKind.PUBLIC_AGENCY, OrganisationStatus.ACTIVE, ReceivingMode.INBOX,
                null, null);
    }

    private static Agreement agreement(String organisation, String step) {
        return new Agreement(organisation + "-" + step, organisation, "start", List.of(step), GovernanceMode.IN_HOUSE,
                Duration.ofDays(5), new Money(BigDecimal.TEN, "EUR"), List.of(), "law", LocalDate.of(2026, 1, 1), null,
                new ActivityProfile(3, 3, 3));
    }
}
