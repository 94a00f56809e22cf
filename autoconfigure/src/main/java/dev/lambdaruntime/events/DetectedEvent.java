package dev.lambdaruntime.events;

import tools.jackson.databind.JsonNode;

/**
 * An event whose shape the detector recognised, parsed once.
 *
 * @param source where it came from
 * @param json the whole event
 */
record DetectedEvent(EventSource source, JsonNode json) {

}
