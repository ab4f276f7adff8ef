package org.onestop.definition;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.onestop.catalog.Catalog;
import org.onestop.insight.PublicValue;
import org.onestop.catalog.Service;
import org.onestop.network.Agreements;
import org.onestop.network.Organisations;
import org.onestop.insight.PublicValueIndicator;
import org.onestop.platform.Event;
import org.onestop.platform.EventLog;
import org.onestop.platform.Ids;
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
    private final EventLog events;

    NetworkDefinitions(Organisations organisations, Agreements agreements, Catalog catalog, QueryServices queries,
            Clock clock, PublicValue publicValue, EventLog events) {
        this.publicValue = publicValue;
        this.events = events;
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

    /**
     * Replaces the public value scorecard, as a manager edits it in the console: the indicators go
     * through the same schema and rules as the scorecard of an imported file, and the change is
     * recorded in the event log ({@code public-value-changed}) with who made it.
     *
     * @param indicator the code of the indicator added, changed or removed
     * @param change {@code added}, {@code changed} or {@code removed}
     * @throws InvalidInput listing every problem at its path ({@code publicValue[2].target}), changing nothing
     */
    @Transactional
    public void changePublicValue(List<PublicValueIndicator> indicators, String indicator, String change, String actor) {
        NetworkDefinition scorecard = DefinitionDocument.bind(DefinitionDocument.tree(
                new NetworkDefinition(null, null, null, null, null, indicators)));
        var problems = DefinitionRules.checkPublicValue(
                new OverlaidNetwork(scorecard, organisations, agreements, catalog, queries), scorecard.publicValue());
        if (!problems.isEmpty()) {
            throw new InvalidInput(DefinitionDocument.REJECTED, problems);
        }
        publicValue.declare(scorecard.publicValue());
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("indicator", indicator);
        attributes.put("change", change);
        scorecard.publicValue().stream().filter(i -> i.code().equals(indicator)).findFirst().ifPresent(i -> {
            attributes.put("metric", i.metric());
            attributes.put("better", i.higherIsBetter() ? "higher" : "lower");
            if (i.baseline() != null) {
                attributes.put("baseline", i.baseline());
            }
            if (i.target() != null) {
                attributes.put("target", i.target());
            }
        });
        events.append(new Event(Ids.newId(clock), clock.instant(), "public-value-changed", null, null, null, null,
                null, actor, attributes));
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
