package com.lineguard.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code POST /dev/token {"sub", "roles"}}: a token signed by the standalone's own key, with {@code auth_time} now. */
@RestController
@Conditional(DevAuthConfiguration.DevAuthEnabled.class)
class DevTokenController {

    record DevTokenRequest(@NotBlank @Size(max = 255) String sub, @NotNull @Size(max = 4) List<@NotBlank String> roles) {
    }

    private final DevAuthentication devAuthentication;

    DevTokenController(DevAuthentication devAuthentication) {
        this.devAuthentication = devAuthentication;
    }

    @PostMapping("/dev/token")
    Map<String, String> token(@Valid @RequestBody DevTokenRequest request) {
        return Map.of("token", devAuthentication.mint(request.sub(), request.roles(), Instant.now()));
    }
}
