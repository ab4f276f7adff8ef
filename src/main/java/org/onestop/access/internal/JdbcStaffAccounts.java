package org.onestop.access.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.onestop.access.StaffAccounts;
import org.onestop.access.StaffMember;
import org.onestop.access.StaffRole;
import org.onestop.network.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcStaffAccounts implements StaffAccounts, UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,99}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Organisations organisations;
    private final Clock clock;

    JdbcStaffAccounts(JdbcClient jdbc, PasswordEncoder passwords, Organisations organisations, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Override
    @Transactional
    public StaffMember create(String username, String rawPassword, StaffRole role, String organisationCode) {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a username has 2 to 100 letters, digits or . _ @ -");
        }
        if (rawPassword == null || rawPassword.length() < 8 || rawPassword.getBytes(StandardCharsets.UTF_8).length > 72) {
            throw new IllegalArgumentException("a password has at least 8 characters and at most 72 bytes");
        }
        StaffMember member = new StaffMember(name, role, organisationCode);
        if (organisationCode != null && organisations.find(organisationCode).isEmpty()) {
            throw new IllegalArgumentException("unknown organisation " + organisationCode);
        }
        int inserted = jdbc.sql("""
                INSERT INTO staff_account (username, password_hash, role, organisation, enabled, created_at)
                VALUES (?, ?, ?, ?, TRUE, ?) ON CONFLICT DO NOTHING""")
                .params(name, passwords.encode(rawPassword), role.name(), organisationCode,
                        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        if (inserted == 0) {
            throw new IllegalArgumentException("the username " + name + " is taken");
        }
        return member;
    }

    @Override
    public Optional<StaffMember> find(String username) {
        return user(username).map(StaffUser::member);
    }

    @Override
    public List<StaffMember> all() {
        return jdbc.sql("SELECT * FROM staff_account ORDER BY username").query(JdbcStaffAccounts::row).list()
                .stream().map(StaffUser::member).toList();
    }

    boolean managerExists() {
        return jdbc.sql("SELECT COUNT(*) FROM staff_account WHERE role = 'MANAGER'").query(Long.class).single() > 0;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return user(username).orElseThrow(() -> new UsernameNotFoundException("no staff account " + username));
    }

    private Optional<StaffUser> user(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM staff_account WHERE username = ?").param(normalise(username))
                .query(JdbcStaffAccounts::row).optional();
    }

    private static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private static StaffUser row(ResultSet rs, int rowNum) throws SQLException {
        return new StaffUser(
                new StaffMember(rs.getString("username"), StaffRole.valueOf(rs.getString("role")), rs.getString("organisation")),
                rs.getString("password_hash"),
                rs.getBoolean("enabled"));
    }
}
