package com.lineguard.standalone.console;

import com.lineguard.platform.testing.TestTokens;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny OpenID Connect provider on a free loopback port, so the console's single sign-on runs for real without a
 * network: discovery, JWKS, a sign-in form at {@code /authorize} (user id and roles, no password) and the
 * authorization-code exchange at {@code /token}, signing with a key made for the run. Only what the authorization
 * code flow of a confidential client needs; it trusts whoever fills in the form.
 */
final class TestIssuer implements AutoCloseable {

    static final String CLIENT_ID = "lineguard-console";
    static final String CLIENT_SECRET = "console-secret";
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(10);

    private record SignIn(String sub, List<String> roles, String nonce, Instant at) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, SignIn> codes = new ConcurrentHashMap<>();

    private TestIssuer() throws IOException {
        key = TestTokens.newKey();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, discovery()));
        server.createContext("/jwks", exchange -> json(exchange, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    static TestIssuer start() {
        try {
            return new TestIssuer();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the test issuer", e);
        }
    }

    /** 127.0.0.1 rather than localhost: the issuer must be one exact string, wherever localhost resolves to. */
    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An access token as this issuer would give a mobile app: for bearer calls next to the console's session. */
    String accessToken(String sub, String... roles) {
        return sign(claims(sub, List.of(roles), Instant.now()).build());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String discovery() {
        String issuer = issuer();
        return """
                {"issuer": "%1$s", "authorization_endpoint": "%1$s/authorize", "token_endpoint": "%1$s/token",
                 "jwks_uri": "%1$s/jwks", "response_types_supported": ["code"], "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "scopes_supported": ["openid"],
                 "token_endpoint_auth_methods_supported": ["client_secret_basic"]}""".formatted(issuer);
    }

    /** GET: the sign-in form, carrying the client's state, nonce and redirect URI. POST: back to the client with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        if ("GET".equals(exchange.getRequestMethod())) {
            Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
            StringBuilder hidden = new StringBuilder();
            for (String name : List.of("state", "nonce", "redirect_uri")) {
                hidden.append("<input type=hidden name=%s value=\"%s\">".formatted(name, html(query.getOrDefault(name, ""))));
            }
            send(exchange, 200, "text/html", """
                    <!DOCTYPE html><title>Test identity provider</title>
                    <form method=post action=/authorize>%s
                    <label>User <input id=username name=username></label>
                    <label>Roles <input id=roles name=roles placeholder="dispatcher,admin"></label>
                    <button id=sign-in type=submit>Sign in</button></form>""".formatted(hidden));
            return;
        }
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String code = UUID.randomUUID().toString();
        List<String> roles = Arrays.stream(form.getOrDefault("roles", "").split(","))
                .map(String::trim).filter(role -> !role.isEmpty()).toList();
        codes.put(code, new SignIn(form.get("username"), roles, form.get("nonce"), Instant.now()));
        exchange.getResponseHeaders().add("Location", form.get("redirect_uri") + "?code=" + code
                + "&state=" + URLEncoder.encode(form.get("state"), StandardCharsets.UTF_8));
        send(exchange, 302, "text/plain", "");
    }

    /** The code for an ID token and an access token, both with the roles claim; only for this client, only once. */
    private void token(HttpExchange exchange) throws IOException {
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        SignIn signIn = codes.remove(form.getOrDefault("code", ""));
        if (!basic.equals(exchange.getRequestHeaders().getFirst("Authorization")) || signIn == null) {
            send(exchange, 400, "application/json", "{\"error\": \"invalid_grant\"}");
            return;
        }
        String idToken = sign(claims(signIn.sub(), signIn.roles(), signIn.at())
                .audience(CLIENT_ID).claim("azp", CLIENT_ID).claim("nonce", signIn.nonce()).build());
        String accessToken = sign(claims(signIn.sub(), signIn.roles(), signIn.at()).build());
        json(exchange, """
                {"access_token": "%s", "token_type": "Bearer", "expires_in": %d, "scope": "openid", "id_token": "%s"}"""
                .formatted(accessToken, TOKEN_LIFETIME.toSeconds(), idToken));
    }

    private JWTClaimsSet.Builder claims(String sub, List<String> roles, Instant signedInAt) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(sub)
                .claim("roles", roles)
                .claim("auth_time", signedInAt.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString());
    }

    private String sign(JWTClaimsSet claims) {
        return TestTokens.signed(key, claims);
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            values.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        send(exchange, 200, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }
}
