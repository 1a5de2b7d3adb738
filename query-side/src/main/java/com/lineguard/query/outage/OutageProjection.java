package com.lineguard.query.outage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.outage.OutageEvents.OutageAssigned;
import com.lineguard.contracts.outage.OutageEvents.OutageEvent;
import com.lineguard.contracts.outage.OutageStatus;
import com.lineguard.contracts.outage.OutageView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Folds outage events with {@link OutageView#evolve} into {@link OutageBoard} and renders the customers' view into
 * {@link PublicOutages}. Applying an event twice (a redelivery after a crash) is harmless: the row remembers the
 * outage's last sequence number applied (not the token's position, which events committed late share: V12).
 */
@Component
@ProcessingGroup(OutageProjection.PROCESSOR)
class OutageProjection {

    static final String PROCESSOR = "outage-board";

    private final OutageBoard board;
    private final PublicOutages publicOutages;
    private final ObjectMapper json;

    OutageProjection(OutageBoard board, PublicOutages publicOutages, ObjectMapper json) {
        this.board = board;
        this.publicOutages = publicOutages;
        this.json = json;
    }

    @EventHandler
    void on(OutageEvent event, @SequenceNumber long sequence, TrackingToken token) throws JsonProcessingException {
        OutageBoard.Entry current = board.find(event.outageId()).orElse(null);
        if (current != null && current.lastSequence() >= sequence) {
            return;
        }
        OutageView view = OutageView.evolve(current == null ? null : current.view(), event);
        board.save(new OutageBoard.Entry(view, sequence));
        if (event instanceof OutageAssigned assigned) {
            board.recordVisit(view.outageId(), assigned.crewId(), view.deviceId());
        }
        String body = json.writeValueAsString(PublicOutageView.of(view));
        // The token's position only orders rows for NearbyOutages to follow, which reloads all now and then for the
        // rows it passed over; it identifies nothing.
        publicOutages.save(view.outageId(), view.status() != OutageStatus.CLOSED, view.location(), body, etagOf(body),
                token.position().orElseThrow());
    }

    /** Derived from the body alone, so that events customers cannot see leave caches valid. */
    static String etagOf(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
