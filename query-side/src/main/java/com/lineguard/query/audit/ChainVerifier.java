package com.lineguard.query.audit;

import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

/**
 * Walks the event store and the hash chain side by side and reports the first event that was changed, removed or
 * inserted since it was chained. Events newer than the chain's head are not yet chained and are not judged.
 */
@Component
class ChainVerifier {

    private static final int BATCH = 1_000;

    /** {@code problem} is null when the store matches the chain. */
    record Report(String status, long eventsChecked, long chainedUpTo, Problem problem) {
    }

    record Problem(String kind, long globalIndex, String eventId, String aggregateId, Long sequence) {
    }

    private final EventChain chain;

    ChainVerifier(EventChain chain) {
        this.chain = chain;
    }

    Report verify() {
        long chainedUpTo = chain.last().map(EventChain.Link::globalIndex).orElse(0L);
        byte[] previous = StoredEvent.GENESIS;
        long checked = 0;
        long position = 0;
        List<EventChain.Link> links = chain.linksAfter(position, BATCH);
        List<StoredEvent> events = chain.storedEventsAfter(position, BATCH);
        int l = 0;
        int e = 0;
        while (true) {
            if (l == links.size() && !links.isEmpty()) {
                links = chain.linksAfter(links.get(l - 1).globalIndex(), BATCH);
                l = 0;
            }
            if (e == events.size() && !events.isEmpty()) {
                events = chain.storedEventsAfter(events.get(e - 1).globalIndex(), BATCH);
                e = 0;
            }
            EventChain.Link link = l < links.size() ? links.get(l) : null;
            StoredEvent event = e < events.size() ? events.get(e) : null;
            if (link == null) {
                if (event != null && event.globalIndex() <= chainedUpTo) {
                    return tampered(checked, chainedUpTo, "INSERTED", event);
                }
                return new Report("OK", checked, chainedUpTo, null);
            }
            if (event == null || event.globalIndex() > link.globalIndex()) {
                return new Report("TAMPERED", checked, chainedUpTo,
                        new Problem("REMOVED", link.globalIndex(), link.eventId(), null, null));
            }
            if (event.globalIndex() < link.globalIndex()) {
                return tampered(checked, chainedUpTo, "INSERTED", event);
            }
            byte[] expected = event.link(previous);
            if (!Arrays.equals(expected, link.link()) || !event.eventId().equals(link.eventId())) {
                return tampered(checked, chainedUpTo, "CHANGED", event);
            }
            previous = link.link();
            checked++;
            l++;
            e++;
        }
    }

    private static Report tampered(long checked, long chainedUpTo, String kind, StoredEvent event) {
        return new Report("TAMPERED", checked, chainedUpTo, new Problem(kind, event.globalIndex(), event.eventId(),
                event.aggregateId(), event.sequence()));
    }
}
