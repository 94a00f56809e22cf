package dev.lambdaruntime.emulator;

import java.util.List;

/**
 * An extension that registered with the emulator's Extensions API, as the emulator sees it.
 *
 * @param name the {@code Lambda-Extension-Name} it registered with
 * @param identifier the {@code Lambda-Extension-Identifier} the emulator gave it
 * @param external whether it is an external extension (a process of its own); else an internal one, a thread of
 * the runtime
 * @param events the events it registered for, {@code INVOKE} and {@code SHUTDOWN}
 * @param state {@code Registered}, {@code Ready} (waiting in {@code /event/next}), {@code Busy} (handling an event)
 * or {@code Exited} (after {@code /init/error} or {@code /exit/error})
 */
public record RegisteredExtension(String name, String identifier, boolean external, List<String> events,
		String state) {

}
