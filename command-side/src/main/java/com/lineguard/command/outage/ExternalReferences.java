package com.lineguard.command.outage;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/**
 * The reference claims are rows under a primary key, taken in the reporting command's transaction: a report racing
 * another with the same reference waits for it and then finds its outage.
 */
@Repository
public class ExternalReferences implements OutageReferences {

    private final JdbcTemplate jdbc;

    public ExternalReferences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UUID claim(String externalRef, UUID outageId) {
        int claimed = jdbc.update(
                "insert into outage_reference (external_ref, outage_id) values (?, ?) on conflict do nothing",
                externalRef, outageId);
        return claimed == 1 ? outageId : find(externalRef).orElseThrow();
    }

    @Override
    public Optional<UUID> find(String externalRef) {
        return jdbc.queryForList("select outage_id from outage_reference where external_ref = ?", UUID.class,
                externalRef).stream().findFirst();
    }
}
