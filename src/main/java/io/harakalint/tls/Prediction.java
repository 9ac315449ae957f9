package io.harakalint.tls;

import java.util.List;

/**
 * The predicted outcome of one client's handshake with Haraka: {@code protocol} and {@code cipher} are null on
 * failure; {@code serverPick} is the protocol and suite the server selected ({@code "TLSv1 DHE-RSA-AES128-SHA"}),
 * also when the client then aborts, null when the server sent no ServerHello; {@code serverError} is the {@code SSL routines:function:reason} text Haraka logs (null when the server
 * logs no TLS error, e.g. a client-side abort); {@code steps} is the chain of reasoning.
 */
public record Prediction(ClientProfile client, boolean ok, String protocol, String cipher, String serverPick,
    String serverError, String reason, List<String> steps) {}
