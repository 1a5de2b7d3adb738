package com.lineguard.query.console;

import com.lineguard.platform.security.Actor;
import com.lineguard.platform.security.Role;
import com.lineguard.platform.security.SingleSignOnConfigured;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /console/me} (single sign-on only): who the console's session belongs to, with the roles the server took
 * from the identity provider's token, and the CSRF token the console must send with every POST. The console shows
 * views by these roles; the API checks them again on every call.
 */
@RestController
@Conditional(SingleSignOnConfigured.class)
class ConsoleSessionController {

    record Csrf(String headerName, String parameterName, String token) {
    }

    record ConsoleUser(String sub, List<String> roles, Csrf csrf) {
    }

    @GetMapping("/console/me")
    ConsoleUser me(Actor actor, CsrfToken csrf) {
        return new ConsoleUser(actor.id(), actor.roles().stream().map(Role::claimValue).sorted().toList(),
                new Csrf(csrf.getHeaderName(), csrf.getParameterName(), csrf.getToken()));
    }
}
