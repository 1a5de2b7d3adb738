package com.lineguard.contracts.outage;

import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.contracts.outage.OutageEvents.EtrEstimated;
import com.lineguard.contracts.outage.OutageEvents.EtrExpired;
import com.lineguard.contracts.outage.OutageEvents.OutageAssigned;
import com.lineguard.contracts.outage.OutageEvents.OutageEvent;
import com.lineguard.contracts.outage.OutageEvents.OutageReported;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outage fold's flag for an ETR that passed with the power still off: dispatch must see it until renewed. */
class OutageViewTest {

    private static final UUID OUTAGE_ID = UUID.fromString("0b7e2f10-0000-4000-8000-000000000001");
    private static final Instant T0 = Instant.parse("2026-12-03T18:00:00Z");
    private static final Instant ETR = T0.plus(Duration.ofHours(2));

    private final List<OutageEvent> history = new ArrayList<>(List.of(
            new OutageReported(OUTAGE_ID, "XFMR-77", new GeoLocation(52.1, 4.3, null), 240, "storm", List.of("LINE"),
                    null, T0),
            new OutageAssigned(OUTAGE_ID, "crew-ana", null, T0),
            new EtrEstimated(OUTAGE_ID, ETR, EtrSource.CREW, null, null, "crew-ana", true, T0)));

    @Test
    void given_an_etr_when_nothing_has_happened_then_it_is_not_expired() {
        assertThat(OutageView.of(history).etrExpired()).isFalse();
    }

    @Test
    void given_an_etr_when_it_passes_unrestored_then_the_view_flags_it() {
        history.add(new EtrExpired(OUTAGE_ID, ETR, "crew-ana", ETR));

        OutageView view = OutageView.of(history);

        assertThat(view.etrExpired()).isTrue();
        assertThat(view.estimatedRestorationAt()).isEqualTo(ETR);
    }

    @Test
    void given_an_expired_etr_when_a_hidden_prediction_arrives_then_it_stays_flagged() {
        history.add(new EtrExpired(OUTAGE_ID, ETR, "crew-ana", ETR));
        history.add(new EtrEstimated(OUTAGE_ID, ETR.plusSeconds(3600), EtrSource.PREDICTED, 0.6, null,
                "legacy:predictor", false, ETR));

        assertThat(OutageView.of(history).etrExpired()).isTrue();
    }

    @Test
    void given_an_expired_etr_when_a_new_one_is_shown_then_the_flag_clears() {
        history.add(new EtrExpired(OUTAGE_ID, ETR, "crew-ana", ETR));
        history.add(new EtrEstimated(OUTAGE_ID, ETR.plusSeconds(3600), EtrSource.DISPATCHER, null, "crew delayed",
                "dispatch-dora", true, ETR));

        assertThat(OutageView.of(history).etrExpired()).isFalse();
    }
}
