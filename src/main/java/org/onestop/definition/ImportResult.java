package org.onestop.definition;

import java.util.List;

/**
 * What an import stored.
 *
 * @param serviceVersions the stored version of each service, as {@code code@version}
 */
public record ImportResult(int organisations, int agreements, int services, List<String> serviceVersions) {
}
