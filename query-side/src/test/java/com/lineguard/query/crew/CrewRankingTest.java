package com.lineguard.query.crew;

import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.query.crew.CrewRanking.Candidate;
import com.lineguard.query.crew.CrewRanking.CrewSuggestion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The crew ranking rule of docs/crew-suggestions.md, without Spring or a database. */
class CrewRankingTest {

    private static final GeoLocation SITE = new GeoLocation(52.0, 4.0, null);
    /** About 11 km north of the site. */
    private static final GeoLocation NEAR = new GeoLocation(52.1, 4.0, null);
    /** About 33 km north of the site. */
    private static final GeoLocation FAR = new GeoLocation(52.3, 4.0, null);

    @Test
    void given_a_near_skilled_crew_that_knows_the_device_then_it_ranks_first_with_its_figures() {
        List<CrewSuggestion> ranked = CrewRanking.rank(SITE, List.of("LINE", "HV"), List.of(
                new Candidate("far-unskilled", Set.of(), FAR, 0),
                new Candidate("near-skilled-familiar", Set.of("LINE", "HV", "TREE"), NEAR, 3)));

        assertThat(ranked).extracting(CrewSuggestion::crewId)
                .containsExactly("near-skilled-familiar", "far-unskilled");
        CrewSuggestion best = ranked.get(0);
        assertThat(best.distanceKm()).isBetween(11.0, 11.3);
        assertThat(best.skillsMatched()).isEqualTo(2);
        assertThat(best.pastVisitsToDevice()).isEqualTo(3);
        // nearness 50 * (1 - 11.12/50) + skills 30 + familiarity capped at 2 visits: 20
        assertThat(best.score()).isBetween(88.8, 88.9);
    }

    @Test
    void given_skills_outweighing_a_little_distance_then_the_skilled_crew_ranks_first() {
        List<CrewSuggestion> ranked = CrewRanking.rank(SITE, List.of("HV"), List.of(
                new Candidate("on-the-spot-unskilled", Set.of(), SITE, 0),
                new Candidate("near-skilled", Set.of("HV"), NEAR, 0)));

        assertThat(ranked).extracting(CrewSuggestion::crewId).containsExactly("near-skilled", "on-the-spot-unskilled");
        assertThat(ranked.get(1).score()).isEqualTo(50.0);
    }

    @Test
    void given_a_crew_without_a_known_location_then_it_is_listed_last_not_dropped() {
        List<CrewSuggestion> ranked = CrewRanking.rank(SITE, List.of("LINE"), List.of(
                new Candidate("unknown-but-perfect", Set.of("LINE"), null, 5),
                new Candidate("far-unskilled", Set.of(), FAR, 0)));

        assertThat(ranked).extracting(CrewSuggestion::crewId).containsExactly("far-unskilled", "unknown-but-perfect");
        assertThat(ranked.get(1).distanceKm()).isNull();
        assertThat(ranked.get(1).score()).isEqualTo(50.0);
    }

    @Test
    void given_no_required_skills_then_every_crew_gets_the_skill_points_and_distance_decides() {
        List<CrewSuggestion> ranked = CrewRanking.rank(SITE, List.of(), List.of(
                new Candidate("far", Set.of(), FAR, 0), new Candidate("near", Set.of(), NEAR, 0)));

        assertThat(ranked).extracting(CrewSuggestion::crewId).containsExactly("near", "far");
        assertThat(ranked).allSatisfy(s -> assertThat(s.skillsMatched()).isZero());
    }

    @Test
    void given_a_crew_beyond_the_nearness_range_then_it_gets_no_nearness_points() {
        GeoLocation farAway = new GeoLocation(53.0, 4.0, null);
        CrewSuggestion ranked = CrewRanking.rank(SITE, List.of(), List.of(new Candidate("x", Set.of(), farAway, 0)))
                .get(0);
        assertThat(ranked.score()).isEqualTo(30.0);
    }

    @Test
    void given_equal_scores_then_the_order_is_by_crew_id() {
        List<CrewSuggestion> ranked = CrewRanking.rank(SITE, List.of(), List.of(
                new Candidate("b", Set.of(), NEAR, 0), new Candidate("a", Set.of(), NEAR, 0)));
        assertThat(ranked).extracting(CrewSuggestion::crewId).containsExactly("a", "b");
    }
}
