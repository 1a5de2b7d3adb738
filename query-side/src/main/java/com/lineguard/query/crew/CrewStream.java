package com.lineguard.query.crew;

import com.lineguard.query.crew.CrewNotifications.Notification;
import com.lineguard.query.support.LiveFeed;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /stream/crew}: the caller's notifications ({@code nearby-emergency}, {@code timer-expiring},
 * {@code stand-down}, ...), each with an id for {@code Last-Event-ID} resume from the database.
 */
@Component
class CrewStream {

    private final CrewNotifications notifications;
    private final LiveFeed<Notification> feed;

    CrewStream(CrewNotifications notifications) {
        this.notifications = notifications;
        this.feed = new LiveFeed<>("crew-stream", notifications::after, notifications::lastId, new LiveFeed.Shape<>() {
            @Override
            public long position(Notification notification) {
                return notification.id();
            }

            @Override
            public String eventName(Notification notification) {
                return notification.kind();
            }

            @Override
            public Object data(Notification notification) {
                return notification.data();
            }
        });
    }

    SseEmitter subscribe(String crewMemberId, Long lastEventId) {
        return feed.subscribe(n -> n.crewMemberId().equals(crewMemberId), lastEventId,
                (after, limit) -> notifications.forCrewMemberAfter(crewMemberId, after, limit));
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
