package com.lineguard.query.replay;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /admin/replay/{processor}} starts a rebuild; {@code GET} tells where it stands. */
@RestController
@RequestMapping("/api/v1/admin/replay")
@PreAuthorize("hasRole('admin')")
class ReplayController {

    private final ReplayService replays;

    ReplayController(ReplayService replays) {
        this.replays = replays;
    }

    @PostMapping("/{processor}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayService.Status start(@PathVariable String processor) {
        return replays.start(processor);
    }

    @GetMapping("/{processor}")
    ReplayService.Status status(@PathVariable String processor) {
        return replays.status(processor);
    }
}
