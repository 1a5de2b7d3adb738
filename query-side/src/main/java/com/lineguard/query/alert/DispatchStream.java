package com.lineguard.query.alert;

import com.lineguard.query.support.LiveFeed;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /stream/dispatch}: an {@code alert} event carrying the view on every change of any alert, in order, from
 * the change log ({@link AlertChanges}), so that no intermediate state is lost even when several changes of one alert
 * commit together.
 */
@Component
class DispatchStream {

    private final LiveFeed<AlertChanges.Change> feed;
    private final AlertChanges changes;

    DispatchStream(AlertChanges changes) {
        this.changes = changes;
        this.feed = new LiveFeed<>("dispatch-stream", changes::after, changes::head, new LiveFeed.Shape<>() {
            @Override
            public long position(AlertChanges.Change change) {
                return change.position();
            }

            @Override
            public String eventName(AlertChanges.Change change) {
                return "alert";
            }

            @Override
            public Object data(AlertChanges.Change change) {
                return change.view();
            }
        });
    }

    SseEmitter subscribe(Long lastEventId) {
        return feed.subscribe(change -> true, lastEventId, changes::after);
    }

    /** The position a board read now is current up to: a stream opened with it as Last-Event-ID misses nothing. */
    long head() {
        return changes.head();
    }

    void changed() {
        feed.changed();
    }

    void disconnectAll() {
        feed.disconnectAll();
    }

    @PreDestroy
    void stop() {
        feed.close();
    }
}
