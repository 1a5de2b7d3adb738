package com.lineguard.contracts.crew;

/** Stands in for a crew notification event: the route depends only on the package. */
public record CrewETRChanged() {
}
