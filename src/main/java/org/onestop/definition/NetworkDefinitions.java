package org.onestop.definition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.onestop.catalog.Catalog;
import org.onestop.insight.PublicValue;
import org.onestop.catalog.Service;
import org.onestop.network.Agreements;
import org.onestop.network.Organisations;
import org.onestop.platform.InvalidInput;
import org.onestop.query.QueryServices;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;

/**
 * Imports and exports the whole network as one document. An import is checked in full before
 * anything is written, then written in one transaction; importing the same document twice
 * changes nothing the second time.
 */
@org.springframework.stereotype.Service
public class NetworkDefinitions {

    private final Organisations organisations;
    private final Agreements agreements;
    private final Catalog catalog;
    private final QueryServices queries;
    private final Clock clock;
    private final PublicValue publicValue;

    NetworkDefinitions(Organisations organisations, Agreements agreements, Catalog catalog, QueryServices queries,
            Clock clock, PublicValue publicValue) {
        this.publicValue = publicValue;
        this.organisations = organisations;
        this.agreements = agreements;
        this.catalog = catalog;
        this.queries = queries;
        this.clock = clock;
    }

    /** Reads, checks and stores a document; throws {@link InvalidInput} listing every problem, changing nothing. */
    @Transactional
    public ImportResult importText(String text, DefinitionFormat format) {
        return importChecked(DefinitionDocument.read(text, format));
    }

    /** Checks and stores a definition; throws {@link InvalidInput} listing every problem, changing nothing. */
    @Transactional
    public ImportResult importDefinition(NetworkDefinition definition) {
        return importChecked(DefinitionDocument.bind(DefinitionDocument.tree(definition)));
    }

    /** Checks and stores a document already parsed into a tree in the shape of the file. */
    @Transactional
    public ImportResult importTree(JsonNode tree) {
        return importChecked(DefinitionDocument.bind(tree));
    }

    private ImportResult importChecked(NetworkDefinition definition) {
        var problems = DefinitionRules.check(new OverlaidNetwork(definition, organisations, agreements, catalog, queries),
                LocalDate.now(clock));
        if (!problems.isEmpty()) {
            throw new InvalidInput(DefinitionDocument.REJECTED, problems);
        }
        definition.organisations().forEach(organisations::save);
        definition.agreements().forEach(agreements::save);
        List<String> versions = definition.services().stream().map(catalog::save)
                .map(service -> service.code() + "@" + service.version()).toList();
        definition.queryServices().forEach(queries::save);
        definition.queryAgreements().forEach(queries::save);
        if (definition.publicValue() != null) {
            publicValue.declare(definition.publicValue());
        }
        return new ImportResult(definition.organisations().size(), definition.agreements().size(),
                definition.services().size(), versions);
    }

    @Transactional(readOnly = true)
    public NetworkDefinition current() {
        return new NetworkDefinition(organisations.all(), agreements.all(),
                catalog.latestOfEach().stream().map(Service::definition).toList(), queries.all(), queries.agreements(),
                publicValue.indicators());
    }

    public String exportText(DefinitionFormat format) {
        return DefinitionDocument.write(current(), format);
    }

    /** Whether the network has no organisations yet, as on a first start. */
    public boolean networkIsEmpty() {
        return organisations.all().isEmpty();
    }
}
