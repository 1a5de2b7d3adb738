-- Responses to POSTs carrying an Idempotency-Key, written in the same transaction as the command's events.
create table idempotent_response (
    user_id      varchar(255)             not null,
    request_key  varchar(128)             not null,
    method_path  varchar(512)             not null,
    status       int                      not null,
    content_type varchar(255),
    body         bytea                    not null,
    created_at   timestamp with time zone not null,
    primary key (user_id, request_key)
);
create index idempotent_response_created on idempotent_response (created_at);
