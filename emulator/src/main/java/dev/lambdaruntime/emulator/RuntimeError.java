package dev.lambdaruntime.emulator;

/**
 * An error the runtime reported outside an invocation ({@code /runtime/init/error} or {@code /runtime/restore/error}).
 *
 * @param errorType the {@code Lambda-Runtime-Function-Error-Type} header, or {@code Runtime.Unknown} without one
 * @param body the posted body, normally {@code {"errorMessage": ..., "errorType": ...}}
 */
public record RuntimeError(String errorType, String body) {

}
