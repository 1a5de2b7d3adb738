package com.lineguard.platform.web;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Responses to POSTs that carried an {@code Idempotency-Key}, kept for 24 hours per user and key. */
@Repository
public class IdempotentResponses {

    static final Duration RETENTION = Duration.ofHours(24);

    public record StoredResponse(int status, String contentType, byte[] body) {
    }

    private final JdbcTemplate jdbc;

    public IdempotentResponses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this transaction, or returns the response stored under it. A concurrent request with the same
     * key waits on the primary key until the first one commits (then it finds its response) or rolls back (then it
     * takes the claim itself), so two retries of one panic press never both act.
     */
    public Optional<StoredResponse> claim(String userId, String key, String methodPath, Instant now) {
        jdbc.update("delete from idempotent_response where user_id = ? and request_key = ? and created_at < ?",
                userId, key, Timestamp.from(now.minus(RETENTION)));
        int claimed = jdbc.update("""
                insert into idempotent_response (user_id, request_key, method_path, status, body, created_at)
                values (?, ?, ?, 0, ''::bytea, ?) on conflict do nothing""",
                userId, key, methodPath, Timestamp.from(now));
        if (claimed == 1) {
            return Optional.empty();
        }
        return jdbc.query("select status, content_type, body from idempotent_response where user_id = ? and request_key = ?",
                (rs, i) -> new StoredResponse(rs.getInt(1), rs.getString(2), rs.getBytes(3)), userId, key).stream().findFirst();
    }

    public void complete(String userId, String key, int status, String contentType, byte[] body) {
        jdbc.update("update idempotent_response set status = ?, content_type = ?, body = ? where user_id = ? and request_key = ?",
                status, contentType, body, userId, key);
    }

    public int purgeOlderThan(Instant cutoff) {
        return jdbc.update("delete from idempotent_response where created_at < ?", Timestamp.from(cutoff));
    }
}
