package org.onestop.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onestop.testing.OneStopTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

/**
 * How stored versions follow saved definitions, on the real database. The services saved here
 * bypass the network's rules, so this class keeps a database of its own.
 */
@OneStopTest
@TestPropertySource(properties = "onestop.test.isolated=catalog-versions")
class CatalogVersionsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Catalog catalog;

    @Test
    void a_draft_is_changed_in_place_and_publishing_it_keeps_its_version() {
        Service draft = catalog.save(definition("drafted", "First", ServiceStatus.DRAFT));
        Service edited = catalog.save(definition("drafted", "Second", ServiceStatus.DRAFT));
        Service published = catalog.save(definition("drafted", "Second", ServiceStatus.PUBLISHED));

        assertThat(edited.id()).isEqualTo(draft.id());
        assertThat(published.id()).isEqualTo(draft.id());
        assertThat(catalog.versions("drafted")).hasSize(1);
        assertThat(catalog.published("drafted")).get().extracting(s -> s.definition().name()).isEqualTo("Second");
    }

    @Test
    void new_content_after_publication_is_a_new_version_and_the_old_one_stays_for_applications_under_way() {
        Service first = catalog.save(definition("versioned", "First", ServiceStatus.PUBLISHED));
        Service second = catalog.save(definition("versioned", "Second", ServiceStatus.PUBLISHED));

        assertThat(second.version()).isEqualTo(first.version() + 1);
        assertThat(catalog.published("versioned")).get().extracting(Service::id).isEqualTo(second.id());
        assertThat(catalog.find(first.id())).get().satisfies(old -> {
            assertThat(old.status()).isEqualTo(ServiceStatus.RETIRED);
            assertThat(old.definition().name()).isEqualTo("First");
            assertThat(old.definition().steps().get(0).sla()).isEqualTo(Duration.ofDays(3));
        });
    }

    @Test
    void saving_the_same_content_again_changes_nothing() {
        Service first = catalog.save(definition("steady", "Same", ServiceStatus.PUBLISHED));
        Service again = catalog.save(definition("steady", "Same", ServiceStatus.PUBLISHED));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void a_form_keeps_the_order_its_author_wrote_on_every_database() {
        ServiceDefinition ordered = new ServiceDefinition("ordered", "Ordered", null, ServiceStatus.PUBLISHED,
                JSON.readTree("{\"type\": \"object\", \"properties\": {\"zeta\": {\"type\": \"string\"}, "
                        + "\"alpha\": {\"type\": \"string\"}, \"middle\": {\"type\": \"string\"}}}"),
                definition("ordered", "Ordered", ServiceStatus.PUBLISHED).steps());
        Service saved = catalog.save(ordered);

        List<String> names = new java.util.ArrayList<>();
        catalog.find(saved.id()).orElseThrow().definition().form().path("properties").properties()
                .forEach(p -> names.add(p.getKey()));
        assertThat(names).containsExactly("zeta", "alpha", "middle");
    }

    private static ServiceDefinition definition(String code, String name, ServiceStatus status) {
        return new ServiceDefinition(code, name, "A test service", status,
                JSON.readTree("{\"type\": \"object\", \"properties\": {\"name\": {\"type\": \"string\"}}}"),
                List.of(new Step("only", "Only step", "someone", null, List.of(), new StepInput(List.of("name"), List.of()),
                        JSON.readTree("{\"type\": \"object\"}"), Duration.ofDays(3))));
    }
}
