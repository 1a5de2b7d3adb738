package com.lineguard.contracts.customer;

/** Stands in for a customer notification event: the route depends only on the package. */
public record CustomerOutageUpdated() {
}
