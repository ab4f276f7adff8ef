package org.onestop.access;

import java.io.Serializable;
import java.util.Objects;

/**
 * A person who signs in to the console.
 *
 * @param organisation the organisation an operator works for; {@code null} for managers and auditors
 */
public record StaffMember(String username, StaffRole role, String organisation) implements Serializable {

    public StaffMember {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        if ((role == StaffRole.OPERATOR) != (organisation != null)) {
            throw new IllegalArgumentException("an operator, and only an operator, belongs to an organisation");
        }
    }
}
