package com.lineguard.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The standalone's own signing key and token minting, so that a newcomer can try the API with curl. The key is kept
 * in the data dir: tokens stay valid across restarts, as they would with a real identity provider.
 */
public final class DevAuthentication {

    public static final String ISSUER = "lineguard-dev";
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(8);

    private final RSAKey key;

    private DevAuthentication(RSAKey key) {
        this.key = key;
    }

    public static DevAuthentication loadOrCreate(Path dataDir) {
        Path keyFile = dataDir.resolve("dev-auth").resolve("signing-key.jwk");
        try {
            if (Files.exists(keyFile)) {
                return new DevAuthentication(RSAKey.parse(Files.readString(keyFile)));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(keyFile.getParent());
            Files.writeString(keyFile, key.toJSONString());
            return new DevAuthentication(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("Cannot read or create the dev signing key " + keyFile, e);
        }
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    public String mint(String sub, List<String> roles, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(sub)
                .claim("roles", roles)
                .claim("auth_time", now.getEpochSecond())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
