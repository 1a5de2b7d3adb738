package com.lineguard.query.crew;

import com.lineguard.contracts.geo.GeoLocation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Which crew to send to an outage (docs/crew-suggestions.md). Each crew scores up to 100 points:
 * <ul>
 *     <li>nearness, up to {@value #NEARNESS_POINTS}: full points on the spot, falling linearly to none at
 *     {@value #NEARNESS_RANGE_KM} km or more from its last reported location; none when no location is known;</li>
 *     <li>skills, up to {@value #SKILL_POINTS}: the share of the outage's required skills the crew holds (full points
 *     when none are required);</li>
 *     <li>familiarity, {@value #POINTS_PER_VISIT} per earlier outage on the same device, up to
 *     {@value #MAX_COUNTED_VISITS} visits: it knows the access and the kit.</li>
 * </ul>
 * Crews whose location is unknown come after all crews with one (they may be off shift), ranked among themselves the
 * same way. Ties go to the nearer crew, then by crew id so the order is stable.
 */
public final class CrewRanking {

    static final double NEARNESS_POINTS = 50;
    static final double NEARNESS_RANGE_KM = 50;
    static final double SKILL_POINTS = 30;
    static final double POINTS_PER_VISIT = 10;
    static final int MAX_COUNTED_VISITS = 2;

    /** A crew that could be sent; {@code lastKnownLocation} is null when it never reported one. */
    public record Candidate(String crewId, Set<String> skills, GeoLocation lastKnownLocation, int pastVisitsToDevice) {
    }

    /** API.md crew suggestion: {@code distanceKm} is null when the crew's location is unknown. */
    public record CrewSuggestion(String crewId, Double distanceKm, int skillsMatched, int pastVisitsToDevice,
                                double score) {
    }

    private CrewRanking() {
    }

    public static List<CrewSuggestion> rank(GeoLocation site, Collection<String> requiredSkills,
                                            Collection<Candidate> candidates) {
        return candidates.stream()
                .map(candidate -> suggest(site, requiredSkills, candidate))
                .sorted(Comparator.comparing((CrewSuggestion s) -> s.distanceKm() == null)
                        .thenComparing(CrewSuggestion::score, Comparator.reverseOrder())
                        .thenComparing(CrewSuggestion::distanceKm, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(CrewSuggestion::crewId))
                .toList();
    }

    private static CrewSuggestion suggest(GeoLocation site, Collection<String> requiredSkills, Candidate candidate) {
        Double distanceKm = candidate.lastKnownLocation() == null ? null
                : round(site.distanceKmTo(candidate.lastKnownLocation()));
        double nearness = distanceKm == null ? 0
                : NEARNESS_POINTS * Math.max(0, 1 - distanceKm / NEARNESS_RANGE_KM);
        int skillsMatched = (int) requiredSkills.stream().distinct().filter(candidate.skills()::contains).count();
        double skills = requiredSkills.isEmpty() ? SKILL_POINTS
                : SKILL_POINTS * skillsMatched / requiredSkills.stream().distinct().count();
        double familiarity = POINTS_PER_VISIT * Math.min(candidate.pastVisitsToDevice(), MAX_COUNTED_VISITS);
        return new CrewSuggestion(candidate.crewId(), distanceKm, skillsMatched, candidate.pastVisitsToDevice(),
                round(nearness + skills + familiarity));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
