package com.lineguard.query.crew;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The read model of crews as an admin registered them: name and skills. */
@Repository
public class CrewRoster {

    public record CrewProfile(String crewId, String name, List<String> skills) {
    }

    private final JdbcTemplate jdbc;

    public CrewRoster(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> lastSequenceOf(String crewId) {
        return jdbc.queryForList("select last_sequence from crew_profile where crew_id = ?", Long.class, crewId)
                .stream().findFirst();
    }

    public void save(CrewProfile profile, long lastSequence) {
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into crew_profile (crew_id, name, skills, last_sequence) values (?, ?, ?, ?)
                    on conflict (crew_id) do update
                       set name = excluded.name, skills = excluded.skills, last_sequence = excluded.last_sequence""");
            statement.setString(1, profile.crewId());
            statement.setString(2, profile.name());
            statement.setArray(3, connection.createArrayOf("text", profile.skills().toArray()));
            statement.setLong(4, lastSequence);
            return statement;
        });
    }

    public List<CrewProfile> all() {
        return jdbc.query("select crew_id, name, skills from crew_profile order by crew_id",
                (rs, i) -> new CrewProfile(rs.getString(1), rs.getString(2), skills(rs.getArray(3))));
    }

    private static List<String> skills(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
