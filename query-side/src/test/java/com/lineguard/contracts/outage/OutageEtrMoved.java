package com.lineguard.contracts.outage;

/** Stands in for an outage event the outage feature will add: the route depends only on the package. */
public record OutageEtrMoved() {
}
