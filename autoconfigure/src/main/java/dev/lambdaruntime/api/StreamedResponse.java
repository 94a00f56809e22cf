package dev.lambdaruntime.api;

import org.jspecify.annotations.Nullable;

/**
 * What came of a streamed response.
 *
 * @param outcome what the Runtime API said
 * @param failure the function's failure while streaming, sent as the error trailers, or {@code null}
 */
public record StreamedResponse(ResponseOutcome outcome, @Nullable Exception failure) {

}
