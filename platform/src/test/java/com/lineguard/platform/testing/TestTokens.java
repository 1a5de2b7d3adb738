package com.lineguard.platform.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * An identity provider for tests: a signing key whose public half the service trusts
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), and tokens of every kind a test needs,
 * including the ones that must be refused.
 */
public final class TestTokens {

    private static final RSAKey TRUSTED = newKey();
    private static final RSAKey STRANGER = newKey();
    private static final Path PUBLIC_KEY_FILE = writePublicKey(TRUSTED);

    private TestTokens() {
    }

    public static void trustTestIssuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
    }

    /** For a service in a process of its own: several such nodes then accept the same tokens. */
    public static String publicKeyLocation() {
        return "file:" + PUBLIC_KEY_FILE.toAbsolutePath();
    }

    public static String token(String sub, String... roles) {
        return signed(TRUSTED, claims(sub, List.of(roles), Instant.now(), Instant.now().plus(Duration.ofHours(1))));
    }

    public static String signedInAt(Instant authTime, String sub, String... roles) {
        return signed(TRUSTED, claims(sub, List.of(roles), authTime, Instant.now().plus(Duration.ofHours(1))));
    }

    public static String expired(String sub, String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        return signed(TRUSTED, claims(sub, List.of(roles), past, past.plus(Duration.ofHours(1))));
    }

    public static String signedByAnotherKey(String sub, String... roles) {
        return signed(STRANGER, claims(sub, List.of(roles), Instant.now(), Instant.now().plus(Duration.ofHours(1))));
    }

    public static String unsigned(String sub, String... roles) {
        return new PlainJWT(claims(sub, List.of(roles), Instant.now(), Instant.now().plus(Duration.ofHours(1))))
                .serialize();
    }

    private static JWTClaimsSet claims(String sub, List<String> roles, Instant authTime, Instant expiresAt) {
        return new JWTClaimsSet.Builder()
                .subject(sub)
                .claim("roles", roles)
                .claim("auth_time", authTime.getEpochSecond())
                .issueTime(Date.from(authTime))
                .expirationTime(Date.from(expiresAt))
                .build();
    }

    /** Signs any claims with RS256 (a test issuer of its own uses this with its own key). */
    public static String signed(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    public static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("test-" + System.nanoTime()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePublicKey(RSAKey key) {
        try {
            Path file = Files.createTempFile("lineguard-test-issuer", ".pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
