package com.lineguard.query.outage;

import com.lineguard.contracts.error.ErrorCode;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.contracts.geo.GeoLocation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * Outage status for customers (API.md "Public"): no sign-in, served from the rendered read model without waiting for
 * the projection (a few seconds of lag is what the cache headers allow anyway), cacheable by a CDN.
 */
@RestController
@RequestMapping("/api/v1/public/outages")
class PublicOutageController {

    static final double MAX_RADIUS_KM = 50;
    /** Long enough for a CDN to absorb a storm's peak, short enough that customers see news within seconds. */
    static final String CACHE_CONTROL = "public, max-age=5";

    private final PublicOutages outages;
    private final NearbyOutages nearby;

    PublicOutageController(PublicOutages outages, NearbyOutages nearby) {
        this.outages = outages;
        this.nearby = nearby;
    }

    @GetMapping("/{outageId}")
    ResponseEntity<String> outage(@PathVariable UUID outageId,
                                  @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        PublicOutages.Published published = outages.find(outageId)
                .orElseThrow(() -> new Rejected(ErrorCode.OUTAGE_NOT_FOUND, "No outage " + outageId + "."));
        return cacheable(published.body(), published.etag(), ifNoneMatch);
    }

    @GetMapping
    ResponseEntity<String> near(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                                @RequestParam(required = false) Double radiusKm,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        if (lat == null || lat < -90 || lat > 90) {
            throw Rejected.invalid("lat", "lat is required, -90..90.");
        }
        if (lon == null || lon < -180 || lon > 180) {
            throw Rejected.invalid("lon", "lon is required, -180..180.");
        }
        if (radiusKm == null || radiusKm <= 0 || radiusKm > MAX_RADIUS_KM) {
            throw Rejected.invalid("radiusKm", "radiusKm is required, more than 0 and at most 50.");
        }
        String body = "[" + String.join(",", nearby.within(new GeoLocation(lat, lon, null), radiusKm)) + "]";
        return cacheable(body, OutageProjection.etagOf(body), ifNoneMatch);
    }

    private static ResponseEntity<String> cacheable(String body, String etag, String ifNoneMatch) {
        if (matches(ifNoneMatch, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        }
        return ResponseEntity.ok().eTag(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** RFC 9110 weak comparison: any listed tag, with or without {@code W/}, or {@code *}. */
    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
