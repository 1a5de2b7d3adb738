package com.lineguard.query.alert;

import com.lineguard.query.support.LiveFeed;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code GET /stream/dispatch}: an {@code alert} event carrying the view on every change of any alert. */
@Component
class DispatchStream {

    private final LiveFeed<AlertBoard.Entry> feed;
    private final AlertBoard board;

    DispatchStream(AlertBoard board) {
        this.board = board;
        this.feed = new LiveFeed<>("dispatch-stream", board::changedAfter, board::lastEvent, new LiveFeed.Shape<>() {
            @Override
            public long position(AlertBoard.Entry entry) {
                return entry.lastEvent();
            }

            @Override
            public String eventName(AlertBoard.Entry entry) {
                return "alert";
            }

            @Override
            public Object data(AlertBoard.Entry entry) {
                return entry.view();
            }
        });
    }

    SseEmitter subscribe(Long lastEventId) {
        return feed.subscribe(entry -> true, lastEventId, board::changedAfter);
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
