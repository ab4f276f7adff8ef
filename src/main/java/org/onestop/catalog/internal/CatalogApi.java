package org.onestop.catalog.internal;

import java.util.List;

import org.onestop.catalog.Catalog;
import org.onestop.catalog.Service;
import org.onestop.platform.NotFound;
import org.onestop.platform.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@RequestMapping("/api/v1/services")
@Tag(name = "Catalog", description = "Services, their versions, forms and steps")
class CatalogApi {

    private final Catalog catalog;

    CatalogApi(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "The newest version of each service")
    PageOf<Service> services(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageOf.checkBounds(page, size);
        return PageOf.of(catalog.latestOfEach(), page, size);
    }

    @GetMapping("/{code}")
    @Operation(summary = "The published version of a service, or its newest if none is published")
    Service service(@PathVariable String code) {
        return catalog.published(code).or(() -> catalog.latest(code))
                .orElseThrow(() -> new NotFound("No service '" + code + "'"));
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "Every version of a service, newest first")
    List<Service> versions(@PathVariable String code) {
        List<Service> versions = catalog.versions(code);
        if (versions.isEmpty()) {
            throw new NotFound("No service '" + code + "'");
        }
        return versions;
    }

    @GetMapping("/{code}/versions/{version}")
    @Operation(summary = "One version of a service")
    Service version(@PathVariable String code, @PathVariable int version) {
        return catalog.versions(code).stream().filter(s -> s.version() == version).findFirst()
                .orElseThrow(() -> new NotFound("No version " + version + " of service '" + code + "'"));
    }
}
