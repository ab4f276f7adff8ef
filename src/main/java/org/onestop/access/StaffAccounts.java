package org.onestop.access;

import java.util.List;
import java.util.Optional;

/** Local staff accounts (username, hashed password, role). */
public interface StaffAccounts {

    /**
     * Creates an enabled account. The password is hashed (bcrypt through Spring Security's delegating encoder).
     *
     * @param organisationCode the operator's organisation (must exist); {@code null} for managers and auditors
     * @throws IllegalArgumentException when the username is taken or invalid, the password is too short or too
     *         long (8 characters to 72 bytes), or an operator's organisation is missing or unknown
     */
    StaffMember create(String username, String rawPassword, StaffRole role, String organisationCode);

    Optional<StaffMember> find(String username);

    List<StaffMember> all();
}
