package org.onestop.access.internal;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A member organisation's system, authenticated by a token signed with one of its registered keys. */
final class MemberAuthentication extends AbstractAuthenticationToken {

    private final String organisation;
    private final String tokenId;

    MemberAuthentication(String organisation, String tokenId) {
        super(List.of(new SimpleGrantedAuthority("ROLE_MEMBER")));
        this.organisation = organisation;
        this.tokenId = tokenId;
        setAuthenticated(true);
    }

    String organisation() {
        return organisation;
    }

    @Override
    public Object getCredentials() {
        return tokenId;
    }

    @Override
    public Object getPrincipal() {
        return organisation;
    }

    @Override
    public String getName() {
        return organisation;
    }
}
