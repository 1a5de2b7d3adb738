package com.lineguard.query.alert;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/streams/disconnect} (admin only): ends every open dispatch stream on this node. Clients
 * reconnect with {@code Last-Event-ID} and lose nothing; useful before maintenance on a node, and how the console's
 * reconnect test cuts the stream from the server side.
 */
@RestController
class DispatchStreamAdminController {

    private final DispatchStream dispatchStream;

    DispatchStreamAdminController(DispatchStream dispatchStream) {
        this.dispatchStream = dispatchStream;
    }

    @PostMapping("/api/v1/admin/streams/disconnect")
    @PreAuthorize("hasRole('admin')")
    ResponseEntity<Void> disconnect() {
        dispatchStream.disconnectAll();
        return ResponseEntity.noContent().build();
    }
}
